package fr.atlas.prospects.internal;

import org.jspecify.annotations.Nullable;

/**
 * Two street addresses as the matching reads them: "48 ALL GAMBETTA" and "48 allée
 * Gambetta" are one door, as a register abbreviates what a portal writes out. A page that
 * compares two agencies says they agree where the matching found them at one door.
 */
public final class StreetAddresses {

	private StreetAddresses() {
	}

	/** Whether the two addresses are the same street address, abbreviations aside. */
	public static boolean oneDoor(@Nullable String address, @Nullable String other) {
		String words = Candidate.words(address);
		return words != null && !words.isEmpty() && words.equals(Candidate.words(other));
	}

}
