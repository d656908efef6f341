package fr.atlas.tenancy.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import fr.atlas.platform.CurrentTenant;
import fr.atlas.platform.InvalidInputException;
import fr.atlas.platform.OrgId;
import fr.atlas.platform.RequestMetadata;
import fr.atlas.platform.TooManyRequestsException;
import fr.atlas.platform.UserId;
import fr.atlas.tenancy.AccountLocked;
import fr.atlas.tenancy.Member;
import fr.atlas.tenancy.MemberSignedIn;
import fr.atlas.tenancy.Members;
import fr.atlas.tenancy.SignInFailed;
import fr.atlas.tenancy.SignInMethod;
import fr.atlas.tenancy.SignInRefused;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Checks an e-mail and password. Failures are counted per e-mail address; after
 * {@code atlas.security.login-max-failures}, each within {@code atlas.security.lockout}
 * of the one before, the address is locked for {@code atlas.security.lockout}, and
 * attempts during the lock are refused with the time left, even with the right password.
 * An address without an account is counted and locked the same way
 * ({@code login_failure}, its stale rows purged), so that the lockout does not tell who
 * has an account.
 */
@Component
class PasswordLogin {

	private static final Logger logger = LoggerFactory.getLogger(PasswordLogin.class);

	// Unknown e-mails are checked against this so that they take as long as known ones.
	private final String decoyHash;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final PasswordEncoder passwords;

	private final Members members;

	private final SecurityProperties properties;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	PasswordLogin(JdbcClient jdbc, TransactionTemplate transactions, PasswordEncoder passwords, Members members,
			SecurityProperties properties, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.passwords = passwords;
		this.members = members;
		this.properties = properties;
		this.events = events;
		this.clock = clock;
		this.decoyHash = passwords.encode("decoy-" + UUID.randomUUID());
	}

	/**
	 * The member whose e-mail and password these are. A success, a wrong password for an
	 * existing account and the right one for a deactivated member are audited
	 * ({@link MemberSignedIn}, {@link SignInFailed}, {@link SignInRefused}), with
	 * {@code method}; an unknown e-mail has no organisation to audit it in, and attempts
	 * on a locked account are the lock's ({@link AccountLocked}).
	 */
	MemberPrincipal authenticate(@Nullable String rawEmail, @Nullable String password, SignInMethod method) {
		String email = TypedText.trimmed(rawEmail);
		var account = this.jdbc
			.sql("select org_id, user_id, password_hash, active, locked_until from atlas_login_lookup(?)")
			.param(email)
			.query((rs, n) -> new Account(OrgId.of(rs.getObject(1, UUID.class)), UserId.of(rs.getObject(2, UUID.class)),
					rs.getString(3), rs.getBoolean(4),
					rs.getTimestamp(5) != null ? rs.getTimestamp(5).toInstant() : null))
			.optional();
		String given = (password == null) ? "" : password;
		Instant now = Instant.now(this.clock);
		if (account.isEmpty() || account.get().passwordHash() == null) {
			String address = addressKey(email);
			Instant lockedUntil = lockedUntil(address);
			if (lockedUntil != null && lockedUntil.isAfter(now)) {
				throw new TooManyRequestsException(Duration.between(now, lockedUntil));
			}
			this.passwords.matches(given, this.decoyHash);
			recordFailure(address, now);
			throw new BadCredentialsException("bad credentials");
		}
		Account found = account.get();
		if (found.lockedUntil() != null && found.lockedUntil().isAfter(now)) {
			throw new TooManyRequestsException(Duration.between(now, found.lockedUntil()));
		}
		if (!this.passwords.matches(given, found.passwordHash())) {
			recordFailure(found, now, method);
			throw new BadCredentialsException("bad credentials");
		}
		if (!found.active()) {
			CurrentTenant.runAs(found.orgId(), () -> this.transactions.executeWithoutResult(
					(tx) -> this.events.publishEvent(new SignInRefused(found.orgId(), found.userId(), method))));
			throw new DisabledException("deactivated");
		}
		return CurrentTenant.callAs(found.orgId(), () -> this.transactions.execute((tx) -> {
			this.jdbc
				.sql("update app_user set failed_logins = 0, locked_until = null where id = ? and failed_logins > 0")
				.param(found.userId().value())
				.update();
			Member member = this.members.find(found.userId()).orElseThrow();
			// the request is the member's from now on: the entry names them
			RequestMetadata.actingAs(member.id(), member.email());
			this.events.publishEvent(new MemberSignedIn(found.orgId(), found.userId(), method));
			return MemberPrincipal.of(member);
		}));
	}

