package fr.atlas.prospects.internal;

/**
 * An address's words with the street's usual abbreviations written out, so that "83bis Bd
 * du Mal Foch" and "83 bis boulevard du Maréchal Foch" are one door: street types ("av",
 * "bd", "r", "imp", "rte", "chem"…), the titles of the people streets are named after
 * ("mal", "gal", "pdt"…) and a house number's "bis", "ter" ("27t", "174 b").
 */
final class StreetWords {

	private StreetWords() {
	}

	/** The canonical form of lower-case words separated by single spaces. */
	static String of(String words) {
		String[] parts = words.split(" ");
		boolean changed = false;
		for (int i = 0; i < parts.length; i++) {
			boolean afterNumber = i > 0 && !parts[i - 1].isEmpty()
					&& Character.isDigit(parts[i - 1].charAt(parts[i - 1].length() - 1));
			String canonical = canonical(parts[i], afterNumber);
			if (!canonical.equals(parts[i])) {
				parts[i] = canonical;
				changed = true;
			}
		}
		return changed ? String.join(" ", parts) : words;
	}

	private static String canonical(String word, boolean afterNumber) {
		if (!word.isEmpty() && Character.isDigit(word.charAt(0))) {
			return number(word);
		}
		if (afterNumber) {
			switch (word) {
				case "b":
					return "bis";
				case "t":
					return "ter";
				case "q":
					return "quater";
				default:
			}
		}
		return switch (word) {
			case "av", "ave", "aven", "avn" -> "avenue";
			case "bd", "bld", "bvd", "blvd", "boul", "bl" -> "boulevard";
			case "r" -> "rue";
			case "pl" -> "place";
			case "imp" -> "impasse";
			case "rte" -> "route";
			case "ch", "che", "chem", "chm" -> "chemin";
			case "all" -> "allee";
			case "crs" -> "cours";
			case "fbg", "fg", "faub" -> "faubourg";
			case "qu", "qua" -> "quai";
			case "sq" -> "square";
			case "pas", "pass" -> "passage";
			case "prom" -> "promenade";
			case "mal", "mar", "marech" -> "marechal";
			case "gal", "gen", "gl" -> "general";
			case "pdt", "pres", "presid" -> "president";
			case "cdt", "cmdt" -> "commandant";
			case "st" -> "saint";
			case "ste" -> "sainte";
			case "dr" -> "docteur";
			case "prof" -> "professeur";
			default -> word;
		};
	}

	/** "83bis" is "83 bis", "27t" "27 ter", "174b" "174 bis". */
	private static String number(String word) {
		int digits = 0;
		while (digits < word.length() && Character.isDigit(word.charAt(digits))) {
			digits++;
		}
		if (digits == word.length()) {
			return word;
		}
		String suffix = switch (word.substring(digits)) {
			case "b", "bis" -> "bis";
			case "t", "ter" -> "ter";
			case "q", "quater" -> "quater";
			default -> null;
		};
		return (suffix != null) ? word.substring(0, digits) + " " + suffix : word;
	}

}
