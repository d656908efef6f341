package fr.atlas.cases.internal;

import java.time.Instant;

/**
 * A party of a case, referenced by type and its id in the module that owns it (an agency
 * is a {@code ProspectId}); the label is what the case page shows.
 */
public record CaseParty(Type type, String id, String label, Instant addedAt) {

	public enum Type {

		AGENCY, CONTACT, LISTING

	}

}
