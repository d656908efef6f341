package fr.atlas.cases.internal;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One entry of a case's timeline: what happened ({@code kind}), who did it, when, and the
 * details in {@code payload}.
 */
public record CaseEvent(UUID id, String kind, @Nullable UUID authorId, @Nullable String authorName, Instant occurredAt,
		Map<String, Object> payload) {
}
