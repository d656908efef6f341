package fr.atlas.tenancy.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import fr.atlas.platform.AtlasPrincipal;
import fr.atlas.platform.NotFoundException;
import fr.atlas.platform.UserId;
import fr.atlas.platform.web.ConflictsWith;
import fr.atlas.platform.web.RefusesUnknownProperties;
import fr.atlas.tenancy.Member;
import fr.atlas.tenancy.Members;
import fr.atlas.tenancy.Role;
import fr.atlas.tenancy.internal.ApiTokens;
import fr.atlas.tenancy.internal.Invitations;
import fr.atlas.tenancy.internal.MemberAdministration;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The members of the caller's organisation: list and read for everyone, invite, change
 * roles and (de)activate for admins.
 */
@Tag(name = "Members", description = "Members of the organisation, their roles, invitations and API tokens")
@RestController
@RequestMapping("/api/v1/members")
class MemberApiController {

	private final Members members;

	private final MemberAdministration administration;

	private final Invitations invitations;

	private final ApiTokens tokens;

	MemberApiController(Members members, MemberAdministration administration, Invitations invitations,
			ApiTokens tokens) {
		this.members = members;
		this.administration = administration;
		this.invitations = invitations;
		this.tokens = tokens;
	}

	@GetMapping
	@PreAuthorize("hasRole('VIEWER')")
	List<MemberResponse> list() {
		return this.members.all().stream().map(MemberResponse::of).toList();
	}

	@GetMapping("/{userId}")
	@PreAuthorize("hasRole('VIEWER')")
	MemberResponse one(@PathVariable UUID userId) {
		return this.members.find(UserId.of(userId))
			.map(MemberResponse::of)
			.orElseThrow(() -> new NotFoundException("Membre"));
	}

	@ResponseStatus(HttpStatus.CREATED)
	@PostMapping("/invitations")
	@PreAuthorize("hasRole('ADMIN')")
	ResponseEntity<InvitationResponse> invite(@AuthenticationPrincipal AtlasPrincipal principal,
			@RequestBody InvitationRequest request) {
		var invited = this.invitations.invite(principal, request.email(), request.role());
		return ResponseEntity.created(URI.create("/api/v1/members/invitations/" + invited.id()))
			.body(InvitationResponse.of(invited));
	}

	@GetMapping("/invitations")
	@PreAuthorize("hasRole('ADMIN')")
	List<InvitationResponse> pendingInvitations() {
		return this.invitations.pending().stream().map(InvitationResponse::of).toList();
	}

	@GetMapping("/invitations/{id}")
	@PreAuthorize("hasRole('ADMIN')")
	InvitationResponse pendingInvitation(@PathVariable UUID id) {
		return this.invitations.pending()
			.stream()
			.filter((invited) -> invited.id().equals(id))
			.findFirst()
			.map(InvitationResponse::of)
			.orElseThrow(() -> new NotFoundException("Invitation"));
	}

	@ResponseStatus(HttpStatus.NO_CONTENT)
	@DeleteMapping("/invitations/{id}")
	@PreAuthorize("hasRole('ADMIN')")
	ResponseEntity<Void> revokeInvitation(@PathVariable UUID id) {
		this.invitations.revoke(id);
		return ResponseEntity.noContent().build();
	}

	/** A member's API tokens, for an admin to see which are live and revoke one. */
	@GetMapping("/{userId}/tokens")
	@PreAuthorize("hasRole('ADMIN')")
	List<TokenResponse> tokens(@PathVariable UUID userId) {
		UserId member = existing(userId);
		return this.tokens.of(member).stream().map(TokenResponse::of).toList();
	}

	@ResponseStatus(HttpStatus.NO_CONTENT)
	@DeleteMapping("/{userId}/tokens/{tokenId}")
	@PreAuthorize("hasRole('ADMIN')")
	ResponseEntity<Void> revokeToken(@AuthenticationPrincipal AtlasPrincipal principal, @PathVariable UUID userId,
			@PathVariable UUID tokenId) {
		this.administration.revokeToken(principal, UserId.of(userId), tokenId);
		return ResponseEntity.noContent().build();
	}

	@PutMapping("/{userId}/roles")
	@PreAuthorize("hasRole('ADMIN')")
	@ConflictsWith("member.last-owner: the organisation keeps an active owner")
	MemberResponse changeRoles(@AuthenticationPrincipal AtlasPrincipal principal, @PathVariable UUID userId,
			@RequestBody RolesRequest request) {
		return MemberResponse.of(this.administration.changeRoles(principal, UserId.of(userId), request.roles()));
	}

	@PostMapping("/{userId}/deactivate")
	@PreAuthorize("hasRole('ADMIN')")
	@ConflictsWith("member.self-deactivation, or member.last-owner: the organisation keeps an active owner")
	MemberResponse deactivate(@AuthenticationPrincipal AtlasPrincipal principal, @PathVariable UUID userId) {
		return MemberResponse.of(this.administration.deactivate(principal, UserId.of(userId)));
	}

	@PostMapping("/{userId}/reactivate")
	@PreAuthorize("hasRole('ADMIN')")
	MemberResponse reactivate(@AuthenticationPrincipal AtlasPrincipal principal, @PathVariable UUID userId) {
		return MemberResponse.of(this.administration.reactivate(principal, UserId.of(userId)));
	}

	record MemberResponse(UUID id, String email, String name, List<String> roles, boolean active, Instant createdAt) {

		static MemberResponse of(Member member) {
			return new MemberResponse(member.id().value(), member.email(), member.name(),
					member.roles().stream().map(Role::name).toList(), member.active(), member.createdAt());
		}

	}

	private UserId existing(UUID userId) {
		return this.members.find(UserId.of(userId)).map(Member::id).orElseThrow(() -> new NotFoundException("Membre"));
	}

	record TokenResponse(UUID id, String name, String prefix, Instant createdAt, @Nullable Instant lastUsedAt,
			@Nullable Instant revokedAt, @Nullable Instant expiresAt, boolean readOnly) {

		static TokenResponse of(ApiTokens.TokenRow row) {
			return new TokenResponse(row.id(), row.name(), row.prefix(), row.createdAt(), row.lastUsedAt(),
					row.revokedAt(), row.expiresAt(), row.readOnly());
		}

	}

	// as sign-up: both required, a misspelt one is reported missing (ADR 0070)
	record InvitationRequest(@Schema(requiredMode = RequiredMode.REQUIRED) @Nullable String email,
			@Schema(requiredMode = RequiredMode.REQUIRED, allowableValues = {
					"OWNER", "ADMIN", "MANAGER", "AGENT", "VIEWER" }) @Nullable String role){
	}

	record InvitationResponse(UUID id, String email, String role, Instant expiresAt) {

		static InvitationResponse of(Invitations.Invited invited) {
			return new InvitationResponse(invited.id(), invited.email(), invited.role().name(), invited.expiresAt());
		}

	}

	@RefusesUnknownProperties
	record RolesRequest(@ArraySchema(minItems = 1, schema = @Schema(allowableValues = {
			"OWNER", "ADMIN", "MANAGER", "AGENT", "VIEWER" })) @Nullable List<String> roles){
	}

}
