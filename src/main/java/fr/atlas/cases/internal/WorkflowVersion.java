package fr.atlas.cases.internal;

import java.time.Instant;

import fr.atlas.cases.engine.WorkflowDefinition;
import org.jspecify.annotations.Nullable;

/**
 * One version of a case type's workflow. Only a published version runs cases, and it
 * never changes. {@code fields} are the custom fields a version saved from a whole export
 * brought, which its publication gives the case type (ADR 0090); null for a version saved
 * from its graph alone, which keeps the type's.
 */
public record WorkflowVersion(String caseType, int version, Status status, WorkflowDefinition definition,
		Instant createdAt, @Nullable Instant publishedAt, @Nullable FieldSchema fields) {

	public enum Status {

		DRAFT, PUBLISHED

	}

	public boolean published() {
		return this.status == Status.PUBLISHED;
	}

}
