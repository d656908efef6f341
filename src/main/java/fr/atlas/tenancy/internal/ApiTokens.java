package fr.atlas.tenancy.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnore;
import fr.atlas.platform.CurrentTenant;
import fr.atlas.platform.InvalidInputException;
import fr.atlas.platform.InvalidInputException.FieldProblem;
import fr.atlas.platform.NotFoundException;
import fr.atlas.platform.OrgId;
import fr.atlas.platform.RequestMetadata;
import fr.atlas.platform.UserId;
import fr.atlas.tenancy.ApiTokenCreated;
import fr.atlas.tenancy.ApiTokenRevoked;
import fr.atlas.tenancy.Members;
import fr.atlas.tenancy.SignInMethod;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Personal API tokens: shown once at creation, stored as a SHA-256 hash, revocable.
 */
@Service
public class ApiTokens {

	static final String PREFIX = "atl_";

	/** The longest lifetime a token may be given, in days (ten years). */
	public static final int MAX_DAYS = 3650;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final Members members;

	private final ApplicationEventPublisher events;

	private final PasswordLogin login;

	private final Clock clock;

	ApiTokens(JdbcClient jdbc, TransactionTemplate transactions, Members members, ApplicationEventPublisher events,
			PasswordLogin login, Clock clock) {
		this.clock = clock;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.members = members;
		this.events = events;
		this.login = login;
	}

	/**
	 * Issues a token to whoever proves they hold the account's password. Wrong
	 * credentials count towards the account's lockout like a failed form login.
	 */
	public IssuedToken issueWithPassword(@Nullable String email, @Nullable String password, @Nullable String name,
			@Nullable Integer expiresInDays, boolean readOnly) {
		// the token asked for is checked before the password: a sign-in that gives no
		// token is not audited as one (ADR 0070); credentials left out are the request's
		// mistake, named with the token's, not a wrong password counted towards a lock
		// (ADR 0106)
		List<FieldProblem> problems = new ArrayList<>();
		if (email == null || email.isBlank()) {
			problems.add(new FieldProblem("email", "field.required"));
		}
		if (password == null || password.isEmpty()) {
			problems.add(new FieldProblem("password", "field.required"));
		}
		check(name, expiresInDays, problems);
		MemberPrincipal member = this.login.authenticate(email, password, SignInMethod.API_TOKEN);
		RequestMetadata.actingAs(member.userId(), member.email());
		return CurrentTenant.callAs(member.orgId(), () -> issue(member.userId(), name, expiresInDays, readOnly));
	}

	public record IssuedToken(UUID id, String token) {
	}

	/**
	 * A token as its owner and admins see it; {@code expiresAt} is when it stops working
	 * by itself (none: until revoked); a {@code readOnly} one only reads.
	 */
	public record TokenRow(UUID id, String name, String prefix, Instant createdAt, @Nullable Instant lastUsedAt,
			@Nullable Instant revokedAt, @Nullable Instant expiresAt, boolean readOnly, @JsonIgnore boolean expired) {

		/**
		 * Whether it has expired at the application clock's instant, the one the token
		 * lookup refuses it by: the badge says what the lookup does.
		 */
		@Override
		@JsonIgnore
		public boolean expired() {
			return this.expired;
		}

	}

