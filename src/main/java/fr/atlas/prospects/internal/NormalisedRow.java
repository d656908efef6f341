package fr.atlas.prospects.internal;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * An import row after normalisation: its values, its contact, and the {@code field:code}
 * messages of what was dropped. A row is rejected when nothing in it identifies an
 * agency.
 */
record NormalisedRow(int number, String original, @Nullable AgencyValues agency, @Nullable ContactValues contact,
		List<String> messages) {

	boolean rejected() {
		return this.agency == null;
	}

}
