package fr.atlas.audit.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import fr.atlas.audit.AuditSummary;
import fr.atlas.audit.Auditable;
import fr.atlas.platform.CurrentTenant;
import fr.atlas.platform.MemberNames;
import fr.atlas.platform.RequestMetadata;
import fr.atlas.platform.UserId;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes an audit entry for every {@link Auditable} event, synchronously and in the
 * publisher's transaction. Writers of one organisation queue on its {@code audit_chain}
 * row, which keeps the chain linear.
 */
@Component
class AuditTrail {

	private static final Logger log = LoggerFactory.getLogger(AuditTrail.class);

	private final JdbcClient jdbc;

	private final Clock clock;

	private final MeterRegistry meters;

	private final SummaryWords words;

	private final ObjectProvider<MemberNames> members;

	AuditTrail(JdbcClient jdbc, Clock clock, MeterRegistry meters, SummaryWords words,
			ObjectProvider<MemberNames> members) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.meters = meters;
		this.words = words;
		this.members = members;
	}

	@EventListener
	@Transactional(propagation = Propagation.REQUIRED)
	void on(Auditable event) {
		CurrentTenant.callAs(event.orgId(), () -> {
			append(event);
			return null;
		});
	}

	private void append(Auditable event) {
		RequestMetadata request = actorOfTheOrganisation(RequestMetadata.current());
		this.jdbc.sql("""
				insert into audit_chain (org_id, last_seq, last_hash) values (:org, 0, :genesis)
				on conflict (org_id) do nothing""")
			.param("org", event.orgId().value())
			.param("genesis", AuditHash.GENESIS)
			.update();
		var head = this.jdbc.sql("select last_seq, last_hash from audit_chain where org_id = :org for update")
			.param("org", event.orgId().value())
			.query((rs, row) -> new Head(rs.getLong(1), rs.getString(2)))
			.single();
		long sequence = head.lastSequence() + 1;
		Instant now = Instant.now(this.clock).truncatedTo(ChronoUnit.MICROS);
		String actorId = request.actorId().map(UserId::toString).orElse(null);
		AuditSummary summary = this.words.withNames(event.summary());
		// the French text stays what the chain covers and what older readers show; the
		// message beside it lets every reader read the entry in their language
		String message = this.words.toJson(summary);
		// a summary without words (AuditLabelsTests prevents it) must not undo the change
		String text = this.words.render(summary, SummaryWords.STORED).orElseGet(() -> {
			log.warn("No French words for the audit summary {}", summary.key());
			return summary.key();
		});
		String hash = AuditHash.of(head.lastHash(), sequence, now, actorId, request.actorLabel(), event.action(),
				event.entityType(), event.entityId(), text, request.correlationId(), request.clientIp(), message);
		this.jdbc
			.sql("""
					insert into audit_entry (org_id, seq, occurred_at, actor_id, actor_label, action, entity_type, entity_id,
					                         summary, correlation_id, client_ip, summary_message, prev_hash, hash)
					values (:org, :seq, :at, :actor::uuid, :label, :action, :type, :entity, :summary, :correlation, :ip, :message,
					        :prev, :hash)""")
			.param("org", event.orgId().value())
			.param("seq", sequence)
			.param("at", java.sql.Timestamp.from(now))
			.param("actor", actorId)
			.param("label", request.actorLabel())
			.param("action", event.action())
			.param("type", event.entityType())
			.param("entity", event.entityId())
			.param("summary", text)
			.param("message", message)
			.param("correlation", request.correlationId())
			.param("ip", request.clientIp())
			.param("prev", head.lastHash())
			.param("hash", hash)
			.update();
		this.jdbc.sql("update audit_chain set last_seq = :seq, last_hash = :hash where org_id = :org")
			.param("seq", sequence)
			.param("hash", hash)
			.param("org", event.orgId().value())
			.update();
		this.meters.counter("atlas.audit.entries", "action", event.action()).increment();
		// the summary stays out of the logs: it may name people
		log.info("Audit entry #{} {} {} {}", sequence, event.action(), event.entityType(), event.entityId());
	}

	/**
	 * The request as this organisation's log may tell it. A member signed in to another
	 * organisation who opens this one's invitation or a reset link of one of its accounts
	 * acts here as nobody: their id and e-mail are not this organisation's to read. The
	 * directory reads under row-level security, so it finds only this organisation's
	 * members, former ones too.
	 */
	private RequestMetadata actorOfTheOrganisation(RequestMetadata request) {
		MemberNames directory = this.members.getIfAvailable();
		if (directory == null || request.actorId().isEmpty()
				|| !directory.namesOf(List.of(request.actorId().get().value())).isEmpty()) {
			return request;
		}
		return request.withActor(null, null);
	}

	private record Head(long lastSequence, String lastHash) {
	}

}
