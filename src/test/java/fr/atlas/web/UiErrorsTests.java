package fr.atlas.web;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;

import org.springframework.context.support.StaticMessageSource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.servlet.ModelAndView;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What a page answers when PostgreSQL refuses a write: a unique key two submissions met
 * at once, or a reference to a row deleted at that moment, is told in words with the way
 * back; anything else stays an error.
 */
class UiErrorsTests {

	private final UiErrors errors = new UiErrors(new StaticMessageSource());

	@Test
	void aUniqueKeyMetByTwoSubmissionsAtOnceIsToldWithTheWayBack() {
		MockHttpServletRequest request = request("http://localhost:8080/cases/teams?tab=2");
		ModelAndView page = this.errors.concurrentChange(duplicate(), request);
		assertThat(page.getViewName()).isEqualTo("error/409");
		assertThat(page.getStatus()).isEqualTo(HttpStatus.CONFLICT);
		assertThat(page.getModel()).containsEntry("back", "/cases/teams?tab=2");
	}

	@Test
	void leadsBackOnlyToAPageOfOurs() {
		assertThat(UiErrors.sameSitePage(request("https://ailleurs.example/piege"))).isNull();
		assertThat(UiErrors.sameSitePage(request("http://localhost:8080//ailleurs.example/piege"))).isNull();
		assertThat(UiErrors.sameSitePage(request("http://localhost:9999/cases"))).isNull();
		assertThat(UiErrors.sameSitePage(request("pas une adresse"))).isNull();
		assertThat(UiErrors.sameSitePage(new MockHttpServletRequest())).isNull();
	}

	@Test
	void aReferenceToARowDeletedAtThatMomentIsToldWithTheWayBack() {
		DataIntegrityViolationException foreignKey = new DataIntegrityViolationException("fk",
				new SQLException("violates foreign key constraint", "23503"));
		ModelAndView page = this.errors.concurrentChange(foreignKey, request("http://localhost:8080/cases/c1"));
		assertThat(page.getViewName()).isEqualTo("error/409");
		assertThat(page.getStatus()).isEqualTo(HttpStatus.CONFLICT);
		assertThat(page.getModel()).containsEntry("reason", "problem.reference-gone")
			.containsEntry("back", "/cases/c1");
	}

	@Test
	void anyOtherRefusalStaysAnError() {
		DataIntegrityViolationException check = new DataIntegrityViolationException("check",
				new SQLException("violates check constraint", "23514"));
		assertThatThrownBy(() -> this.errors.concurrentChange(check, request("http://localhost:8080/")))
			.isSameAs(check);
	}

	private static DuplicateKeyException duplicate() {
		return new DuplicateKeyException("duplicate key",
				new SQLException("duplicate key value violates unique constraint", "23505"));
	}

	private static MockHttpServletRequest request(String referer) {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/cases/teams");
		request.setServerName("localhost");
		request.setServerPort(8080);
		request.addHeader("Referer", referer);
		return request;
	}

}
