package fr.atlas.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

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
		action = blankToNull(action);
		entityType = blankToNull(entityType);
		entityId = blankToNull(entityId);
		List<FieldProblem> problems = new ArrayList<>();
		if (page < 0) {
			problems.add(new FieldProblem("page", "audit.page.invalid"));
		}
		if (size < 1 || size > MAX_SIZE) {
			problems.add(new FieldProblem("size", "audit.size.invalid", MAX_SIZE));
		}
		if (from != null && to != null && !from.isBefore(to)) {
			problems.add(new FieldProblem("to", "audit.period.invalid"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
	}

	public static AuditQuery firstPage() {
		return new AuditQuery(null, null, null, null, null, null, 0, DEFAULT_SIZE);
	}

	public long offset() {
		return (long) this.page * this.size;
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value.trim();
	}

}
