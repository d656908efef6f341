package fr.atlas.cases.internal;

import java.time.Instant;

import fr.atlas.cases.engine.WorkflowDefinition;
import org.jspecify.annotations.Nullable;

/**
 * One version of a case type's workflow. Only a published version runs cases, and it
 * never changes.
 */
public record WorkflowVersion(String caseType, int version, Status status, WorkflowDefinition definition,
		Instant createdAt, @Nullable Instant publishedAt) {

	public enum Status {

		DRAFT, PUBLISHED

	}

	public boolean published() {
		return this.status == Status.PUBLISHED;
	}

}
