package fr.atlas.prospects.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

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
			"selas", "scp", "sca", "scs", "sem", "eirl", "ei", "gie", "scm", "sccv", "societe", "cie", "ets",
			"etablissements");

	/**
	 * Legal forms written out, folded, as registers and notaries' deeds write them
	 * ("Société Civile Immobilière Martin Immobilier" is "SCI Martin Immobilier"): the
	 * longer forms first, so that "société par actions simplifiée unipersonnelle" is one
	 * form, not "société par actions simplifiée" and a word "unipersonnelle".
	 */
	private static final java.util.regex.Pattern LEGAL_FORMS_WRITTEN_OUT = java.util.regex.Pattern
		.compile("\\b(?:societe[^a-z0-9]+(?:"
				+ String.join("|", "par[^a-z0-9]+actions[^a-z0-9]+simplifiee(?:[^a-z0-9]+unipersonnelle)?",
						"a[^a-z0-9]+responsabilite[^a-z0-9]+limitee(?:[^a-z0-9]+unipersonnelle)?",
						"d[^a-z0-9]+exercice[^a-z0-9]+liberal[^a-z0-9]+a[^a-z0-9]+responsabilite[^a-z0-9]+limitee",
						"civile[^a-z0-9]+immobiliere(?:[^a-z0-9]+de[^a-z0-9]+construction[^a-z0-9]+vente)?",
						"civile[^a-z0-9]+de[^a-z0-9]+construction[^a-z0-9]+vente", "civile[^a-z0-9]+professionnelle",
						"civile[^a-z0-9]+de[^a-z0-9]+moyens", "civile", "en[^a-z0-9]+nom[^a-z0-9]+collectif", "anonyme",
						"en[^a-z0-9]+commandite[^a-z0-9]+simple")
				+ ")|entreprise[^a-z0-9]+unipersonnelle[^a-z0-9]+a[^a-z0-9]+responsabilite[^a-z0-9]+limitee"
				+ "|entreprise[^a-z0-9]+individuelle(?:[^a-z0-9]+a[^a-z0-9]+responsabilite[^a-z0-9]+limitee)?"
				+ "|groupement[^a-z0-9]+d[^a-z0-9]+interet[^a-z0-9]+economique)\\b");

	/**
	 * "Sté", a company ("Sté Immobilière Dupont") as the first word, a saint's name
	 * ("Agence Ste-Anne") after another.
	 */
	private static final String SOCIETE = "ste";

	private static final Set<String> LITTLE_WORDS = Set.of("l", "la", "le", "les", "de", "du", "des", "d", "et", "en",
			"a", "au", "aux", "the", "and", "of");

	private NameKey() {
	}

	/**
	 * Whether a name is a company's as registered: it carries a legal form ("SAS Cap
	 * Habitat Sud", "Payet-Meunier et Associés SNC", "S.A.R.L. Dupont").
	 */
	static boolean registered(@Nullable String name) {
		if (name == null) {
			return false;
		}
		String folded = CleanText.fold(name);
		if (writesOutAForm(folded) && LEGAL_FORMS_WRITTEN_OUT.matcher(folded).find()) {
			return true;
		}
		// read for every row: the pattern only where there are dots ("S.A.R.L.")
		String text = (folded.indexOf('.') >= 0) ? DOTTED_INITIALS.matcher(folded).replaceAll("$1") : folded;
		int from = -1;
		for (int i = 0; i <= text.length(); i++) {
			boolean letter = i < text.length() && lowerLetter(text.charAt(i));
			if (letter && from < 0) {
				from = i;
			}
			else if (!letter && from >= 0) {
				String word = text.substring(from, i);
				if (LEGAL_FORMS.contains(word) && !word.equals("societe") && !word.equals("cie")
						&& !word.startsWith("et")) {
					return true;
				}
				from = -1;
			}
		}
		return false;
	}

	static String of(String name) {
		String text = withoutFormsWrittenOut(CleanText.fold(name));
		if (text.indexOf('&') >= 0) {
			text = text.replace("&", " et ");
		}
		if (!plain(text)) {
			return byPatterns(text);
		}
		// one pass instead of the two patterns of byPatterns, which it matches exactly:
		// words of a-z and 0-9, dots of initials ("s.a.r.l") left out
		StringBuilder all = new StringBuilder(text.length());
		StringBuilder kept = new StringBuilder(text.length());
		StringBuilder word = new StringBuilder(16);
		for (int i = 0; i <= text.length(); i++) {
			char c = (i < text.length()) ? text.charAt(i) : ' ';
			if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
				word.append(c);
			}
			else if (c != '.' || !initialDot(text, i)) {
				if (!word.isEmpty()) {
					String found = word.toString();
					if (!all.isEmpty()) {
						all.append(' ');
					}
					all.append(found);
					if (!LEGAL_FORMS.contains(found) && !LITTLE_WORDS.contains(found)
							&& !(found.equals(SOCIETE) && all.length() == found.length())) {
						if (!kept.isEmpty()) {
							kept.append(' ');
						}
						kept.append(canonical(found));
					}
					word.setLength(0);
				}
			}
		}
		// a name made only of little words or a legal form still needs a key
		return kept.isEmpty() ? all.toString() : kept.toString();
	}

	/**
	 * A folded name without its legal form written out: "societe civile immobiliere
	 * martin" is " martin", as "sci martin" is "martin" once its form is left out.
	 */
	static String withoutFormsWrittenOut(String folded) {
		if (!writesOutAForm(folded)) {
			return folded;
		}
		// a name that is only a form still needs a key
		String without = LEGAL_FORMS_WRITTEN_OUT.matcher(folded).replaceAll(" ");
		return without.isBlank() ? folded : without;
	}

	/**
	 * Whether a folded name may write out a legal form: the pattern is read only then.
	 */
	private static boolean writesOutAForm(String folded) {
		return folded.contains("societe") || folded.contains("entreprise") || folded.contains("groupement");
	}

	/**
	 * Whether the text has nothing but characters before the combining marks, so
	 * {@link #DOTTED_INITIALS}' word boundaries are those of ASCII letters, digits and _.
	 */
	private static boolean plain(String text) {
		for (int i = 0; i < text.length(); i++) {
			if (text.charAt(i) >= 0x300) {
				return false;
			}
		}
		return true;
	}

	/** Whether the dot at i is one {@link #DOTTED_INITIALS} removes: "s.a.s". */
	private static boolean initialDot(String text, int i) {
		return i >= 1 && i + 1 < text.length() && lowerLetter(text.charAt(i - 1))
				&& (i == 1 || !wordCharacter(text.charAt(i - 2))) && lowerLetter(text.charAt(i + 1))
				&& (i + 2 == text.length() || !wordCharacter(text.charAt(i + 2)));
	}

	private static boolean lowerLetter(char c) {
		return c >= 'a' && c <= 'z';
	}

	private static boolean wordCharacter(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
	}

	/** The key of a folded name through regular expressions, for unusual characters. */
	static String byPatterns(String folded) {
		// "S.A.R.L." and "S.A.S" lose their dots before the legal forms are removed
		String text = DOTTED_INITIALS.matcher(folded).replaceAll("$1");
		text = NOT_ALPHANUMERIC.matcher(text).replaceAll(" ").strip();
		List<String> kept = new ArrayList<>();
		boolean first = true;
		for (String word : text.split(" ")) {
			boolean legal = LEGAL_FORMS.contains(word) || word.equals(SOCIETE) && first;
			first &= word.isEmpty();
			if (word.isEmpty() || legal || LITTLE_WORDS.contains(word)) {
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

	/**
	 * The key of a name that ends with its town after a dash, a slash, a comma or in
	 * brackets, without that town when the row is in it: "Cabinet Rousseau Immobilier –
	 * Montreuil" in Montreuil is "Cabinet Rousseau Immobilier", and "Dumont et Fils
	 * (Paris 9)" in Paris "Dumont et Fils". A town the name is made of stays ("Les Toits
	 * de Vannes"), and so does a name that would be left with only the words every agency
	 * uses ("Immobilier - Montreuil"), or only a network's brand ("Orpi - Montreuil",
	 * where the town is what tells the network's agency). A network's agency named beyond
	 * its brand loses the town as any agency does: "Orpi Dubois Immobilier - Lyon 2ème"
	 * and "Orpi Dubois Immobilier (Lyon)", as a portal writes them, are "Orpi Dubois
	 * Immobilier" of Lyon (ADR 0094).
	 */
	static String withoutTown(String name, @Nullable String city) {
		String key = of(name);
		String town = TownKey.of(city);
		int cut = townCut(name);
		if (town == null || cut <= 0 || !town.equals(TownKey.of(name.substring(cut)))) {
			return key;
		}
		String rest = of(name.substring(0, cut));
		int brand = FranchiseBrands.find(rest);
		if (brand < 0 && FranchiseBrands.find(key) >= 0) {
			// a town that reads as a brand ("Sainte-Adresse", L'Adresse's): the key as
			// the same name written without a separator has it
			return key;
		}
		if (DistinctiveWords.of(FranchiseBrands.withoutBrand(rest, brand)).isEmpty()) {
			return key;
		}
		return rest;
	}

	/** Where the part of a name after its last dash, slash, comma or bracket begins. */
	private static int townCut(String name) {
		int cut = -1;
		for (String separator : new String[] { " - ", " – ", " — ", "/", "|", "(", "," }) {
			cut = Math.max(cut, name.lastIndexOf(separator));
		}
		return cut;
	}

	private static String canonical(String word) {
		return switch (word) {
			case "immobilier", "immobiliere", "immobilieres", "immobiliers", "immob", "imm", "immos" -> "immo";
			case "agences", "agce", "agc", "ag" -> "agence";
			case "cab", "cabt", "cbt" -> "cabinet";
			case "transac", "transacs" -> "transaction";
			case "transactions" -> "transaction";
			case "ass", "asso", "assoc", "associe", "associee", "associees" -> "associes";
			case "gest" -> "gestion";
			case "st" -> "saint";
			case "ste" -> "sainte";
			// "Les Neuf Arches" and "Les 9 Arches"
			case "deux" -> "2";
			case "trois" -> "3";
			case "quatre" -> "4";
			case "cinq" -> "5";
			case "six" -> "6";
			case "sept" -> "7";
			case "huit" -> "8";
			case "neuf" -> "9";
			case "dix" -> "10";
			case "douze" -> "12";
			case "vingt" -> "20";
			case "cent" -> "100";
			case "mille" -> "1000";
			default -> (word.length() >= 5) ? misspeltCommonWord(word) : word;
		};
	}

	/**
	 * The words every agency name uses, and what they stand for in a key: a typo in one
	 * of them ("Immobillier", "Agnce", "Cbinet") is that word, so it neither hides the
	 * word's abbreviations ("Immo") nor passes for a distinctive word of the name.
	 */
	private static final String[][] COMMON_WORDS = { { "immobilier", "immo" }, { "immobiliere", "immo" },
			{ "immobiliers", "immo" }, { "immobilieres", "immo" }, { "agence", "agence" }, { "agences", "agence" },
			{ "cabinet", "cabinet" }, { "transaction", "transaction" }, { "transactions", "transaction" },
			{ "associes", "associes" }, { "gestion", "gestion" }, { "conseil", "conseil" } };

	private static String misspeltCommonWord(String word) {
		for (String[] common : COMMON_WORDS) {
			if (Math.abs(common[0].length() - word.length()) <= 1 && oneEditApart(word, common[0])) {
				return common[1];
			}
		}
		return word;
	}

	/**
	 * Whether two different words are one edit apart: a character replaced, added or
	 * taken out, or two neighbours swapped. Without a table: called for most words of
	 * every name.
	 */
	static boolean oneEditApart(String a, String b) {
		if (a.equals(b)) {
			return false;
		}
		int la = a.length();
		int lb = b.length();
		if (la == lb) {
			int first = 0;
			while (a.charAt(first) == b.charAt(first)) {
				first++;
			}
			if (a.regionMatches(first + 1, b, first + 1, la - first - 1)) {
				return true;
			}
			return first + 1 < la && a.charAt(first) == b.charAt(first + 1) && a.charAt(first + 1) == b.charAt(first)
					&& a.regionMatches(first + 2, b, first + 2, la - first - 2);
		}
		String longer = (la > lb) ? a : b;
		String shorter = (la > lb) ? b : a;
		if (longer.length() != shorter.length() + 1) {
			return false;
		}
		int first = 0;
		while (first < shorter.length() && longer.charAt(first) == shorter.charAt(first)) {
			first++;
		}
		return longer.regionMatches(first + 1, shorter, first, shorter.length() - first);
	}

}
