package fr.atlas.platform.web;

import org.junit.jupiter.api.Test;

import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * An API failure nothing else answers is a 500 problem detail in the caller's language,
 * with the correlation id the log line carries; failures that say their own status keep
 * it.
 */
class UnexpectedApiFailuresTests {

	private final MockMvc mvc;

	UnexpectedApiFailuresTests() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasenames("i18n/messages");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		this.mvc = MockMvcBuilders.standaloneSetup(new Failing())
			.setControllerAdvice(new ApiProblems(messages), new UnexpectedApiFailures(messages))
			.build();
	}

	@Test
	void aBugIsAProblemDetailInTheCallersLanguageWithItsCorrelationId() throws Exception {
		this.mvc
			.perform(get("/api/v1/failing/bug").requestAttr(CorrelatedErrorAttributes.ATTRIBUTE, "c0ffee")
				.header("Accept-Language", "fr"))
			.andExpect(status().isInternalServerError())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.title").value("Erreur interne"))
			.andExpect(jsonPath("$.detail").value(
					"Une erreur inattendue est survenue. Réessayez ; si elle revient, donnez au support l’identifiant c0ffee."))
			.andExpect(jsonPath("$.correlationId").value("c0ffee"));
		String english = this.mvc.perform(get("/api/v1/failing/bug").header("Accept-Language", "en"))
			.andExpect(status().isInternalServerError())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(english).contains("Internal error", "Something unexpected went wrong").doesNotContain("c0ffee");
	}

	@Test
	void failuresThatSayTheirStatusKeepIt() throws Exception {
		this.mvc.perform(get("/api/v1/failing/teapot")).andExpect(status().isConflict());
		this.mvc.perform(get("/api/v1/failing/gone")).andExpect(status().isGone());
		this.mvc.perform(get("/api/v1/failing/denied")).andExpect(status().isForbidden());
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
