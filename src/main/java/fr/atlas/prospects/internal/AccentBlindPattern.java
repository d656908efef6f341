package fr.atlas.prospects.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * A search's text as a regular expression (PostgreSQL's {@code ~*}, Java's alike) that
 * finds it in a value whatever the value's accents, ligatures and separators: "laforet"
 * finds "Laforêt", "coeur" "Cœur", "evian centre" "Évian-Centre". For the values the
 * search keeps no folded key of, such as a trade name: the name has its key, and an
 * enseigne is what a team knows an agency by, typed without its accents.
 * <p>
 * Each letter becomes the class of its accented forms in both cases
 * ({@link ContactMatch}'s table, so that the search folds a trade name as it folds a
 * contact's name), whatever the database's character type makes of {@code ~*} beyond
 * ASCII; words are joined by one or more separators. Nothing of the text but letters and
 * digits reaches the expression.
 */
final class AccentBlindPattern {

	private static final String SEPARATORS = "[^a-zA-Z0-9" + letters() + "]+";

	private AccentBlindPattern() {
	}

	/** The expression of a text, or none when it holds no letter or digit. */
	static @Nullable String of(String text) {
		List<String> words = new ArrayList<>();
		for (String word : ContactMatch.fold(text).split("[^a-z0-9]+")) {
			if (!word.isEmpty()) {
				words.add(word(word));
			}
		}
		return words.isEmpty() ? null : String.join(SEPARATORS, words);
	}

	private static String word(String folded) {
		StringBuilder pattern = new StringBuilder(folded.length() * 8);
		for (int i = 0; i < folded.length(); i++) {
			String ligature = ligatureAt(folded, i);
			if (ligature != null) {
				pattern.append("(?:").append(folded, i, i + 2).append('|').append(ligature).append(')');
				i++;
			}
			else {
				pattern.append(letter(folded.charAt(i)));
			}
		}
		return pattern.toString();
	}

	/** The ligature "oe", "ae" or "ss" at {@code i} stands for, both cases. */
	private static @Nullable String ligatureAt(String folded, int i) {
		for (String[] ligature : ContactMatch.LIGATURES) {
			if (folded.startsWith(ligature[1], i)) {
				String small = ligature[0];
				String capital = small.toUpperCase(Locale.ROOT);
				// ß's capital is "SS": already what the letters match
				return (capital.length() == 1) ? small + "|" + capital : small;
			}
		}
		return null;
	}

	private static String letter(char c) {
		if (c < 'a' || c > 'z') {
			return String.valueOf(c);
		}
		StringBuilder forms = new StringBuilder("[").append(c).append(Character.toUpperCase(c));
		for (int i = 0; i < ContactMatch.ACCENTED.length(); i++) {
			char plain = ContactMatch.PLAIN.charAt(i);
			if (Character.toLowerCase(plain) == c) {
				forms.append(ContactMatch.ACCENTED.charAt(i));
			}
		}
		return forms.append(']').toString();
	}

	/** The accented letters of the table, which are no separator. */
	private static String letters() {
		StringBuilder letters = new StringBuilder();
		for (char c : ContactMatch.ACCENTED.toCharArray()) {
			if (Character.isLetter(c)) {
				letters.append(c);
			}
		}
		return letters.toString();
	}

}
