package fr.atlas.prospects.internal;

import java.util.Set;

/**
 * What files write in a cell that has no value: "N/A", "#N/A", "-", "?", "NC", "À
 * compléter", "Non renseigné", and the errors a spreadsheet's formula shows instead of a
 * value ("#VALUE!", "#REF!", "#DIV/0!"). Read as an empty cell, so that a row named "N/A"
 * with nothing else is rejected as identifying nothing and a phone "-" is no bad phone.
 */
final class Placeholders {

	private static final Set<String> WORDS = Set.of("n a", "na", "nc", "n c", "nr", "n r", "nd", "n d",
			"non communique", "non communiquee", "non renseigne", "non renseignee", "non disponible", "a completer",
			"a renseigner", "a definir", "inconnu", "inconnue", "null", "none", "nil", "nan", "vide", "neant", "xxx",
			"xx", "tbd", "unknown", "aucun", "aucune", "pas de site", "pas d email", "pas de mail", "pas de telephone");

	/**
	 * The error values a spreadsheet's formula shows instead of a value, as a workbook
	 * saves them (XLSX, XLS) and a CSV export writes them, in English and in French
	 * Excel; "#N/A", the same in both, is checked on its own.
	 */
	private static final Set<String> ERRORS = Set.of("#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!",
			"#SPILL!", "#CALC!", "#FIELD!", "#BLOCKED!", "#CONNECT!", "#BUSY!", "#UNKNOWN!", "#GETTING_DATA", "#NUL!",
			"#VALEUR!", "#NOM?", "#NOMBRE!", "#PROPAGATION!");

	/** Placeholders are short: longer cells are values, and are not read twice. */
	static final int LONGEST = 24;

	private Placeholders() {
	}

	/** Whether a cleaned value is a spreadsheet's error value ("#VALUE!", "#N/A"). */
	static boolean error(String value) {
		return !value.isEmpty() && value.charAt(0) == '#' && value.length() <= LONGEST
				&& (value.equals("#N/A") || ERRORS.contains(value.toUpperCase(java.util.Locale.ROOT)));
	}

	static boolean is(String value) {
		if (value.length() > LONGEST) {
			return false;
		}
		if (error(value)) {
			return true;
		}
		boolean punctuationOnly = true;
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c >= 128 || Character.isLetterOrDigit(c)) {
				punctuationOnly = false;
				break;
			}
		}
		return punctuationOnly || WORDS.contains(CleanText.words(value));
	}

}
