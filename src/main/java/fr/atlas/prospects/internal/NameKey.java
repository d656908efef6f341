package fr.atlas.prospects.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The comparable form of an agency name: no case, accents, punctuation, legal forms or
 * little words, and the usual abbreviations of real-estate names made equal
 * ("Immobilière" and "Immo"). "SARL L'Agence de la Gare" and "agence gare" share a key.
 */
final class NameKey {

	private static final java.util.regex.Pattern DOTTED_INITIALS = java.util.regex.Pattern
		.compile("\\b([a-z])\\.(?=[a-z]\\b|[a-z]\\.)");

	private static final java.util.regex.Pattern NOT_ALPHANUMERIC = java.util.regex.Pattern.compile("[^a-z0-9]+");

	private static final Set<String> LEGAL_FORMS = Set.of("sarl", "sas", "sasu", "eurl", "sci", "sa", "snc", "selarl",
			"selas", "scp", "sca", "scs", "sem", "eirl", "ei", "gie", "scm", "sccv", "ste", "societe", "cie", "ets",
			"etablissements");

	private static final Set<String> LITTLE_WORDS = Set.of("l", "la", "le", "les", "de", "du", "des", "d", "et", "en",
			"a", "au", "aux", "the", "and", "of");

	private NameKey() {
	}

	static String of(String name) {
		String text = CleanText.fold(name).replace("&", " et ");
		// "S.A.R.L." and "S.A.S" lose their dots before the legal forms are removed
		text = DOTTED_INITIALS.matcher(text).replaceAll("$1");
		text = NOT_ALPHANUMERIC.matcher(text).replaceAll(" ").strip();
		List<String> kept = new ArrayList<>();
		for (String word : text.split(" ")) {
			if (word.isEmpty() || LEGAL_FORMS.contains(word) || LITTLE_WORDS.contains(word)) {
				continue;
			}
			kept.add(canonical(word));
		}
		if (kept.isEmpty()) {
			// a name made only of little words or a legal form still needs a key
			return text;
		}
		return String.join(" ", kept);
	}

	private static String canonical(String word) {
		return switch (word) {
			case "immobilier", "immobiliere", "immobilieres", "immobiliers", "immob" -> "immo";
			case "agences" -> "agence";
			case "st" -> "saint";
			case "ste" -> "sainte";
			default -> word;
		};
	}

}
