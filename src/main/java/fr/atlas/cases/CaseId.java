package fr.atlas.cases;

import java.util.Objects;
import java.util.UUID;

/**
 * Identifies a case (dossier) within its organisation.
 */
public record CaseId(UUID value) {

	public CaseId {
		Objects.requireNonNull(value, "value");
	}

	public static CaseId of(UUID value) {
		return new CaseId(value);
	}

	public static CaseId random() {
		return new CaseId(UUID.randomUUID());
	}

	@Override
	public String toString() {
		return this.value.toString();
	}

}
