package fr.atlas.prospects.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a text search compares with the organisation's contacts, so that it finds an
 * agency through its people: the contact's full name in either order, or the last name
 * alone, whatever their case, accents, hyphens and apostrophes ("sophie martin", "Martin
 * Sophie", "MARTIN", "helene lefevre" for Hélène Lefèvre, "jean pierre" for Jean-Pierre);
 * one of its e-mails (stored in small letters); one of its phones, in any format (stored
 * in E.164). Whole names only: "mart" finds no Martin, and a first name alone finds
 * nobody, or "Sophie" would list every agency that employs one.
 *
 * <p>
 * Contacts have no name key: the SQL folds each name with {@code translate}, a letter for
 * a letter, and the search's text is folded here by the same table, so both sides agree
 * by construction. Folding every contact of the organisation cost more than the rest of
 * the scan (115 ms for 78,000 contacts, against 50 ms for their 52,000 agencies,
 * docs/bench/prospects-search.md), so each contact passes four tests, the two cheap ones
 * first: the length of its last name (the fold keeps lengths; a text with a digit or an
 * {@code @} is no name and skips them all) and its first letter as written, then its
 * folded last name and its whole name.
 */
record ContactMatch(String[] names, String[] lastNames, Integer[] lastNameLengths, String[] firstLetters, String email,
		String phone) {

	/** Accented letters of French and its neighbours, hyphens and apostrophes... */
	static final String ACCENTED = "éèêëàâäîïôöùûüçÿáíóúñãõåÉÈÊËÀÂÄÎÏÔÖÙÛÜÇŸÁÍÓÚÑÃÕÅ-'’";

	/** ...each folded to its letter without accent, or a space. */
	static final String PLAIN = "eeeeaaaiioouuucyaiounaoaEEEEAAAIIOOUUUCYAIOUNAOA   ";

	/** What no person's name holds: a phone, an e-mail, a SIRET are searched for. */
	private static final Pattern NOT_A_NAME = Pattern.compile("[0-9@]");

	/** Words of a name tried in each split: beyond that a text is no person's name. */
	private static final int MOST_WORDS = 8;

	/**
	 * By name: the length of the last name, its first letter as written, the folded last
	 * name, then the whole name compared as the last name, a bar, the first name, folded.
	 */
	private static final String BY_NAME = "char_length(c.last_name) = any(?) and left(c.last_name, 1) = any(?)"
			+ " and lower(translate(c.last_name, ?, ?)) = any(?)"
			+ " and lower(translate(c.last_name || '|' || coalesce(c.first_name, ''), ?, ?)) like any(?)";

	static {
		if (ACCENTED.length() != PLAIN.length()) {
			throw new IllegalStateException("each accented letter needs its plain one");
		}
	}

	/** The matches of a search's text (cleaned, not blank). */
	static ContactMatch of(String text) {
		String folded = fold(text);
		// a hyphen or an apostrophe at either end folds to a space: no empty word
		List<String> words = Arrays.stream(folded.split(" +")).filter((word) -> !word.isEmpty()).toList();
		Set<String> names = new LinkedHashSet<>();
		Set<String> lastNames = new LinkedHashSet<>();
		if (!NOT_A_NAME.matcher(folded).find()) {
			// the last name alone, whatever the first
			names.add(ProspectSearch.likeLiteral(folded) + "|%");
			lastNames.add(folded);
			if (words.size() <= MOST_WORDS) {
				for (int i = 1; i < words.size(); i++) {
					String before = String.join(" ", words.subList(0, i));
					String after = String.join(" ", words.subList(i, words.size()));
					// "Sophie Martin" and "Martin Sophie"
					names.add(ProspectSearch.likeLiteral(after) + "|" + ProspectSearch.likeLiteral(before));
					names.add(ProspectSearch.likeLiteral(before) + "|" + ProspectSearch.likeLiteral(after));
					lastNames.add(after);
					lastNames.add(before);
				}
			}
		}
		return new ContactMatch(names.toArray(String[]::new), lastNames.toArray(String[]::new),
				lastNames.stream().map(String::length).distinct().toArray(Integer[]::new),
				lastNames.stream()
					.filter((name) -> !name.isEmpty())
					.flatMap((name) -> written(name.charAt(0)).stream())
					.distinct()
					.toArray(String[]::new),
				text.toLowerCase(Locale.ROOT),
				PhoneNumbers.normalise(text).get().map(PhoneNumbers.Phone::e164).orElse(""));
	}

	/**
	 * The contacts of alias {@code c} that match, with {@link #args()}: only the tests
	 * the text can pass, as each costs a read of every contact's value ("gare" is no
	 * e-mail and no phone, a phone no name).
	 */
	String condition() {
		List<String> tests = new ArrayList<>();
		if (this.names.length > 0) {
			tests.add(BY_NAME);
		}
		if (this.email.indexOf('@') >= 0) {
			tests.add("c.emails @> array[?::text]");
		}
		if (!this.phone.isEmpty()) {
			tests.add("c.phones @> array[?::text]");
		}
		return tests.isEmpty() ? "false" : "(" + String.join(" or ", tests) + ")";
	}

	/** The arguments of {@link #condition()}, in its order. */
	List<Object> args() {
		List<Object> args = new ArrayList<>();
		if (this.names.length > 0) {
			args.add(this.lastNameLengths);
			args.add(this.firstLetters);
			args.add(ACCENTED);
			args.add(PLAIN);
			args.add(this.lastNames);
			args.add(ACCENTED);
			args.add(PLAIN);
			args.add(this.names);
		}
		if (this.email.indexOf('@') >= 0) {
			args.add(this.email);
		}
		if (!this.phone.isEmpty()) {
			args.add(this.phone);
		}
		return args;
	}

	/**
	 * The letters a name may start with as written, for the first letter of its fold:
	 * both cases, with or without accents ("e": e, E, é, É, è...).
	 */
	private static List<String> written(char folded) {
		List<String> letters = new ArrayList<>();
		letters.add(String.valueOf(folded));
		letters.add(String.valueOf(folded).toUpperCase(Locale.ROOT));
		for (int i = 0; i < ACCENTED.length(); i++) {
			if (Character.toLowerCase(PLAIN.charAt(i)) == folded) {
				letters.add(String.valueOf(ACCENTED.charAt(i)));
			}
		}
		return letters;
	}

	/** What the SQL makes of a name: {@code lower(translate(name, ACCENTED, PLAIN))}. */
	static String fold(String name) {
		StringBuilder folded = new StringBuilder(name.length());
		for (int i = 0; i < name.length(); i++) {
			char c = name.charAt(i);
			int accented = ACCENTED.indexOf(c);
			folded.append((accented >= 0) ? PLAIN.charAt(accented) : c);
		}
		return folded.toString().toLowerCase(Locale.ROOT);
	}

}
