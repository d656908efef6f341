package fr.atlas.tenancy.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import fr.atlas.platform.AtlasPrincipal;
import fr.atlas.platform.CurrentTenant;
import fr.atlas.platform.InvalidInputException;
import fr.atlas.platform.InvalidInputException.FieldProblem;
import fr.atlas.platform.Languages;
import fr.atlas.platform.NotFoundException;
import fr.atlas.platform.OrgId;
import fr.atlas.platform.RequestMetadata;
import fr.atlas.platform.TransactionLock;
import fr.atlas.platform.UserId;
import fr.atlas.platform.mail.MailTransport;
import fr.atlas.platform.mail.OutgoingMail;
import fr.atlas.tenancy.InvitationRevoked;
import fr.atlas.tenancy.Member;
import fr.atlas.tenancy.MemberInvited;
import fr.atlas.tenancy.MemberJoined;
import fr.atlas.tenancy.Members;
import fr.atlas.tenancy.Role;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Invitations to join an organisation: a one-week link mailed to the invitee, stored as a
 * hash like password resets. Accepting it creates the member with the invited role.
 */
@Service
public class Invitations {

	static final Duration VALIDITY = Duration.ofDays(7);

	private static final String PREFIX = "inv_";

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final Members members;

	private final PasswordEncoder passwords;

	private final PasswordPolicy policy;

	private final ApplicationEventPublisher events;

	private final MailTransport mail;

	private final MessageSource messages;

	private final Clock clock;

	private final String baseUrl;

	private final NewMembers newMembers;

