package fr.atlas.prospects.internal;

import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * A company's legal name and its agency's trade name written in one cell, as CRM exports
 * join them: "SARL VCA IMMO - Cabinet du Lac", "PHILIPPE FLEURY CONSEIL SAS / Grand Angle
 * Immobilier", "Orpi Gare (ORPI GARE TRANSACTIONS SARL)". Read apart only when one side
 * carries a legal form and the other names an agency, so that "Cabinet Rousseau –
 * Montreuil" stays a name and its town.
 */
record CombinedNames(String legal, String trade) {

	private static final Set<String> LEGAL_FORMS = Set.of("sarl", "sas", "sasu", "eurl", "sci", "sa", "snc", "selarl",
			"selas", "scp", "eirl", "sarlu");

	private static final String[] SEPARATORS = { " / ", " - ", " – ", " — ", " | " };

	static Optional<CombinedNames> of(@Nullable String name) {
		if (name == null) {
			return Optional.empty();
		}
		int open = name.indexOf('(');
		int close = name.lastIndexOf(')');
		if (open > 0 && close == name.length() - 1 && close > open) {
			Optional<CombinedNames> bracketed = of(name.substring(0, open), name.substring(open + 1, close));
			if (bracketed.isPresent()) {
				return bracketed;
			}
		}
		for (String separator : SEPARATORS) {
			int at = name.indexOf(separator);
			if (at > 0 && name.indexOf(separator, at + 1) < 0) {
				return of(name.substring(0, at), name.substring(at + separator.length()));
			}
		}
		return Optional.empty();
	}

	private static Optional<CombinedNames> of(String a, String b) {
		String left = a.strip();
		String right = b.strip();
		if (left.isEmpty() || right.isEmpty()) {
			return Optional.empty();
		}
		boolean leftLegal = legal(left);
		boolean rightLegal = legal(right);
		if (leftLegal && !rightLegal && agency(right)) {
			return Optional.of(new CombinedNames(left, right));
		}
		if (rightLegal && !leftLegal && agency(left)) {
			return Optional.of(new CombinedNames(right, left));
		}
		return Optional.empty();
	}

	private static boolean legal(String part) {
		for (String word : CleanText.words(part).split(" ")) {
			if (LEGAL_FORMS.contains(word)) {
				return true;
			}
		}
		return false;
	}

	/** Whether a part names an agency: a network, or a word agencies' names use. */
	private static boolean agency(String part) {
		String key = NameKey.of(part);
		if (FranchiseBrands.find(key) >= 0) {
			return true;
		}
		String words = " " + CleanText.words(part) + " ";
		for (String word : new String[] { " agence ", " immo ", " immobilier ", " immobiliere ", " cabinet ",
				" transaction ", " transactions ", " gestion ", " conseil ", " habitat ", " patrimoine ", " et ",
				" properties ", " immobiliers ", " immobilieres " }) {
			if (words.contains(word)) {
				return true;
			}
		}
		return false;
	}

}
