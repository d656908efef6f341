package fr.atlas.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import fr.atlas.support.ApiClient;
import fr.atlas.support.WebIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Walks every endpoint the application maps and calls it anonymously: API endpoints must
 * answer 401 and pages must send to the login page, except the few that are public on
 * purpose. A new controller that forgets security fails here.
 */
@WebIntegrationTest
class EveryEndpointRequiresAuthenticationIntegrationTests {

	static final Set<String> PUBLIC = Set.of("/login", "/signup", "/api/v1/signup", "/api/v1/auth/tokens", "/error");

	static final List<String> PUBLIC_PREFIXES = List.of("/password/", "/invitations/", "/outbox", "/v3/api-docs",
			"/swagger-ui", "/portal/", "/actuator/", "/cases/calendar/");

	@LocalServerPort
	int port;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Test
	void refusesAnonymousCallsToEveryProtectedEndpoint() {
		var api = new ApiClient(this.port);
		List<String> open = new ArrayList<>();
		int checked = 0;
		for (var info : this.mappings.getHandlerMethods().keySet()) {
			for (String pattern : info.getPatternValues()) {
				if (PUBLIC.contains(pattern) || PUBLIC_PREFIXES.stream().anyMatch(pattern::startsWith)) {
					continue;
				}
				String path = pattern.replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
				Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
				for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
					var response = api.raw()
						.method(HttpMethod.valueOf(method.name()))
						.uri(path)
						.header("Content-Type", "application/json")
						.retrieve()
						.toBodilessEntity();
					int status = response.getStatusCode().value();
					String location = String.valueOf(response.getHeaders().getLocation());
					boolean refused = pattern.startsWith("/api/") ? status == 401
							: (status == 302 && location.contains("/login")) || status == 403;
					checked++;
					if (!refused) {
						open.add(method + " " + pattern + " → " + status);
					}
				}
			}
		}
		assertThat(checked).isGreaterThan(3);
		assertThat(open).as("endpoints reachable without authentication").isEmpty();
	}

}
