package fr.atlas.tenancy.internal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import fr.atlas.platform.ConflictException;
import fr.atlas.platform.CurrentTenant;
import fr.atlas.platform.InvalidInputException;
import fr.atlas.platform.InvalidInputException.FieldProblem;
import fr.atlas.platform.Languages;
import fr.atlas.platform.NotFoundException;
import fr.atlas.platform.OrgId;
import fr.atlas.platform.RequestMetadata;
import fr.atlas.platform.UserId;
import fr.atlas.platform.mail.MailTransport;
import fr.atlas.platform.mail.OutgoingMail;
import fr.atlas.tenancy.MemberJoined;
import fr.atlas.tenancy.MemberProfileChanged;
import fr.atlas.tenancy.OrganisationCreated;
import fr.atlas.tenancy.PasswordChanged;
import fr.atlas.tenancy.PasswordResetRequested;
import fr.atlas.tenancy.Role;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sign-up, password changes and password resets: the account work that may start before
 * any organisation is known.
 */
@Service
public class Accounts {

	static final Duration RESET_VALIDITY = Duration.ofHours(1);

	/**
	 * Reset links mailed to one member in an hour at most. The form asks for nothing but
	 * an address, so anyone could have Atlas mail a member as often as they pressed the
	 * button (ADR 0119); beyond this the form says the same, and mails nothing.
	 */
	static final int RESETS_PER_HOUR = 3;

	/**
	 * Sign-up keys among the organisation's idempotency keys: a space, which no header's
	 * key holds, keeps them apart from the keys its members send.
	 */
	private static final String SIGNUP_KEY = "signup ";

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final PasswordEncoder passwords;

	private final PasswordPolicy policy;

	private final ApplicationEventPublisher events;

	private final MailTransport mail;

	private final MessageSource messages;

	private final Clock clock;

	private final String baseUrl;

	private final SignedInSessions sessions;

	private final NewMembers newMembers;

	private final ApiTokens tokens;

	private final PasswordLogin login;

