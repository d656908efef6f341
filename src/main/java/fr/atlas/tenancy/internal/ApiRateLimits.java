package fr.atlas.tenancy.internal;

import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code atlas.rate-limits.*}: how many API requests an organisation may send, all
 * endpoints together, and what some costly endpoints allow on their own.
 */
@Validated
@ConfigurationProperties("atlas.rate-limits")
record ApiRateLimits(@Min(1) int apiRequestsPerMinutePerOrganisation,
		@DefaultValue List<@Valid EndpointLimit> endpoints) {

	/**
	 * A limit of one endpoint per organisation: {@code requests} per {@code per} for the
	 * requests of {@code method} whose path matches {@code path} (a path pattern such as
	 * {@code /api/v1/imports} or {@code /api/v1/prospects/*}).
	 */
	record EndpointLimit(@NotBlank String method, @NotBlank String path, @Min(1) int requests, @NotNull Duration per) {
	}

}
