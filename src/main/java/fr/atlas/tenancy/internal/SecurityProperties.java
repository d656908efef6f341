package fr.atlas.tenancy.internal;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code atlas.security.*}: password policy, login throttling and lockout, and the token
 * a metrics scraper presents (none: the metrics are closed).
 */
@Validated
@ConfigurationProperties("atlas.security")
record SecurityProperties(@Min(8) int passwordMinLength, @Min(1) int loginMaxFailures, @NotNull Duration lockout,
		@Min(1) int loginAttemptsPerMinutePerIp, @Min(1) int signupsPerHourPerIp, boolean hsts, String metricsToken) {
}
