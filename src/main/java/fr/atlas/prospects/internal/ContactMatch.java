package fr.atlas.prospects.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * What a text search compares with the organisation's contacts, so that it finds an
 * agency through its people: each word of the text begins a word of the contact's name,
 * first or last, in any order ("Sophie", "Mart", "soph mart", "Martin Sophie", "helene
 * lefevre" for Hélène Lefèvre, "jean pierre" for Jean-Pierre, "Boeuf" for Bœuf), as a
 * CRM's search box does; one of its e-mails (stored in small letters); one of its phones,
 * in any format (stored in E.164). A text needs a word of at least
 * {@value #SHORTEST_PREFIX} letters to be a name: "M" alone, or "a b", finds nobody
 * (every contact would match), but "Sophie M" finds Sophie Martin.
 *
 * <p>
 * Each contact has its name folded once, when it is written: {@link #nameWords} is stored
 * in {@code contact.name_words} (V4_35) by every writer (the import's {@code COPY}, the
 * API), as an agency's name key is, so a word of the name is a space and its letters, and
 * a prefix is {@code like '% mart%'}. The search's text is folded by the same
 * {@link #fold}: both agree by construction. The migration's SQL function
 * {@code atlas_contact_name_words}, the same fold for the rows already there and for
 * tests that write contacts straight in the table, is checked letter by letter against
 * this class ({@code ContactNameWordsIntegrationTests}). The search then reads that short
 * text of each contact: nothing is folded per search (folding every contact at each
 * search cost more than the agencies' scan, ADR 0064), and nothing in SQL per write
 * ({@code translate} with this table costs about 10 µs a name; ADR 0066).
 */
record ContactMatch(String[] prefixes, String email, String phone) {

	/**
	 * Accented letters of French and its neighbours (and of the names of Central Europe,
	 * Scandinavia and Turkey that French files carry), the capitals of the ligatures, and
	 * what separates the words of a name...
	 */
	static final String ACCENTED = "éèêëàâäîïôöùûüçÿáíóúñãõåìòøłšžčćřńśźżąęőűýđğşıěůďťňľĺŕ"
			+ "ÉÈÊËÀÂÄÎÏÔÖÙÛÜÇŸÁÍÓÚÑÃÕÅÌÒØŁŠŽČĆŘŃŚŹŻĄĘŐŰÝĐĞŞİĚŮĎŤŇĽĹŔŒÆẞ" + "-'’‘.,()/&\";:‐–—";

	/**
	 * ...each folded to its letter without accent (a ligature's capital to its small
	 * letter, spelled out after), or a space.
	 */
	static final String PLAIN = "eeeeaaaiioouuucyaiounaoaioolszccrnszzaeouydgsieudtnllr"
			+ "EEEEAAAIIOOUUUCYAIOUNAOAIOOLSZCCRNSZZAEOUYDGSIEUDTNLLRœæß" + " ".repeat(16);

	/**
	 * The ligatures, spelled out after the table: "Bœuf" is "boeuf", as in
	 * {@link CleanText#fold} and so in agency names' keys.
	 */
	static final String[][] LIGATURES = { { "œ", "oe" }, { "æ", "ae" }, { "ß", "ss" } };

	/** The shortest word of a text that begins a name. */
	static final int SHORTEST_PREFIX = 2;

	/** What no person's name holds: a phone, an e-mail, a SIRET are searched for. */
	private static final Pattern NOT_A_NAME = Pattern.compile("[0-9@]");

	/** Words of a text that may be a name: beyond that it is no person's name. */
	private static final int MOST_WORDS = 8;

	static {
		if (ACCENTED.length() != PLAIN.length()) {
			throw new IllegalStateException("each accented letter needs its plain one");
		}
	}

	/** The matches of a search's text (cleaned, not blank). */
	static ContactMatch of(String text) {
		String folded = fold(text);
		// a hyphen or an apostrophe at either end folds to a space: no empty word
		List<String> words = Arrays.stream(folded.split(" +")).filter((word) -> !word.isEmpty()).distinct().toList();
		String[] prefixes = new String[0];
		if (!NOT_A_NAME.matcher(folded).find() && words.size() <= MOST_WORDS
				&& words.stream().anyMatch((word) -> word.length() >= SHORTEST_PREFIX)) {
			prefixes = words.stream()
				.map((word) -> "% " + SearchConditions.likeLiteral(word) + "%")
				.toArray(String[]::new);
		}
		return new ContactMatch(prefixes, text.toLowerCase(Locale.ROOT),
				PhoneNumbers.normalise(text).get().map(PhoneNumbers.Phone::e164).orElse(""));
	}

	/** Whether the text is read as (part of) a person's name. */
	boolean byName() {
		return this.prefixes.length > 0;
	}

	/**
	 * The contacts of alias {@code c} that match, with {@link #args()}: only the tests
	 * the text can pass ("gare" is no e-mail and no phone, a phone no name).
	 */
	String condition() {
		List<String> tests = new ArrayList<>();
		if (byName()) {
			tests.add("c.name_words like all(?)");
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
		if (byName()) {
			args.add(this.prefixes);
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
	 * What {@code contact.name_words} holds for a contact: a space, then its first and
	 * last names {@link #fold folded}, so that each word of the name follows a space.
	 */
	static String nameWords(@Nullable String firstName, @Nullable String lastName) {
		return " " + fold(Objects.requireNonNullElse(firstName, "") + " " + Objects.requireNonNullElse(lastName, ""));
	}

	/**
	 * A name or a search's text folded: {@code lower(translate(name, ACCENTED, PLAIN))},
	 * ligatures spelled out, as {@code atlas_contact_name_words} does in SQL.
	 */
	static String fold(String name) {
		StringBuilder folded = new StringBuilder(name.length());
		for (int i = 0; i < name.length(); i++) {
			char c = name.charAt(i);
			// most letters of a name: in no table, nothing to look up
			int accented = ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == ' ') ? -1 : ACCENTED.indexOf(c);
			folded.append((accented >= 0) ? PLAIN.charAt(accented) : c);
		}
		String lower = folded.toString().toLowerCase(Locale.ROOT);
		for (String[] ligature : LIGATURES) {
			if (lower.contains(ligature[0])) {
				lower = lower.replace(ligature[0], ligature[1]);
			}
		}
		return lower;
	}

}
