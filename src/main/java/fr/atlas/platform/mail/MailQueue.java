package fr.atlas.platform.mail;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import fr.atlas.platform.TimeOrderedIds;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The mails waiting for the SMTP server, in {@code mail_queue}. A mail is taken with
 * {@code FOR UPDATE SKIP LOCKED}, so several nodes deliver the queue together and never
 * the same mail twice; one that fails waits longer each time (1 min, 2, 4… up to an hour)
 * until {@code atlas.mail.max-attempts} have failed.
 */
@Component
@ConditionalOnProperty(name = "atlas.mail.transport", havingValue = "smtp", matchIfMissing = true)
class MailQueue {

	private static final Duration FIRST_DELAY = Duration.ofMinutes(1);

	private static final Duration LONGEST_DELAY = Duration.ofHours(1);

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final int maxAttempts;

	MailQueue(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock,
			@Value("${atlas.mail.max-attempts}") int maxAttempts) {
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactions);
		this.clock = clock;
		this.maxAttempts = maxAttempts;
	}

	void add(OutgoingMail mail) {
		this.jdbc.sql("insert into mail_queue (id, recipient, subject, body, next_attempt_at) values (?, ?, ?, ?, ?)")
			.params(TimeOrderedIds.next(), mail.to(), mail.subject(), mail.body(), Timestamp.from(this.clock.instant()))
			.update();
	}

	/** Mails neither sent nor given up. */
	double waiting() {
		return this.transactions.execute(
				(tx) -> this.jdbc.sql("select count(*) from mail_queue where sent_at is null and failed_at is null")
					.query(Long.class)
					.single());
	}

	/**
	 * Hands the next due mail to {@code delivery}, in a transaction that keeps it locked
	 * meanwhile: sent when delivery returns, put back for later when it throws. Returns
	 * whether there was one.
	 */
	boolean deliverNext(Consumer<OutgoingMail> delivery) {
		return Boolean.TRUE.equals(this.transactions.execute((tx) -> {
			Optional<Queued> next = this.jdbc.sql("""
					select id, recipient, subject, body, attempts from mail_queue
					where sent_at is null and failed_at is null and next_attempt_at <= ?
					order by next_attempt_at limit 1 for update skip locked""")
				.param(Timestamp.from(this.clock.instant()))
				.query((rs, row) -> new Queued(rs.getObject("id", UUID.class),
						new OutgoingMail(rs.getString("recipient"), rs.getString("subject"), rs.getString("body")),
						rs.getInt("attempts")))
				.optional();
			if (next.isEmpty()) {
				return false;
			}
			Queued mail = next.get();
			try {
				delivery.accept(mail.mail());
				this.jdbc.sql("update mail_queue set sent_at = ?, body = '', attempts = attempts + 1 where id = ?")
					.params(Timestamp.from(this.clock.instant()), mail.id())
					.update();
			}
			catch (RuntimeException ex) {
				failed(mail, ex);
			}
			return true;
		}));
	}

	private void failed(Queued mail, RuntimeException ex) {
		int attempts = mail.attempts() + 1;
		boolean givingUp = attempts >= this.maxAttempts;
		this.jdbc.sql("""
				update mail_queue set attempts = ?, next_attempt_at = ?, last_error = ?, failed_at = ?,
				  body = case when ? then '' else body end
				where id = ?""")
			.params(attempts, Timestamp.from(this.clock.instant().plus(delayAfter(attempts))),
					String.valueOf(ex.getMessage()), givingUp ? Timestamp.from(this.clock.instant()) : null, givingUp,
					mail.id())
			.update();
	}

	static Duration delayAfter(int attempts) {
		Duration delay = FIRST_DELAY.multipliedBy(1L << Math.min(attempts - 1, 10));
		return (delay.compareTo(LONGEST_DELAY) > 0) ? LONGEST_DELAY : delay;
	}

	private record Queued(UUID id, OutgoingMail mail, int attempts) {
	}

}
