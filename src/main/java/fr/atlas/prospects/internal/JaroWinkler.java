package fr.atlas.prospects.internal;

/**
 * Jaro-Winkler similarity (0 to 1), used on name keys inside a block of agencies that
 * share a postcode or a town, never across all pairs.
 */
final class JaroWinkler {

	private JaroWinkler() {
	}

	static double similarity(String a, String b) {
		if (a.equals(b)) {
			return 1.0;
		}
		if (a.isEmpty() || b.isEmpty()) {
			return 0.0;
		}
		int window = Math.max(0, Math.max(a.length(), b.length()) / 2 - 1);
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
		double m = matches;
		double jaro = (m / a.length() + m / b.length() + (m - transpositions / 2.0) / m) / 3.0;
		int prefix = 0;
		while (prefix < Math.min(4, Math.min(a.length(), b.length())) && a.charAt(prefix) == b.charAt(prefix)) {
			prefix++;
		}
		return jaro + prefix * 0.1 * (1.0 - jaro);
	}

}
