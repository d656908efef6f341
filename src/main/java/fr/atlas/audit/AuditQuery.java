package fr.atlas.audit;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import fr.atlas.platform.InvalidInputException;
import fr.atlas.platform.InvalidInputException.FieldProblem;
import org.jspecify.annotations.Nullable;

/**
 * A search of the current organisation's audit log: optional filters and one page, newest
 * entries first. {@code actor} is a user id or part of the actor's e-mail; {@code from}
 * is inclusive, {@code to} exclusive.
 */
public record AuditQuery(@Nullable String actor, @Nullable String action, @Nullable String entityType,
		@Nullable String entityId, @Nullable Instant from, @Nullable Instant to, int page, int size) {

	public static final int DEFAULT_SIZE = 50;

	public static final int MAX_SIZE = 200;

	public AuditQuery {
		actor = blankToNull(actor);
		// codes are lower-case and ids are written as UUIDs are printed: a filter in
		// another case finds them rather than nothing (ADR 0070)
		action = lowerCase(blankToNull(action));
		entityType = lowerCase(blankToNull(entityType));
		entityId = canonicalId(blankToNull(entityId));
		// paging out of range is brought to its nearest bound, as in every list of the
		// API; the answer says the page and size it used (ADR 0073)
		page = Math.max(page, 0);
		size = Math.min(Math.max(size, 1), MAX_SIZE);
		if (from != null && to != null && !from.isBefore(to)) {
			throw new InvalidInputException("to", "audit.period.invalid");
		}
	}

	public static AuditQuery firstPage() {
		return new AuditQuery(null, null, null, null, null, null, 0, DEFAULT_SIZE);
	}

	public long offset() {
		return (long) this.page * this.size;
	}

	private static @Nullable String lowerCase(@Nullable String value) {
		return (value != null) ? value.toLowerCase(Locale.ROOT) : null;
	}

	private static @Nullable String canonicalId(@Nullable String value) {
		if (value == null || value.length() != 36) {
			return value;
		}
		try {
			return UUID.fromString(value).toString();
		}
		catch (IllegalArgumentException ex) {
			return value;
		}
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value.trim();
	}

}
