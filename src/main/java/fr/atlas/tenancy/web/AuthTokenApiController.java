package fr.atlas.tenancy.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import fr.atlas.platform.AtlasPrincipal;
import fr.atlas.platform.NotFoundException;
import fr.atlas.platform.web.RefusesUnknownProperties;
import fr.atlas.tenancy.internal.ApiTokens;
import fr.atlas.tenancy.internal.ApiTokens.TokenRow;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Personal API tokens: exchange an e-mail and password for a token, list and revoke one's
 * own.
 */
@Tag(name = "Account")
@RestController
class AuthTokenApiController {

	private final ApiTokens tokens;

	private final MessageSource messages;

	AuthTokenApiController(ApiTokens tokens, MessageSource messages) {
		this.tokens = tokens;
		this.messages = messages;
	}

	/**
	 * Takes no token, so the document's shared 401 (no valid token) is not said of it;
	 * its own 401, a wrong e-mail or password, is (ADR 0119).
	 */
	@ResponseStatus(HttpStatus.CREATED)
	@PostMapping("/api/v1/auth/tokens")
	@SecurityRequirements
	@ApiResponse(responseCode = "401",
			description = "Wrong e-mail or password, or a deactivated member (WWW-Authenticate: Bearer)",
			content = @Content(mediaType = "application/problem+json",
					schema = @Schema(ref = "#/components/schemas/Problem")))
	ResponseEntity<IssuedTokenResponse> issue(@RequestBody TokenRequest request) {
		var issued = this.tokens.issueWithPassword(request.email(), request.password(), request.name(),
				request.expiresInDays(), Boolean.TRUE.equals(request.readOnly()));
		return ResponseEntity.created(URI.create("/api/v1/tokens/" + issued.id()))
			.body(new IssuedTokenResponse(issued.id(), issued.token()));
	}

	@GetMapping("/api/v1/tokens")
	List<TokenRow> mine(@AuthenticationPrincipal AtlasPrincipal principal) {
		return this.tokens.of(principal.userId());
	}

	/** The address a new token's {@code Location} gives (ADR 0070). */
	@GetMapping("/api/v1/tokens/{id}")
	TokenRow one(@AuthenticationPrincipal AtlasPrincipal principal, @PathVariable UUID id) {
		return this.tokens.one(principal.userId(), id).orElseThrow(() -> new NotFoundException("Jeton"));
	}

	@DeleteMapping("/api/v1/tokens/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void revoke(@AuthenticationPrincipal AtlasPrincipal principal, @PathVariable UUID id) {
		this.tokens.revoke(principal.userId(), id);
	}

	@ExceptionHandler({ BadCredentialsException.class, DisabledException.class })
	ResponseEntity<ProblemDetail> badCredentials(RuntimeException ex) {
		ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.UNAUTHORIZED);
		problem.setTitle(this.messages.getMessage("problem.bad-credentials", null, LocaleContextHolder.getLocale()));
		problem.setType(URI.create("https://atlas.test/problems/bad-credentials"));
		// RFC 9110 (15.5.2): every 401 names a scheme, this one too (ADR 0070)
		return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
			.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"atlas\"")
			.body(problem);
	}

	@RefusesUnknownProperties
	record TokenRequest(@Schema(requiredMode = RequiredMode.REQUIRED) @Nullable String email,
			@Schema(requiredMode = RequiredMode.REQUIRED) @Nullable String password,
			@Schema(requiredMode = RequiredMode.REQUIRED) @Nullable String name, @Nullable Integer expiresInDays,
			@Nullable Boolean readOnly) {
	}

	record IssuedTokenResponse(UUID id, String token) {
	}

}