	Invitations(JdbcClient jdbc, TransactionTemplate transactions, Members members, PasswordEncoder passwords,
			PasswordPolicy policy, ApplicationEventPublisher events, MailTransport mail, MessageSource messages,
			Clock clock, @Value("${atlas.base-url}") String baseUrl, NewMembers newMembers) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.members = members;
		this.passwords = passwords;
		this.policy = policy;
		this.events = events;
		this.mail = mail;
		this.messages = messages;
		this.clock = clock;
		this.baseUrl = baseUrl;
		this.newMembers = newMembers;
	}

	public record Invited(UUID id, String email, Role role, Instant expiresAt) {
	}

	/**
	 * An invitation that may still be accepted, as shown on the acceptance page; unless
	 * its address already has an account, in another organisation or by an earlier
	 * invitation: an address belongs to one account.
	 */
	public record Pending(OrgId orgId, UUID id, String organisation, String email, Role role, boolean accountExists) {
	}

	/**
	 * Invites an address into the current organisation. Only an owner may invite an
	 * owner. A newer invitation to the same address replaces the pending one.
	 */
	public Invited invite(AtlasPrincipal inviter, @Nullable String rawEmail, @Nullable String rawRole) {
		List<FieldProblem> problems = new ArrayList<>();
		String email = null;
		try {
			email = EmailAddress.normalise("email", rawEmail);
		}
		catch (InvalidInputException ex) {
			problems.addAll(ex.problems());
		}
		Role role = (rawRole == null) ? null : Role.parse(rawRole).orElse(null);
		if (rawRole == null || rawRole.isBlank()) {
			problems.add(new FieldProblem("role", "field.required"));
		}
		else if (role == null) {
			problems.add(new FieldProblem("role", "role.invalid"));
		}
		if (email != null && this.newMembers.addressTaken(email)) {
			problems.add(new FieldProblem("email", "email.taken"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		if (role == Role.OWNER && !holds(inviter, Role.OWNER)) {
			throw new AccessDeniedException("only an owner may invite an owner");
		}
		OrgId orgId = CurrentTenant.require();
		String token = SecretTokens.generate(PREFIX);
		UUID id = UUID.randomUUID();
		// to the microsecond the database keeps: the 201 says what a later read says (ADR
		// 0070)
		Instant expiresAt = Instant.now(this.clock).plus(VALIDITY).truncatedTo(ChronoUnit.MICROS);
		String invitee = email;
		String organisation = this.transactions.execute((tx) -> {
			// two invitations to one address sent at once take turns, so the second
			// replaces the first rather than both staying pending (ADR 0106)
			TransactionLock.take(this.jdbc, "invitation:" + orgId.value() + ":" + invitee);
			this.jdbc.sql("""
					update invitation set revoked_at = now()
					where lower(email) = ? and accepted_at is null and revoked_at is null""").param(invitee).update();
			this.jdbc.sql("""
					insert into invitation (org_id, id, email, roles, token_hash, invited_by, expires_at)
					values (:org, :id, :email, :roles::text[], :hash, :by, :expires)""")
				.param("org", orgId.value())
				.param("id", id)
				.param("email", invitee)
				.param("roles", "{" + role.name() + "}")
				.param("hash", SecretTokens.hash(token))
				.param("by", inviter.userId().value())
				.param("expires", Timestamp.from(expiresAt))
				.update();
			this.events.publishEvent(new MemberInvited(orgId, id, invitee, role.name()));
			return this.jdbc.sql("select name from organisation").query(String.class).single();
		});
		// Sent after the commit: a mail never announces an invitation that was
		// rolled back.
		Locale locale = LocaleContextHolder.getLocale();
		// names written before ADR 0075 may hold an address: quoted so no client links it
		String inviterName = LinkInName
			.defused(this.members.find(inviter.userId()).map(Member::name).orElse(inviter.email()));
		String organisationName = LinkInName.defused(organisation);
		String link = this.baseUrl + "/invitations/accept?token=" + token;
		this.mail.send(new OutgoingMail(invitee,
				this.messages.getMessage("mail.invitation.subject", new Object[] { organisationName }, locale),
				this.messages.getMessage("mail.invitation.body", new Object[] { inviterName, organisationName, link },
						locale)));
		return new Invited(id, invitee, role, expiresAt);
	}

	/**
	 * Whether an invitation's sender may still send it: an active admin, an owner for an
	 * owner's invitation. An invitation outlives neither its sender's access nor their
	 * right to give that role.
	 */
	private static final String SENDER_MAY_INVITE = """
			(u.active and u.roles && array['ADMIN', 'OWNER']
			 and (not 'OWNER' = any(i.roles) or 'OWNER' = any(u.roles)))""";

	private static final String STILL_PENDING = "i.accepted_at is null and i.revoked_at is null and i.expires_at > now()";

	/**
	 * Cancels a pending invitation of the current organisation; its link stops working.
	 * @return the address it was sent to
	 */
	public String revoke(UUID invitationId) {
		return this.transactions.execute((tx) -> {
			String email = this.jdbc
				.sql("update invitation i set revoked_at = now() where i.id = ? and " + STILL_PENDING
						+ " returning i.email")
				.param(invitationId)
				.query(String.class)
				.optional()
				.orElseThrow(() -> new NotFoundException("Invitation"));
			this.events.publishEvent(new InvitationRevoked(CurrentTenant.require(), invitationId, email,
					InvitationRevoked.Reason.CANCELLED));
			return email;
		});
	}

	/**
	 * Revokes the pending invitations a member sent that they may no longer send, once
	 * they were deactivated or lost a role: a departing admin leaves no way back in.
	 * Called inside the transaction that changed the member.
	 */
	void revokeThoseSenderMayNoLongerSend(UserId sender) {
		this.jdbc
			.sql("update invitation i set revoked_at = now() from app_user u where u.id = i.invited_by"
					+ " and i.invited_by = ? and " + STILL_PENDING + " and not " + SENDER_MAY_INVITE
					+ " returning i.id, i.email")
			.param(sender.value())
			.query((rs, n) -> new InvitationRevoked(CurrentTenant.require(), rs.getObject(1, UUID.class),
					rs.getString(2), InvitationRevoked.Reason.INVITER_LEFT))
			.list()
			.forEach(this.events::publishEvent);
	}

	/** Invitations of the current organisation not yet accepted, revoked or expired. */
	public List<Invited> pending() {
		return this.transactions.execute((tx) -> this.jdbc.sql("""
				select i.id, i.email, i.roles, i.expires_at from invitation i
				where %s order by i.created_at desc""".formatted(STILL_PENDING))
			.query((rs, n) -> new Invited(rs.getObject(1, UUID.class), rs.getString(2),
					RoleColumn.read(rs.getArray(3)).stream().findFirst().orElse(Role.VIEWER),
					rs.getTimestamp(4).toInstant()))
			.list());
	}

	/** The invitation a link stands for, if it can still be accepted. */
	public Optional<Pending> find(@Nullable String token) {
		return lookup(token).flatMap((found) -> CurrentTenant.callAs(found.orgId(),
				() -> this.transactions.execute((tx) -> this.jdbc.sql("""
						select i.id, o.name, i.email, i.roles, atlas_email_taken(i.email) from invitation i
						join organisation o on o.org_id = i.org_id join app_user u on u.id = i.invited_by
						where i.id = ? and %s""".formatted(SENDER_MAY_INVITE))
					.param(found.invitationId())
					.query((rs, n) -> new Pending(found.orgId(), rs.getObject(1, UUID.class), rs.getString(2),
							rs.getString(3), RoleColumn.read(rs.getArray(4)).stream().findFirst().orElse(Role.VIEWER),
							rs.getBoolean(5)))
					.optional())));
	}

	public record Accepted(OrgId orgId, UserId userId, String email) {
	}

	/**
	 * Creates the invited member in the inviting organisation and marks the invitation
	 * used; the link works once.
	 */
	public Accepted accept(@Nullable String token, @Nullable String rawName, @Nullable String password) {
		Lookup found = lookup(token).orElseThrow(() -> new InvalidInputException("token", "invitation.invalid"));
		String name = TypedText.line(rawName);
		UserId userId = UserId.random();
		String locale = Languages.codeOf(LocaleContextHolder.getLocale());
		try {
			// The tenant is bound before the transaction starts, so that row-level
			// security lets it see the inviting organisation's rows.
			return CurrentTenant.callAs(found.orgId(), () -> this.transactions.execute((tx) -> {
				var invitation = this.jdbc.sql("""
						select i.email, i.roles from invitation i join app_user u on u.id = i.invited_by
						where i.id = ? and %s and %s
						for update of i""".formatted(STILL_PENDING, SENDER_MAY_INVITE))
					.param(found.invitationId())
					.query((rs, n) -> new Object[] { rs.getString(1), RoleColumn.read(rs.getArray(2)) })
					.optional()
					.orElseThrow(() -> new InvalidInputException("token", "invitation.invalid"));
				String email = (String) invitation[0];
				@SuppressWarnings("unchecked")
				List<Role> roles = (List<Role>) invitation[1];
				List<FieldProblem> problems = new ArrayList<>();
				NewMembers.checkName(name, problems);
				try {
					this.policy.check("password", password, email);
				}
				catch (InvalidInputException ex) {
					problems.addAll(ex.problems());
				}
				if (this.newMembers.addressTaken(email)) {
					problems.add(new FieldProblem("email", "email.taken"));
				}
				if (!problems.isEmpty()) {
					throw new InvalidInputException(problems);
				}
				this.newMembers.add(found.orgId(), userId, email, name, this.passwords.encode(password), roles, locale);
				this.jdbc.sql("update invitation set accepted_at = now() where id = ?")
					.param(found.invitationId())
					.update();
				// as at sign-up, the member who joins is who the entry names,
				// whoever else the browser was signed in as
				RequestMetadata.actingAs(userId, email);
				this.events.publishEvent(
						new MemberJoined(found.orgId(), userId, email, roles.stream().map(Role::name).toList()));
				return new Accepted(found.orgId(), userId, email);
			}));
		}
		catch (DuplicateKeyException ex) {
			throw new InvalidInputException("email", "email.taken");
		}
	}

	private Optional<Lookup> lookup(@Nullable String token) {
		if (token == null || !token.startsWith(PREFIX)) {
			return Optional.empty();
		}
		return this.jdbc.sql("select org_id, invitation_id from atlas_invitation_lookup(?)")
			.param(SecretTokens.hash(token))
			.query((rs, n) -> new Lookup(OrgId.of(rs.getObject(1, UUID.class)), rs.getObject(2, UUID.class)))
			.optional();
	}

	private boolean holds(AtlasPrincipal principal, Role role) {
		return this.members.find(principal.userId()).map((member) -> member.has(role)).orElse(false);
	}

	private record Lookup(OrgId orgId, UUID invitationId) {
	}

}