	Accounts(JdbcClient jdbc, TransactionTemplate transactions, PasswordEncoder passwords, PasswordPolicy policy,
			ApplicationEventPublisher events, MailTransport mail, MessageSource messages, Clock clock,
			@Value("${atlas.base-url}") String baseUrl, SignedInSessions sessions, NewMembers newMembers,
			ApiTokens tokens, PasswordLogin login) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.passwords = passwords;
		this.policy = policy;
		this.events = events;
		this.mail = mail;
		this.messages = messages;
		this.clock = clock;
		this.baseUrl = baseUrl;
		this.sessions = sessions;
		this.newMembers = newMembers;
		this.tokens = tokens;
		this.login = login;
	}

	public record Signup(String organisation, String name, String email, String password, String locale) {
	}

	/**
	 * @param replayed whether this is the answer to an earlier sign-up sent with the same
	 * {@code Idempotency-Key}, nothing created this time
	 */
	public record SignedUp(OrgId orgId, UserId userId, boolean replayed) {

		public SignedUp(OrgId orgId, UserId userId) {
			this(orgId, userId, false);
		}

	}

	public SignedUp signup(Signup signup) {
		return signup(signup, null);
	}

	/**
	 * Signs up, once for an {@code Idempotency-Key} (ADR 0054): the key is kept with the
	 * new organisation, under the owner's e-mail, for a day; the same sign-up sent again
	 * with it (the same organisation, name and e-mail, and the password of the account)
	 * gets the first answer back and creates nothing; the key with another sign-up for
	 * that e-mail is a conflict. No one learns anything from a key they cannot send with
	 * the account's password.
	 */
	public SignedUp signup(Signup signup, @Nullable String idempotencyKey) {
		String key = null;
		String fingerprint = null;
		if (idempotencyKey != null) {
			if (!OnceOnly.wellFormed(idempotencyKey.strip())) {
				throw new InvalidInputException(IdempotencyKeyFilter.HEADER, "idempotency.key-invalid");
			}
			key = SIGNUP_KEY + idempotencyKey.strip();
			fingerprint = signupFingerprint(signup);
			Optional<SignedUp> earlier = earlierSignup(signup, key, fingerprint);
			if (earlier.isPresent()) {
				return earlier.get();
			}
		}
		List<FieldProblem> problems = new ArrayList<>();
		String organisation = text(signup.organisation());
		String name = text(signup.name());
		if (organisation.isEmpty()) {
			problems.add(new FieldProblem("organisation", "field.required"));
		}
		else if (organisation.codePointCount(0, organisation.length()) > 120) {
			problems.add(new FieldProblem("organisation", "field.too-long", 120));
		}
		else {
			LinkInName.check("organisation", organisation, problems);
		}
		NewMembers.checkName(name, problems);
		String email = collect(problems, () -> EmailAddress.normalise("email", signup.email()));
		// the password is checked whatever the e-mail: every problem of the form at once
		collect(problems, () -> {
			this.policy.check("password", signup.password(), (email != null) ? email : "");
			return "";
		});
		if (email != null && this.newMembers.addressTaken(email)) {
			problems.add(new FieldProblem("email", "email.taken"));
			ThrottleFilter.addressTaken();
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		OrgId orgId = OrgId.random();
		UserId userId = UserId.of(UUID.randomUUID());
		String hash = this.passwords.encode(signup.password());
		String locale = Languages.codeOf(signup.locale());
		String signupKey = key;
		String signupFingerprint = fingerprint;
		RequestMetadata.actingAs(userId, email);
		try {
			CurrentTenant.runAs(orgId, () -> this.transactions.executeWithoutResult((tx) -> {
				this.jdbc.sql("insert into organisation (org_id, name) values (?, ?)")
					.params(orgId.value(), organisation)
					.update();
				this.newMembers.add(orgId, userId, email, name, hash, List.of(Role.OWNER), locale);
				if (signupKey != null) {
					// the answer is made again from the ids: only the key and what
					// names the request are kept, never the password
					this.jdbc.sql("""
							insert into api_idempotent_request (org_id, user_id, key, fingerprint, status, location)
							values (?, ?, ?, ?, 201, ?)""")
						.params(orgId.value(), userId.value(), signupKey, signupFingerprint,
								"/api/v1/members/" + userId.value())
						.update();
				}
				this.events.publishEvent(new OrganisationCreated(orgId, organisation, userId, email));
				this.events.publishEvent(new MemberJoined(orgId, userId, email, List.of(Role.OWNER.name())));
			}));
		}
		catch (DuplicateKeyException ex) {
			if (key != null) {
				// the same sign-up sent twice at once: the first one's answer
				Optional<SignedUp> earlier = earlierSignup(signup, key, fingerprint);
				if (earlier.isPresent()) {
					return earlier.get();
				}
			}
			ThrottleFilter.addressTaken();
			throw new InvalidInputException("email", "email.taken");
		}
		return new SignedUp(orgId, userId);
	}

	/**
	 * The sign-up done earlier with this key for this e-mail, if the request is the same
	 * and carries the account's password.
	 * @throws ConflictException when the key served another sign-up for the e-mail
	 */
	private Optional<SignedUp> earlierSignup(Signup signup, String key, String fingerprint) {
		String email;
		try {
			email = EmailAddress.normalise("email", signup.email());
		}
		catch (InvalidInputException ex) {
			return Optional.empty();
		}
		var account = this.jdbc.sql("select org_id, user_id, password_hash from atlas_login_lookup(?)")
			.param(email)
			.query((rs,
					n) -> new Object[] { OrgId.of(rs.getObject(1, UUID.class)), UserId.of(rs.getObject(2, UUID.class)),
							rs.getString(3) })
			.optional();
		if (account.isEmpty()) {
			return Optional.empty();
		}
		OrgId orgId = (OrgId) account.get()[0];
		UserId userId = (UserId) account.get()[1];
		Optional<String> recorded = CurrentTenant.callAs(orgId,
				() -> this.transactions.execute((tx) -> this.jdbc.sql("""
						select fingerprint from api_idempotent_request
						where org_id = ? and user_id = ? and key = ? and created_at > now() - ?::interval""")
					.params(orgId.value(), userId.value(), key, IdempotentRequests.KEPT.toSeconds() + " seconds")
					.query(String.class)
					.optional()));
		if (recorded.isEmpty()) {
			return Optional.empty();
		}
		String password = signup.password();
		if (!recorded.get().equals(fingerprint) || password == null
				|| !this.passwords.matches(password, (String) account.get()[2])) {
			throw new ConflictException("idempotency.key-reused", key.substring(SIGNUP_KEY.length()));
		}
		return Optional.of(new SignedUp(orgId, userId, true));
	}

	/**
	 * What names a sign-up, the password left out: a fast digest of it would be a way to
	 * guess it offline, so it is checked against the account's own hash instead.
	 */
	private static String signupFingerprint(Signup signup) {
		String email = TypedText.trimmed(signup.email()).toLowerCase(Locale.ROOT);
		return OnceOnly
			.digest(("POST /api/v1/signup\n" + text(signup.organisation()) + "\n" + text(signup.name()) + "\n" + email)
				.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * Changes the current member's password after checking the current one. The member's
	 * other sessions end and their reset links stop working; the session the change was
	 * made from, if given, stays signed in. Their API tokens are revoked too when they
	 * ask ({@code revokeTokens}): a change may be a habit, or a fear that someone else
	 * knows the password, and only the member knows which (ADR 0076).
	 * @return how many API tokens that still worked were revoked
	 */
	public int changePassword(UserId userId, String current, String replacement, @Nullable String keepSession,
			boolean revokeTokens) {
		// before the change's transaction: a wrong password's failure must not be rolled
		// back with it
		this.login.checkCurrentPassword(CurrentTenant.require(), userId, current);
		int revoked = this.transactions.execute((tx) -> {
			String email = this.jdbc.sql("select email from app_user where id = ?")
				.param(userId.value())
				.query(String.class)
				.optional()
				.orElseThrow(() -> new NotFoundException("Membre"));
			this.policy.check("newPassword", replacement, email);
			storePassword(userId, replacement);
			int tokensRevoked = revokeTokens ? this.tokens.revokeAll(userId) : 0;
			this.events.publishEvent(new PasswordChanged(CurrentTenant.require(), userId, false, tokensRevoked));
			return tokensRevoked;
		});
		this.sessions.endAll(userId, keepSession);
		return revoked;
	}

	/**
	 * Changes the name the member is shown by; the e-mail stays. A name that does not
	 * change records nothing.
	 */
	public void changeName(UserId userId, @Nullable String raw) {
		String name = text(raw);
		if (name.isEmpty()) {
			throw new InvalidInputException("name", "field.required");
		}
		if (name.codePointCount(0, name.length()) > NewMembers.NAME_MAX) {
			throw new InvalidInputException("name", "field.too-long", NewMembers.NAME_MAX);
		}
		if (LinkInName.found(name)) {
			throw new InvalidInputException("name", LinkInName.PROBLEM);
		}
		this.transactions.executeWithoutResult((tx) -> {
			int changed = this.jdbc.sql("update app_user set name = ? where id = ? and name <> ?")
				.params(name, userId.value(), name)
				.update();
			if (changed > 0) {
				this.events.publishEvent(new MemberProfileChanged(CurrentTenant.require(), userId, "name"));
			}
		});
	}

	/**
	 * Sets the language the member reads Atlas and its mails in: {@code fr} or
	 * {@code en}.
	 */
	public void changeLocale(UserId userId, String language) {
		if (!Languages.supports(language)) {
			throw new InvalidInputException("locale", "field.invalid");
		}
		this.transactions.executeWithoutResult((tx) -> {
			int changed = this.jdbc.sql("update app_user set locale = ? where id = ? and locale <> ?")
				.params(language, userId.value(), language)
				.update();
			if (changed > 0) {
				this.events
					.publishEvent(new MemberProfileChanged(CurrentTenant.require(), userId, "locale=" + language));
			}
		});
	}

	/**
	 * Mails a one-hour reset link when the address belongs to an active member, at most
	 * {@link #RESETS_PER_HOUR} an hour. Says nothing either way, so the form cannot be
	 * used to find out who has an account.
	 * @throws InvalidInputException when no address is given, or none of an e-mail's
	 * form: that says nothing of any account
	 */
	public void requestPasswordReset(String rawEmail) {
		String email = EmailAddress.normalise("email", rawEmail);
		var account = this.jdbc.sql("select org_id, user_id, active, locale from atlas_login_lookup(?)")
			.param(email)
			.query((rs,
					n) -> new Object[] { OrgId.of(rs.getObject(1, UUID.class)), UserId.of(rs.getObject(2, UUID.class)),
							rs.getBoolean(3), rs.getString(4) })
			.optional();
		if (account.isEmpty() || !(boolean) account.get()[2]) {
			return;
		}
		OrgId orgId = (OrgId) account.get()[0];
		UserId userId = (UserId) account.get()[1];
		Locale locale = Locale.forLanguageTag((String) account.get()[3]);
		String token = SecretTokens.generate("rst_");
		boolean mailed = Boolean.TRUE.equals(CurrentTenant.callAs(orgId, () -> this.transactions.execute((tx) -> {
			Instant now = Instant.now(this.clock);
			// the member's row, locked: requests sent at once count one after the other
			this.jdbc.sql("select id from app_user where id = ? for update").param(userId.value()).query().listOfRows();
			int lastHour = this.jdbc.sql("select count(*) from password_reset where user_id = ? and expires_at > ?")
				.params(userId.value(), java.sql.Timestamp.from(now.plus(RESET_VALIDITY).minus(Duration.ofHours(1))))
				.query(Integer.class)
				.single();
			if (lastHour >= RESETS_PER_HOUR) {
				return false;
			}
			this.jdbc.sql("""
					insert into password_reset (org_id, id, user_id, token_hash, expires_at)
					values (?, ?, ?, ?, ?)""")
				.params(orgId.value(), UUID.randomUUID(), userId.value(), SecretTokens.hash(token),
						java.sql.Timestamp.from(now.plus(RESET_VALIDITY)))
				.update();
			this.events.publishEvent(new PasswordResetRequested(orgId, userId));
			return true;
		})));
		if (!mailed) {
			return;
		}
		String link = this.baseUrl + "/password/reset?token=" + token;
		this.mail.send(new OutgoingMail(email, this.messages.getMessage("mail.reset.subject", null, locale),
				this.messages.getMessage("mail.reset.body", new Object[] { link }, locale)));
	}

	/** Whether a reset link can still be used, to say so before the form is filled in. */
	public boolean isResetLinkValid(String token) {
		return !token.isEmpty() && this.jdbc.sql("select count(*) from atlas_password_reset_lookup(?)")
			.param(SecretTokens.hash(token))
			.query(Integer.class)
			.single() > 0;
	}

	/**
	 * Sets a new password from a reset link; the link works once, and so do the member's
	 * other links, which stop working with it. Every session of the member ends, and
	 * every API token is revoked: the reset is for someone who lost the password, or
	 * fears another knows it, and a token made with it would outlive the new one (ADR
	 * 0076).
	 * @return how many API tokens that still worked were revoked
	 */
	public int resetPassword(String token, String replacement) {
		var reset = this.jdbc.sql("select org_id, reset_id from atlas_password_reset_lookup(?)")
			.param(SecretTokens.hash(token == null ? "" : token))
			.query((rs, n) -> new UUID[] { rs.getObject(1, UUID.class), rs.getObject(2, UUID.class) })
			.optional()
			.orElseThrow(() -> new InvalidInputException("token", "password.reset-link-invalid"));
		OrgId orgId = OrgId.of(reset[0]);
		Reset done = CurrentTenant.callAs(orgId, () -> this.transactions.execute((tx) -> {
			var row = this.jdbc
				.sql("""
						select u.id, u.email from password_reset r join app_user u on u.org_id = r.org_id and u.id = r.user_id
						where r.id = ? and r.used_at is null and u.active for update of r""")
				.param(reset[1])
				.query((rs, n) -> new Object[] { UserId.of(rs.getObject(1, UUID.class)), rs.getString(2) })
				.optional()
				.orElseThrow(() -> new InvalidInputException("token", "password.reset-link-invalid"));
			UserId userId = (UserId) row[0];
			this.policy.check("password", replacement, (String) row[1]);
			storePassword(userId, replacement);
			this.jdbc.sql("update password_reset set used_at = now() where id = ?").param(reset[1]).update();
			this.jdbc.sql("update app_user set failed_logins = 0, locked_until = null where id = ?")
				.param(userId.value())
				.update();
			int tokensRevoked = this.tokens.revokeAll(userId);
			this.events.publishEvent(new PasswordChanged(orgId, userId, true, tokensRevoked));
			return new Reset(userId, tokensRevoked);
		}));
		this.sessions.endAll(done.member(), null);
		return done.tokensRevoked();
	}

	private record Reset(UserId member, int tokensRevoked) {
	}

	private void storePassword(UserId userId, String password) {
		this.jdbc.sql("update app_user set password_hash = ?, version = version + 1 where id = ?")
			.params(this.passwords.encode(password), userId.value())
			.update();
		// a link asked for before the change would otherwise undo it
		this.jdbc.sql("update password_reset set used_at = now() where user_id = ? and used_at is null")
			.param(userId.value())
			.update();
	}

	private static String text(String value) {
		return TypedText.line(value);
	}

	private static <T> T collect(List<FieldProblem> problems, java.util.function.Supplier<T> check) {
		try {
			return check.get();
		}
		catch (InvalidInputException ex) {
			problems.addAll(ex.problems());
			return null;
		}
	}

}
