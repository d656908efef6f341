package fr.atlas.audit;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One line of an organisation's audit log, as read back.
 */
public record AuditEntry(long sequence, Instant occurredAt, @Nullable String actorId, @Nullable String actorLabel,
		String action, String entityType, String entityId, String summary, String correlationId,
		@Nullable String clientIp, String hash) {
}