	/**
	 * Issues a token for a member of the organisation bound to the current thread, for
	 * {@code expiresInDays} days (1 to {@value #MAX_DAYS}), or until revoked when none; a
	 * {@code readOnly} token is refused any call that is not a read
	 * ({@link BearerTokenFilter}).
	 */
	public IssuedToken issue(UserId userId, @Nullable String rawName, @Nullable Integer expiresInDays,
			boolean readOnly) {
		String name = check(rawName, expiresInDays);
		Instant expiresAt = (expiresInDays != null) ? this.clock.instant().plus(Duration.ofDays(expiresInDays)) : null;
		String token = SecretTokens.generate(PREFIX);
		UUID id = UUID.randomUUID();
		OrgId orgId = CurrentTenant.require();
		this.transactions.executeWithoutResult((tx) -> {
			this.jdbc.sql("""
					insert into api_token (org_id, id, user_id, name, token_hash, prefix, expires_at, read_only)
					values (?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(orgId.value(), id, userId.value(), name, SecretTokens.hash(token), token.substring(0, 10),
						(expiresAt != null) ? Timestamp.from(expiresAt) : null, readOnly)
				.update();
			this.events.publishEvent(new ApiTokenCreated(orgId, id, userId, name, readOnly));
		});
		return new IssuedToken(id, token);
	}

	/**
	 * The token's name, trimmed, once the name and the lifetime asked for are right.
	 * @throws InvalidInputException naming every problem
	 */
	private static String check(@Nullable String rawName, @Nullable Integer expiresInDays) {
		return check(rawName, expiresInDays, new ArrayList<>());
	}

	/**
	 * As {@link #check(String, Integer)}, after the {@code problems} already found.
	 */
	private static String check(@Nullable String rawName, @Nullable Integer expiresInDays,
			List<FieldProblem> problems) {
		String name = TypedText.line(rawName);
		if (name.isEmpty()) {
			problems.add(new FieldProblem("name", "field.required"));
		}
		else if (name.codePointCount(0, name.length()) > 80) {
			problems.add(new FieldProblem("name", "field.too-long", 80));
		}
		if (expiresInDays != null && (expiresInDays < 1 || expiresInDays > MAX_DAYS)) {
			problems.add(new FieldProblem("expiresInDays", "tokens.lifetime.invalid", MAX_DAYS));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		return name;
	}

	public List<TokenRow> of(UserId userId) {
		Instant now = this.clock.instant();
		return this.transactions.execute((tx) -> this.jdbc.sql("""
				select id, name, prefix, created_at, last_used_at, revoked_at, expires_at, read_only from api_token
				where user_id = ? order by created_at desc""")
			.param(userId.value())
			.query((rs, n) -> new TokenRow(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
					rs.getTimestamp(4).toInstant(), instant(rs.getTimestamp(5)), instant(rs.getTimestamp(6)),
					instant(rs.getTimestamp(7)), rs.getBoolean(8),
					rs.getTimestamp(7) != null && !rs.getTimestamp(7).toInstant().isAfter(now)))
			.list());
	}

	/** One of a member's tokens, as {@link #of(UserId)} lists it. */
	public Optional<TokenRow> one(UserId userId, UUID tokenId) {
		return of(userId).stream().filter((row) -> row.id().equals(tokenId)).findFirst();
	}

	public void revoke(UserId userId, UUID tokenId) {
		this.transactions.executeWithoutResult((tx) -> {
			int changed = this.jdbc
				.sql("update api_token set revoked_at = now() where id = ? and user_id = ? and revoked_at is null")
				.params(tokenId, userId.value())
				.update();
			if (changed == 0) {
				throw new NotFoundException("Jeton");
			}
			this.events.publishEvent(new ApiTokenRevoked(CurrentTenant.require(), tokenId, userId));
		});
	}

	/**
	 * Revokes every token of a member not revoked yet, inside the caller's transaction: a
	 * member deactivated and later reactivated starts again without the tokens handed out
	 * before, which may have been copied anywhere meanwhile; a password reset (ADR 0076)
	 * leaves none to whoever took the account.
	 * @return how many of them still worked, those an expiry had not ended already
	 */
	int revokeAll(UserId userId) {
		List<Object[]> revoked = this.jdbc.sql("""
				update api_token set revoked_at = now() where user_id = ? and revoked_at is null
				returning id, expires_at is null or expires_at > ?""")
			.params(userId.value(), Timestamp.from(this.clock.instant()))
			.query((rs, n) -> new Object[] { rs.getObject(1, UUID.class), rs.getBoolean(2) })
			.list();
		revoked.forEach(
				(row) -> this.events.publishEvent(new ApiTokenRevoked(CurrentTenant.require(), (UUID) row[0], userId)));
		return (int) revoked.stream().filter((row) -> (boolean) row[1]).count();
	}

	/**
	 * The member a presented token belongs to, and whether it only reads, if the token is
	 * live and the member active.
	 */
	Optional<TokenSignIn> authenticate(String token) {
		if (!token.startsWith(PREFIX)) {
			return Optional.empty();
		}
		// expired by the application's clock, the one its end was worked out from (V2_8)
		return this.jdbc.sql("select org_id, token_id, user_id, read_only from atlas_token_lookup(?, ?)")
			.params(SecretTokens.hash(token), Timestamp.from(this.clock.instant()))
			.query((rs, n) -> new Found(OrgId.of(rs.getObject(1, UUID.class)), rs.getObject(2, UUID.class),
					UserId.of(rs.getObject(3, UUID.class)), rs.getBoolean(4)))
			.optional()
			.flatMap((found) -> CurrentTenant.callAs(found.org(), () -> this.transactions.execute((tx) -> {
				// last use to the minute: enough to spot stale tokens without a
				// write per call
				this.jdbc.sql("""
						update api_token set last_used_at = now()
						where id = ? and (last_used_at is null or last_used_at < now() - interval '1 minute')""")
					.param(found.token())
					.update();
				return this.members.find(found.user())
					.map((member) -> new TokenSignIn(MemberPrincipal.of(member), found.readOnly()));
			})));
	}

	/** Who a live token signs in, and whether it may only read. */
	record TokenSignIn(MemberPrincipal member, boolean readOnly) {
	}

	private record Found(OrgId org, UUID token, UserId user, boolean readOnly) {
	}

	private static @Nullable Instant instant(java.sql.@Nullable Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

}
