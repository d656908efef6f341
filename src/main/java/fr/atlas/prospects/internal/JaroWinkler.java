package fr.atlas.prospects.internal;

/**
 * Jaro-Winkler similarity (0 to 1), used on name keys inside a block of agencies that
 * share a postcode or a town, never across all pairs.
 */
final class JaroWinkler {

	private JaroWinkler() {
	}

	static double similarity(String a, String b) {
		if (a.length() <= Long.SIZE && b.length() <= Long.SIZE) {
			if (a.equals(b)) {
				return 1.0;
			}
			if (a.isEmpty() || b.isEmpty()) {
				return 0.0;
			}
			return shortStrings(a, b, window(a, b));
		}
		return textbook(a, b);
	}

	private static int window(String a, String b) {
		return Math.max(0, Math.max(a.length(), b.length()) / 2 - 1);
	}

	/**
	 * Jaro-Winkler as textbooks write it, with arrays of flags: for names longer than 64
	 * characters, and as the reference the faster path is tested against.
	 */
	static double textbook(String a, String b) {
		if (a.equals(b)) {
			return 1.0;
		}
		if (a.isEmpty() || b.isEmpty()) {
			return 0.0;
		}
		int window = window(a, b);
		boolean[] matchedA = new boolean[a.length()];
		boolean[] matchedB = new boolean[b.length()];
		int matches = 0;
		for (int i = 0; i < a.length(); i++) {
			int from = Math.max(0, i - window);
			int to = Math.min(b.length() - 1, i + window);
			for (int j = from; j <= to; j++) {
				if (!matchedB[j] && a.charAt(i) == b.charAt(j)) {
					matchedA[i] = true;
					matchedB[j] = true;
					matches++;
					break;
				}
			}
		}
		if (matches == 0) {
			return 0.0;
		}
		int transpositions = 0;
		int k = 0;
		for (int i = 0; i < a.length(); i++) {
			if (matchedA[i]) {
				while (!matchedB[k]) {
					k++;
				}
				if (a.charAt(i) != b.charAt(k)) {
					transpositions++;
				}
				k++;
			}
		}
		return winkler(a, b, matches, transpositions);
	}

	/**
	 * The same computation for names of at most 64 characters, nearly all of them, with
	 * the matched characters as bits of two longs: a block's scores allocate nothing.
	 */
	private static double shortStrings(String a, String b, int window) {
		long matchedA = 0;
		long matchedB = 0;
		int matches = 0;
		for (int i = 0; i < a.length(); i++) {
			int from = Math.max(0, i - window);
			int to = Math.min(b.length() - 1, i + window);
			char c = a.charAt(i);
			for (int j = from; j <= to; j++) {
				if ((matchedB & (1L << j)) == 0 && c == b.charAt(j)) {
					matchedA |= 1L << i;
					matchedB |= 1L << j;
					matches++;
					break;
				}
			}
		}
		if (matches == 0) {
			return 0.0;
		}
		int transpositions = 0;
		long restA = matchedA;
		long restB = matchedB;
		while (restA != 0) {
			int i = Long.numberOfTrailingZeros(restA);
			int j = Long.numberOfTrailingZeros(restB);
			if (a.charAt(i) != b.charAt(j)) {
				transpositions++;
			}
			restA &= restA - 1;
			restB &= restB - 1;
		}
		return winkler(a, b, matches, transpositions);
	}

	private static double winkler(String a, String b, int matches, int transpositions) {
		double m = matches;
		double jaro = (m / a.length() + m / b.length() + (m - transpositions / 2.0) / m) / 3.0;
		int prefix = 0;
		while (prefix < Math.min(4, Math.min(a.length(), b.length())) && a.charAt(prefix) == b.charAt(prefix)) {
			prefix++;
		}
		return jaro + prefix * 0.1 * (1.0 - jaro);
	}

}
