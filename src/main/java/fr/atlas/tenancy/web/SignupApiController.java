package fr.atlas.tenancy.web;

import java.net.URI;
import java.util.UUID;

import fr.atlas.tenancy.internal.Accounts;
import fr.atlas.tenancy.internal.Accounts.Signup;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Account", description = "Sign-up, the caller, API tokens, the organisation and its modules")
@RestController
@RequestMapping("/api/v1/signup")
class SignupApiController {

	private final Accounts accounts;

	SignupApiController(Accounts accounts) {
		this.accounts = accounts;
	}

	/**
	 * Signs up; with an {@code Idempotency-Key}, the same sign-up sent again gets the
	 * first answer back (ADR 0054): no one is signed in yet to keep the key for, so the
	 * account it created does.
	 */
	@ResponseStatus(HttpStatus.CREATED)
	@PostMapping
	@SecurityRequirements
	ResponseEntity<SignedUpResponse> signup(@RequestBody SignupRequest request,
			@RequestHeader(name = "Idempotency-Key", required = false) @Nullable String key) {
		var result = this.accounts.signup(new Signup(request.organisation(), request.name(), request.email(),
				request.password(), LocaleContextHolder.getLocale().getLanguage()), key);
		var answer = ResponseEntity.created(URI.create("/api/v1/members/" + result.userId().value()));
		if (key != null) {
			answer.header("Idempotent-Replayed", Boolean.toString(result.replayed()));
		}
		return answer.body(new SignedUpResponse(result.orgId().value(), result.userId().value()));
	}

	// Unknown properties are let through: every client signs up first, each property
	// here is required (a misspelt one is reported missing), and one it does not have
	// changes nothing (ADR 0070).
	record SignupRequest(@Schema(requiredMode = RequiredMode.REQUIRED) @Nullable String organisation,
			@Schema(requiredMode = RequiredMode.REQUIRED) @Nullable String name,
			@Schema(requiredMode = RequiredMode.REQUIRED) @Nullable String email,
			@Schema(requiredMode = RequiredMode.REQUIRED) @Nullable String password) {
	}

	record SignedUpResponse(UUID orgId, UUID userId) {
	}

}
