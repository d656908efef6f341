package fr.atlas.platform.geo;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The comparable form of a place name as people type it: no accents, case or punctuation,
 * "St"/"Ste" spelled out, "Cedex" and arrondissement numbers dropped.
 */
public final class PlaceName {

	private static final Pattern MARKS = Pattern.compile("\\p{M}+");

	private static final Pattern NOT_ALNUM = Pattern.compile("[^a-z0-9]+");

	private static final Pattern CEDEX = Pattern.compile("\\bcedex\\b.*$");

	private static final Pattern ARRONDISSEMENT = Pattern
		.compile("\\b(\\d{1,2})\\s*(e|er|eme|ème|arrondissement|arr)?\\s*(arrondissement)?$");

	private PlaceName() {
	}

	public static String key(String name) {
		String text = Normalizer.normalize(name, Normalizer.Form.NFD);
		text = MARKS.matcher(text).replaceAll("").toLowerCase(Locale.ROOT).replace('œ', 'o');
		text = text.replace("œ", "oe").replace("æ", "ae");
		text = NOT_ALNUM.matcher(text).replaceAll(" ").trim();
		text = CEDEX.matcher(text).replaceAll("").trim();
		text = ARRONDISSEMENT.matcher(text).replaceAll("").trim();
		text = (" " + text + " ").replace(" st ", " saint ").replace(" ste ", " sainte ").trim();
		return text.replace(" ", "");
	}

}
