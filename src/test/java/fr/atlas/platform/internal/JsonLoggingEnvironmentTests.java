package fr.atlas.platform.internal;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.logback.StructuredLogEncoder;
import org.springframework.core.env.Environment;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class JsonLoggingEnvironmentTests {

	@Test
	void switchesTheConsoleToLogstashJsonWhenAsked() {
		MockEnvironment environment = new MockEnvironment().withProperty("atlas.logging.json", "true");
		new JsonLoggingEnvironment().postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("logging.structured.format.console")).isEqualTo("logstash");
	}

	@Test
	void keepsThePlainPatternByDefault() {
		MockEnvironment environment = new MockEnvironment();
		new JsonLoggingEnvironment().postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("logging.structured.format.console")).isNull();
	}

	@Test
	void logstashLinesCarryTheCorrelationTenantAndTraceAsFields() {
		LoggerContext logging = new LoggerContext();
		logging.putObject(Environment.class.getName(), new MockEnvironment());
		StructuredLogEncoder encoder = new StructuredLogEncoder();
		encoder.setContext(logging);
		encoder.setFormat("logstash");
		encoder.setCharset(StandardCharsets.UTF_8);
		encoder.start();
		LoggingEvent event = new LoggingEvent("test", logging.getLogger("fr.atlas.audit"), Level.INFO, "Audit entry #1",
				null, null);
		event.setMDCPropertyMap(Map.of("correlationId", "corr-1", "orgId", "org-1", "traceId", "0af7651916cd43dd"));
		String json = new String(encoder.encode(event), StandardCharsets.UTF_8);
		assertThat(json).contains("\"correlationId\":\"corr-1\"", "\"orgId\":\"org-1\"",
				"\"traceId\":\"0af7651916cd43dd\"", "\"message\":\"Audit entry #1\"");
	}

}
