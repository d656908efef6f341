package fr.atlas.audit;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One line of an organisation's audit log, as read back: {@code summary} in the reader's
 * language (in French for entries written before summaries were stored as messages), and
 * {@code entityLabel} naming the object where its id is a member's or a module's key.
 */
public record AuditEntry(long sequence, Instant occurredAt, @Nullable String actorId, @Nullable String actorLabel,
		String action, String entityType, String entityId, @Nullable String entityLabel, String summary,
		String correlationId, @Nullable String clientIp, String hash) {

	AuditEntry withWords(@Nullable String entityLabel, String summary) {
		return new AuditEntry(this.sequence, this.occurredAt, this.actorId, this.actorLabel, this.action,
				this.entityType, this.entityId, entityLabel, summary, this.correlationId, this.clientIp, this.hash);
	}

}
