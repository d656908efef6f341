package fr.atlas.prospects.internal;

import org.jspecify.annotations.Nullable;

/**
 * Whether an e-mail is a person's mailbox at a network's domain: its local part spells
 * the person a row names ("hugo.legrand@century21.fr" on Hugo Legrand's row). A CRM's
 * export gives a row per contact with the contact's own address in its one "Email"
 * column; at a network's domain that address tells which person, not which of the
 * network's agencies, so it is the contact's, not the agency's (ADR 0100). An address at
 * the agency's own domain stays the agency's: its domain says which agency it is.
 */
final class PersonalAddresses {

	private PersonalAddresses() {
	}

	/**
	 * Whether {@code email} (normalised, lower case) is a person's at a network's or a
	 * platform's domain, spelled by the first and last names: "hugo.legrand",
	 * "legrand.hugo", "hlegrand", "h.legrand", "hugo-legrand2".
	 */
	static boolean atNetwork(String email, @Nullable String first, @Nullable String last) {
		int at = email.indexOf('@');
		if (at <= 0 || !Deduplication.sharedDomain(email.substring(at + 1))) {
			return false;
		}
		return spells(email.substring(0, at), first, last);
	}

	static boolean spells(String localPart, @Nullable String first, @Nullable String last) {
		String given = letters(first);
		String family = letters(last);
		if (given.isEmpty() || family.length() < 2) {
			return false;
		}
		String local = letters(localPart);
		return local.equals(given + family) || local.equals(family + given) || local.equals(given.charAt(0) + family)
				|| local.equals(family + given.charAt(0));
	}

	/** The letters of a name or local part, folded: digits and separators left out. */
	private static String letters(@Nullable String text) {
		if (text == null) {
			return "";
		}
		String folded = CleanText.fold(text);
		StringBuilder letters = new StringBuilder(folded.length());
		for (int i = 0; i < folded.length(); i++) {
			char c = folded.charAt(i);
			if (c >= 'a' && c <= 'z') {
				letters.append(c);
			}
		}
		return letters.toString();
	}

}
