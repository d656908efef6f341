package fr.atlas.platform.web;

import java.sql.SQLException;
import java.util.List;
import java.util.Locale;

import fr.atlas.platform.InvalidInputException;
import fr.atlas.platform.InvalidInputException.FieldProblem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.ProblemDetail;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the API answers when PostgreSQL refuses a write: text it cannot store is the
 * caller's 400, a unique key two requests met at once a 409, anything else stays an
 * error.
 */
class ApiProblemsTests {

	private final ApiProblems problems = new ApiProblems(messages());

	@AfterEach
	void resetLocale() {
		LocaleContextHolder.resetLocaleContext();
	}

	@Test
	void aUniqueKeyMetByTwoRequestsAtOnceIsAConflict() {
		LocaleContextHolder.setLocale(Locale.FRENCH);
		ProblemDetail problem = this.problems.refusedWrite(
				new DuplicateKeyException("duplicate key",
						new SQLException("duplicate key value violates unique constraint", "23505")),
				new MockHttpServletRequest());
		assertThat(problem.getStatus()).isEqualTo(409);
		assertThat(problem.getProperties()).containsEntry("code", "problem.concurrent-change");
		assertThat(problem.getDetail()).startsWith("Une autre demande vient d’enregistrer la même chose");
	}

	/**
	 * A deadlock the database broke by failing one of two requests was a 500, "a failure
	 * of ours", where the request only met another at the same moment.
	 */
	@Test
	void aDeadlockBetweenTwoRequestsIsAConflict() {
		LocaleContextHolder.setLocale(Locale.ENGLISH);
		ProblemDetail problem = this.problems.lockedByAnother(
				new PessimisticLockingFailureException("deadlock", new SQLException("deadlock detected", "40P01")));
		assertThat(problem.getStatus()).isEqualTo(409);
		assertThat(problem.getProperties()).containsEntry("code", "problem.concurrent-change");
		assertThat(problem.getDetail()).startsWith("Another request saved the same thing at the same moment");
	}

	@Test
	void textPostgreSqlCannotStoreIsTheCallersMistake() {
		ProblemDetail problem = this.problems.refusedWrite(
				new DataIntegrityViolationException("nul",
						new SQLException("invalid byte sequence for encoding UTF8: 0x00", "22021")),
				new MockHttpServletRequest());
		assertThat(problem.getStatus()).isEqualTo(400);
	}

	@Test
	void aReferenceToARowDeletedAtThatMomentIsAConflict() {
		LocaleContextHolder.setLocale(Locale.ENGLISH);
		ProblemDetail problem = this.problems.refusedWrite(
				new DataIntegrityViolationException("fk", new SQLException("violates foreign key constraint", "23503")),
				new MockHttpServletRequest());
		assertThat(problem.getStatus()).isEqualTo(409);
		assertThat(problem.getProperties()).containsEntry("code", "problem.reference-gone");
		assertThat(problem.getDetail()).startsWith("What the request refers to was just deleted");
	}

	/**
	 * A client that reads RFC 9457's {@code detail} and not our {@code errors} learns
	 * what was wrong: every message, each a sentence.
	 */
	@Test
	void invalidInputSaysItsMessagesInTheDetail() {
		LocaleContextHolder.setLocale(Locale.FRENCH);
		ProblemDetail problem = this.problems
			.invalid(new InvalidInputException(List.of(new FieldProblem("mapping", "json.expected.object"),
					new FieldProblem("limit", "json.expected.integer"))));
		assertThat(problem.getStatus()).isEqualTo(400);
		assertThat(problem.getDetail()).isEqualTo("mapping\u00A0: objet JSON attendu, entre accolades. "
				+ "limit\u00A0: nombre entier attendu (par exemple 42, sans guillemets).");
		assertThat(problem.getProperties()).containsKey("errors");
	}

	/**
	 * A sign-up without its organisation's name said "Required." and nothing of which
	 * field: a shared message is named by its field, one in its own words is left as it
	 * is.
	 */
	@Test
	void theDetailNamesTheFieldOfASharedMessage() {
		LocaleContextHolder.setLocale(Locale.ENGLISH);
		ProblemDetail problem = this.problems
			.invalid(new InvalidInputException(List.of(new FieldProblem("organisation", "field.required"),
					new FieldProblem("password", "password.too-short", 12),
					new FieldProblem("startsAt", "json.expected.date-time"))));
		assertThat(problem.getDetail()).isEqualTo("organisation: required. The password needs at least 12 characters. "
				+ "startsAt: a date and time are expected, in ISO 8601 with the offset (for example 2026-12-31T09:30:00Z).");
		assertThat(problem.getProperties().get("errors")).asString().contains("code=field.required, message=Required]");
	}

	/**
	 * A message that ends with a bracket or a quote is a sentence as any other: a party
	 * of an unknown type without its label read "Type inconnu (AGENCY, CONTACT ou
	 * LISTING) label : champ obligatoire.", one sentence running into the next.
	 */
	@Test
	void aMessageEndingWithABracketOrAQuoteEndsItsSentence() {
		assertThat(ApiProblems
			.detail(List.of("Type inconnu (AGENCY, CONTACT ou LISTING)", "label\u00A0: champ obligatoire",
					"Propriété inconnue\u00A0: «\u00A0a\u00A0»", "Liste attendue (par exemple [\"AGENT\"])", "Fin.")))
			.isEqualTo("Type inconnu (AGENCY, CONTACT ou LISTING). label\u00A0: champ obligatoire. "
					+ "Propriété inconnue\u00A0: «\u00A0a\u00A0». Liste attendue (par exemple [\"AGENT\"]). Fin.");
	}

	/** Not Spring Boot's English error: a 500 problem detail with the correlation id. */
	@Test
	void anyOtherRefusalIsAnInternalErrorInTheCallersLanguage() {
		LocaleContextHolder.setLocale(Locale.FRENCH);
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/cases");
		request.setAttribute(CorrelatedErrorAttributes.ATTRIBUTE, "c0ffee");
		ProblemDetail problem = this.problems.refusedWrite(
				new DataIntegrityViolationException("check", new SQLException("violates check constraint", "23514")),
				request);
		assertThat(problem.getStatus()).isEqualTo(500);
		assertThat(problem.getTitle()).isEqualTo("Erreur interne");
		assertThat(problem.getProperties()).containsEntry("correlationId", "c0ffee");
	}

	private static ResourceBundleMessageSource messages() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasenames("i18n/messages");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return messages;
	}

}