	/**
	 * Checks the current password a signed-in member types to change theirs. A wrong one
	 * counts towards the account's lock as a wrong sign-in does, and a locked account's
	 * is not checked: a session left open on a shared computer, or a stolen session
	 * cookie, let anyone try passwords at {@code /account} without end, round the lock
	 * that guards the sign-in (ADR 0119). A right one clears the failures, as a sign-in
	 * does.
	 * @throws InvalidInputException on {@code currentPassword}: {@code password.wrong},
	 * or {@code password.locked} with the minutes left to wait
	 */
	void checkCurrentPassword(OrgId orgId, UserId userId, @Nullable String given) {
		Instant now = Instant.now(this.clock);
		Account account = CurrentTenant
			.callAs(orgId,
					() -> this.transactions.execute((tx) -> this.jdbc
						.sql("select password_hash, active, locked_until from app_user where id = ?")
						.param(userId.value())
						.query((rs, n) -> new Account(orgId, userId, rs.getString(1), rs.getBoolean(2),
								rs.getTimestamp(3) != null ? rs.getTimestamp(3).toInstant() : null))
						.single()));
		if (account.lockedUntil() != null && account.lockedUntil().isAfter(now)) {
			long minutes = Math.max(1, (Duration.between(now, account.lockedUntil()).toSeconds() + 59) / 60);
			throw new InvalidInputException("currentPassword", "password.locked", minutes);
		}
		if (given == null || account.passwordHash() == null || !this.passwords.matches(given, account.passwordHash())) {
			recordFailure(account, now, SignInMethod.PASSWORD_CHANGE);
			throw new InvalidInputException("currentPassword", "password.wrong");
		}
		CurrentTenant.runAs(orgId, () -> this.transactions.executeWithoutResult((tx) -> this.jdbc
			.sql("update app_user set failed_logins = 0, locked_until = null where id = ? and failed_logins > 0")
			.param(userId.value())
			.update()));
	}

	private void recordFailure(Account account, Instant now, SignInMethod method) {
		CurrentTenant.runAs(account.orgId(), () -> this.transactions.executeWithoutResult((tx) -> {
			int failures = this.jdbc.sql("""
					update app_user
					set failed_logins = case when last_failed_login_at >= :since then failed_logins + 1 else 1 end,
					    last_failed_login_at = :now
					where id = :id returning failed_logins""")
				.param("since", Timestamp.from(countedSince(now)))
				.param("now", Timestamp.from(now))
				.param("id", account.userId().value())
				.query(Integer.class)
				.single();
			this.events.publishEvent(new SignInFailed(account.orgId(), account.userId(), method, failures));
			if (failures >= this.properties.loginMaxFailures()) {
				this.jdbc.sql("update app_user set failed_logins = 0, locked_until = ? where id = ?")
					.params(Timestamp.from(now.plus(this.properties.lockout())), account.userId().value())
					.update();
				this.events.publishEvent(new AccountLocked(account.orgId(), account.userId(), failures));
			}
		}));
	}

	private @Nullable Instant lockedUntil(String address) {
		return this.jdbc.sql("select locked_until from login_failure where address_key = ?")
			.param(address)
			.query((rs, n) -> (rs.getTimestamp(1) != null) ? rs.getTimestamp(1).toInstant() : null)
			.optional()
			.orElse(null);
	}

	/**
	 * As for an account, for an address that has none: no organisation to audit it in.
	 */
	private void recordFailure(String address, Instant now) {
		this.transactions.executeWithoutResult((tx) -> {
			int failures = this.jdbc.sql("""
					insert into login_failure (address_key, failures, last_failed_at) values (:address, 1, :now)
					on conflict (address_key) do update
					set failures = case when login_failure.last_failed_at >= :since then login_failure.failures + 1
					                    else 1 end,
					    last_failed_at = excluded.last_failed_at
					returning failures""")
				.param("address", address)
				.param("now", Timestamp.from(now))
				.param("since", Timestamp.from(countedSince(now)))
				.query(Integer.class)
				.single();
			if (failures >= this.properties.loginMaxFailures()) {
				this.jdbc.sql("update login_failure set failures = 0, locked_until = ? where address_key = ?")
					.params(Timestamp.from(now.plus(this.properties.lockout())), address)
					.update();
			}
		});
	}

	/**
	 * Failures count towards a lock only within the lockout's window of the one before:
	 * older ones are forgotten, for an account as for an address without one (the same
	 * answers, or the lockout would tell who has an account).
	 */
	private Instant countedSince(Instant now) {
		return now.minus(this.properties.lockout());
	}

	/**
	 * Deletes the rows of addresses without an account whose last failure is older than
	 * the window and whose lock, if any, has ended: they count for nothing any more.
	 * Returns how many.
	 */
	int forgetStaleFailures() {
		Instant now = this.clock.instant();
		Integer deleted = this.transactions.execute((tx) -> this.jdbc.sql("""
				delete from login_failure
				where last_failed_at < :since and (locked_until is null or locked_until <= :now)""")
			.param("since", Timestamp.from(countedSince(now)))
			.param("now", Timestamp.from(now))
			.update());
		return (deleted != null) ? deleted : 0;
	}

	@Scheduled(initialDelayString = "${atlas.security.login-failure-purge-delay:2m}",
			fixedDelayString = "${atlas.security.login-failure-purge-interval:15m}")
	void purgeStaleFailures() {
		int deleted = forgetStaleFailures();
		if (deleted > 0) {
			logger.debug("Forgot the sign-in failures of {} addresses without an account", deleted);
		}
	}

	/** The address as kept: a digest of its lower-case form, never the text typed. */
	private static String addressKey(String email) {
		return SecretTokens.hash(email.toLowerCase(Locale.ROOT));
	}

	private record Account(OrgId orgId, UserId userId, @Nullable String passwordHash, boolean active,
			@Nullable Instant lockedUntil) {
	}

}
