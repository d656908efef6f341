package fr.atlas.platform;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import fr.atlas.support.ApiClient;
import fr.atlas.support.PageSession;
import fr.atlas.support.WebIntegrationTest;
import io.micrometer.tracing.Tracer;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.modulith.events.support.EventExternalizerModuleListener;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What operations rely on: public health probes, Prometheus metrics for the scraper's
 * token, a correlation id on every response and in every log line of the request, and
 * tracing.
 */
@WebIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class ObservabilityIntegrationTests {

	/** atlas.security.metrics-token of the tests' configuration. */
	static final String METRICS_TOKEN = "test-metrics-token";

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	ApiClient api;

	@Test
	void healthProbesArePublicAndUp() {
		for (String path : List.of("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness")) {
			ResponseEntity<Map> health = this.api.get(null, path);
			assertThat(health.getStatusCode().value()).as(path).isEqualTo(200);
			assertThat(health.getBody()).as(path).containsEntry("status", "UP");
		}
		Map<String, Object> readiness = this.api.get(null, "/actuator/health/readiness").getBody();
		assertThat((Map<String, Map<String, Object>>) readiness.get("components")).containsKeys("db", "readinessState")
			.hasEntrySatisfying("db", (db) -> assertThat(db).containsEntry("status", "UP"));
	}

	@Test
	void noRabbitMqWithoutAHost() {
		assertThat(this.context.getBeanNamesForType(ConnectionFactory.class)).isEmpty();
		assertThat(this.context.getBeanNamesForType(RabbitTemplate.class)).isEmpty();
		assertThat(this.context.getBeanNamesForType(EventExternalizerModuleListener.class)).isEmpty();
		assertThat(this.context.containsBean("rabbitHealthContributor")).isFalse();
		assertThat(this.api.get(null, "/actuator/health").getBody()).containsEntry("status", "UP");
	}

	@Test
	void noRedisWithoutAHostAndSessionsInTheDatabase() {
		assertThat(this.context.getBeanNamesForType(RedisConnectionFactory.class)).isEmpty();
		assertThat(this.context.containsBean("redisHealthContributor")).isFalse();
		assertThat(this.context.getBeanNamesForType(JdbcIndexedSessionRepository.class)).hasSize(1);
	}

	@Test
	void prometheusExposesHttpJvmPoolAndAuditMetrics() {
		this.api.newOrganisation("Métriques");
		this.api.get(null, "/actuator/health");
		ResponseEntity<String> scrape = this.api.getText(METRICS_TOKEN, "/actuator/prometheus");
		assertThat(scrape.getStatusCode().value()).isEqualTo(200);
		assertThat(scrape.getBody()).contains("http_server_requests_seconds_count{")
			.contains("jvm_memory_used_bytes")
			.contains("hikaricp_connections_active")
			.containsPattern("atlas_audit_entries_total\\{.*action=\"organisation.created\"");
	}

	@Test
	void metricsAreForTheScraperAloneNotForMembers() throws Exception {
		ApiClient.Tenant member = this.api.newOrganisation("Curieuse");
		PageSession session = new PageSession(this.port).login(member.email());
		for (String path : List.of("/actuator", "/actuator/prometheus", "/actuator/metrics",
				"/actuator/metrics/jvm.memory.used")) {
			for (String token : new String[] { null, member.token(), "wrong-token", METRICS_TOKEN + "x" }) {
				ResponseEntity<String> refused = this.api.getText(token, path);
				assertThat(refused.getStatusCode().value()).as(path + " with " + token).isEqualTo(401);
				assertThat(refused.getHeaders().getContentType().toString()).startsWith("application/problem+json");
				assertThat(refused.getHeaders().getFirst("WWW-Authenticate")).startsWith("Bearer");
				assertThat(refused.getBody()).contains("Jeton de métriques requis").doesNotContain("jvm_");
			}
			assertThat(session.get(path).statusCode()).as(path + " with a member's session").isEqualTo(401);
			assertThat(this.api.getText(METRICS_TOKEN, path).getStatusCode().value()).as(path).isEqualTo(200);
		}
	}

	@Test
	void everyResponseCarriesACorrelationId() {
		for (String path : List.of("/actuator/health", "/login", "/css/atlas.css", "/api/v1/me", "/api/v1/nope",
				"/audit")) {
			ResponseEntity<String> response = this.api.getText(null, path);
			assertThat(response.getHeaders().getFirst("X-Correlation-Id")).as(path).isNotBlank();
		}
		var given = this.api.raw()
			.get()
			.uri("/login")
			.header("X-Correlation-Id", "given-id-42")
			.retrieve()
			.toEntity(String.class);
		assertThat(given.getHeaders().getFirst("X-Correlation-Id")).isEqualTo("given-id-42");
		var unsafe = this.api.raw()
			.get()
			.uri("/login")
			.header("X-Correlation-Id", "bad id\twith spaces")
			.retrieve()
			.toEntity(String.class);
		assertThat(unsafe.getHeaders().getFirst("X-Correlation-Id")).matches("[0-9a-f-]{36}");
	}

	@Test
	void logLinesOfARequestCarryItsCorrelationAndTraceIds(CapturedOutput output) {
		String correlation = "logs-" + UUID.randomUUID();
		var signup = this.api.raw()
			.post()
			.uri("/api/v1/signup")
			.header("X-Correlation-Id", correlation)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("organisation", "Agence Journalisée", "name", "Léa", "email",
					"logs-" + UUID.randomUUID() + "@example.test", "password", ApiClient.PASSWORD))
			.retrieve()
			.toEntity(Map.class);
		assertThat(signup.getStatusCode().value()).isEqualTo(201);
		// [correlationId|orgId|traceId] from logging.pattern.correlation
		assertThat(output.getOut()).containsPattern(Pattern.quote("[" + correlation + "|")
				+ "[^|]*\\|[0-9a-f]{32}\\].*Audit entry #1 organisation.created");
	}

	@Test
	void tracingIsWiredWithoutAnExporterUnlessConfigured() {
		Tracer tracer = this.context.getBean(Tracer.class);
		assertThat(tracer).isNotSameAs(Tracer.NOOP);
		var span = tracer.nextSpan().name("probe").start();
		try (var scope = tracer.withSpan(span)) {
			assertThat(tracer.currentSpan().context().traceId()).hasSize(32);
		}
		finally {
			span.end();
		}
		assertThat(this.context.getBeanNamesForType(SpanExporter.class)).isEmpty();
	}

}
