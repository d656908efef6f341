package fr.atlas.tenancy.internal;

import java.time.Duration;

import jakarta.servlet.FilterChain;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.support.StaticMessageSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Only a sign-up that got past its form counts towards the sign-ups an address may make
 * in an hour (ADR 0111): one refused for a weak password or a typo is given back, one
 * refused because its address has an account is not, and the attempts stay bounded.
 */
class ThrottleFilterTests {

	private final ThrottleFilter filter = new ThrottleFilter(
			new LoginThrottle(new LocalThrottleBuckets(),
					new SecurityProperties(12, 5, Duration.ofMinutes(15), 3, 2, true, null)),
			new FilterProblems(JsonMapper.builder().build(), messages()), messages());

	private static StaticMessageSource messages() {
		StaticMessageSource messages = new StaticMessageSource();
		messages.setUseCodeAsDefaultMessage(true);
		return messages;
	}

	@Test
	void signupsRefusedForTheirFormAreGivenBack() throws Exception {
		for (int i = 0; i < 5; i++) {
			assertThat(signup("/api/v1/signup", "192.0.2.1", 400, false)).isEqualTo(400);
		}
		assertThat(signup("/api/v1/signup", "192.0.2.1", 201, false)).isEqualTo(201);
		assertThat(signup("/api/v1/signup", "192.0.2.1", 201, false)).isEqualTo(201);
		assertThat(signup("/api/v1/signup", "192.0.2.1", 201, false)).isEqualTo(429);
	}

	/** A body of a type the API does not read tried no address either (ADR 0119). */
	@Test
	void signupsOfABodyTheApiDoesNotReadAreGivenBack() throws Exception {
		for (int i = 0; i < 5; i++) {
			assertThat(signup("/api/v1/signup", "192.0.2.5", 415, false)).isEqualTo(415);
		}
		assertThat(signup("/api/v1/signup", "192.0.2.5", 201, false)).isEqualTo(201);
		assertThat(signup("/api/v1/signup", "192.0.2.5", 201, false)).isEqualTo(201);
		assertThat(signup("/api/v1/signup", "192.0.2.5", 201, false)).isEqualTo(429);
	}

	@Test
	void aSignupRefusedForATakenAddressCounts() throws Exception {
		assertThat(signup("/api/v1/signup", "192.0.2.2", 400, true)).isEqualTo(400);
		assertThat(signup("/api/v1/signup", "192.0.2.2", 400, true)).isEqualTo(400);
		assertThat(signup("/api/v1/signup", "192.0.2.2", 400, false)).isEqualTo(429);
	}

	@Test
	void thePageCountsARedirectionNotTheFormShownAgain() throws Exception {
		for (int i = 0; i < 5; i++) {
			assertThat(signup("/signup", "192.0.2.3", 200, false)).isEqualTo(200);
		}
		assertThat(signup("/signup", "192.0.2.3", 302, false)).isEqualTo(302);
		assertThat(signup("/signup", "192.0.2.3", 302, false)).isEqualTo(302);
		assertThat(signup("/signup", "192.0.2.3", 302, false)).isEqualTo(429);
	}

	@Test
	void badSignupsSentInALoopAreStillStopped() throws Exception {
		// two sign-ups an hour: twenty attempts
		for (int i = 0; i < 20; i++) {
			assertThat(signup("/api/v1/signup", "192.0.2.4", 400, false)).isEqualTo(400);
		}
		assertThat(signup("/api/v1/signup", "192.0.2.4", 400, false)).isEqualTo(429);
	}

	/** A sign-up from {@code client} that the application answers with {@code status}. */
	private int signup(String path, String client, int status, boolean addressTaken) throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
		request.setServletPath(path);
		request.setRemoteAddr(client);
		MockHttpServletResponse response = new MockHttpServletResponse();
		FilterChain application = (req, res) -> {
			if (addressTaken) {
				req.setAttribute(ThrottleFilter.ADDRESS_TAKEN, Boolean.TRUE);
			}
			((MockHttpServletResponse) res).setStatus(status);
		};
		this.filter.doFilter(request, response, application);
		return response.getStatus();
	}

}
