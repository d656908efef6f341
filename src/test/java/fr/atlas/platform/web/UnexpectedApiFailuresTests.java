package fr.atlas.platform.web;

import org.junit.jupiter.api.Test;

import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An API failure nothing else answers is a 500 problem detail in the caller's language,
 * with the correlation id the log line carries; failures that say their own status keep
 * it.
 */
class UnexpectedApiFailuresTests {

	private final MockMvcTester mvc;

	UnexpectedApiFailuresTests() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasenames("i18n/messages");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		this.mvc = MockMvcTester.create(MockMvcBuilders.standaloneSetup(new Failing())
			.setControllerAdvice(new ApiProblems(messages), new UnexpectedApiFailures(messages))
			.build());
	}

	@Test
	void aBugIsAProblemDetailInTheCallersLanguageWithItsCorrelationId() {
		MvcTestResult french = this.mvc.get()
			.uri("/api/v1/failing/bug")
			.requestAttr(CorrelatedErrorAttributes.ATTRIBUTE, "c0ffee")
			.header("Accept-Language", "fr")
			.exchange();
		assertThat(french).hasStatus(HttpStatus.INTERNAL_SERVER_ERROR)
			.hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(french).bodyJson().extractingPath("$.title").isEqualTo("Erreur interne");
		assertThat(french).bodyJson()
			.extractingPath("$.detail")
			.isEqualTo(
					"Une erreur inattendue est survenue. Réessayez\u202F; si elle revient, donnez au support l’identifiant c0ffee.");
		assertThat(french).bodyJson().extractingPath("$.correlationId").isEqualTo("c0ffee");
		MvcTestResult english = this.mvc.get().uri("/api/v1/failing/bug").header("Accept-Language", "en").exchange();
		assertThat(english).hasStatus(HttpStatus.INTERNAL_SERVER_ERROR)
			.bodyText()
			.contains("Internal error", "Something unexpected went wrong")
			.doesNotContain("c0ffee");
	}

	@Test
	void failuresThatSayTheirStatusKeepIt() {
		assertThat(this.mvc.get().uri("/api/v1/failing/teapot")).hasStatus(HttpStatus.CONFLICT);
		assertThat(this.mvc.get().uri("/api/v1/failing/gone")).hasStatus(HttpStatus.GONE);
		assertThat(this.mvc.get().uri("/api/v1/failing/denied")).hasStatus(HttpStatus.FORBIDDEN);
	}

	@RestController
	static class Failing {

		@GetMapping("/api/v1/failing/bug")
		String bug() {
			throw new IllegalStateException("a bug");
		}

		@GetMapping("/api/v1/failing/teapot")
		String teapot() {
			throw new ResponseStatusException(HttpStatus.CONFLICT, "taken");
		}

		@GetMapping("/api/v1/failing/gone")
		String gone() {
			throw new Gone();
		}

		@GetMapping("/api/v1/failing/denied")
		String denied() {
			throw new AccessDeniedException("no");
		}

	}

	@ResponseStatus(HttpStatus.GONE)
	static class Gone extends RuntimeException {

	}

}
