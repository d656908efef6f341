package fr.atlas.tenancy.internal;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import fr.atlas.platform.CurrentTenant;
import fr.atlas.platform.UserId;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The API requests sent with an {@code Idempotency-Key}, and their answers, for a day
 * (table {@code api_idempotent_request}, under row-level security). Each step is its own
 * transaction, apart from the request's: the claim must be seen by a second request
 * before the first one's work commits.
 */
@Component
class IdempotentRequests {

	/** How long a key names its request: a retry comes within minutes, a day is ample. */
	static final Duration KEPT = Duration.ofHours(24);

	/**
	 * A claim without an answer after this long belongs to a request that never finished
	 * (the server stopped under it): the next retry takes it over. Longer than the
	 * largest upload takes to arrive.
	 */
	static final Duration ABANDONED = Duration.ofMinutes(10);

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	IdempotentRequests(JdbcClient jdbc, TransactionTemplate transactions) {
		this.jdbc = jdbc;
		this.transactions = transactions;
	}

	/**
	 * Deletes the organisation's keys older than {@link #KEPT}: they name their requests
	 * no more, and their answers are not given again.
	 */
	void forgetExpired() {
		this.transactions.executeWithoutResult((status) -> this.jdbc
			.sql("delete from api_idempotent_request where org_id = ? and created_at < now() - ?::interval")
			.params(CurrentTenant.require().value(), KEPT.toSeconds() + " seconds")
			.update());
	}

	/**
	 * Claims the key for a request, or tells what was already recorded under it.
	 * @return empty when this request is the key's first (or a retry of one that was
	 * abandoned or forgotten) and must be answered; otherwise what the key holds
	 */
	Optional<Recorded> claim(UserId user, String key, String fingerprint) {
		return this.transactions.execute((status) -> {
			UUID org = CurrentTenant.require().value();
			int claimed = this.jdbc.sql("""
					insert into api_idempotent_request (org_id, user_id, key, fingerprint) values (?, ?, ?, ?)
					on conflict (org_id, user_id, key) do update
					  set fingerprint = excluded.fingerprint, status = null, content_type = null, location = null,
					      body = null, created_at = now()
					  where api_idempotent_request.status is null
					    and api_idempotent_request.created_at < now() - ?::interval""")
				.params(org, user.value(), key, fingerprint, ABANDONED.toSeconds() + " seconds")
				.update();
			if (claimed == 1) {
				return Optional.<Recorded>empty();
			}
			return this.jdbc.sql("""
					select fingerprint, status, content_type, location, body from api_idempotent_request
					where org_id = ? and user_id = ? and key = ?""")
				.params(org, user.value(), key)
				.query((rs, row) -> new Recorded(rs.getString("fingerprint"), (Integer) rs.getObject("status"),
						rs.getString("content_type"), rs.getString("location"), rs.getBytes("body")))
				.optional();
		});
	}

	/** Records the answer the key's request got, to be given again to its retries. */
	void answer(UserId user, String key, int status, @Nullable String contentType, @Nullable String location,
			byte[] body) {
		this.transactions.executeWithoutResult((tx) -> this.jdbc.sql("""
				update api_idempotent_request set status = ?, content_type = ?, location = ?, body = ?
				where org_id = ? and user_id = ? and key = ?""")
			.params(status, contentType, location, body, CurrentTenant.require().value(), user.value(), key)
			.update());
	}

	/**
	 * Forgets a claim whose request failed on the server's side, so that a retry does the
	 * work instead of being told the failure again.
	 */
	void release(UserId user, String key) {
		this.transactions.executeWithoutResult((tx) -> this.jdbc
			.sql("delete from api_idempotent_request where org_id = ? and user_id = ? and key = ? and status is null")
			.params(CurrentTenant.require().value(), user.value(), key)
			.update());
	}

	/**
	 * What a key holds: the fingerprint of its request and, once answered, the answer.
	 */
	record Recorded(String fingerprint, @Nullable Integer status, @Nullable String contentType,
			@Nullable String location, byte @Nullable [] body) {

		boolean answered() {
			return this.status != null;
		}

	}

}
