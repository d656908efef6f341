package fr.atlas.prospects.internal;

import java.util.Random;

/**
 * Random text made of pieces, for the tests that hold a hand-written fast path to the
 * regular expressions it replaces: the pieces are the characters and fragments where the
 * two could part (separators, accents, marks, unusual white space, case).
 */
final class MessyText {

	private final Random random;

	MessyText(long seed) {
		this.random = new Random(seed);
	}

	/** One to {@code most} pieces, each now and then in upper case. */
	String of(String[] pieces, int most) {
		StringBuilder text = new StringBuilder();
		int count = 1 + this.random.nextInt(most);
		for (int i = 0; i < count; i++) {
			String piece = pieces[this.random.nextInt(pieces.length)];
			text.append((this.random.nextInt(8) == 0) ? piece.toUpperCase(java.util.Locale.ROOT) : piece);
		}
		return text.toString();
	}

	int nextInt(int bound) {
		return this.random.nextInt(bound);
	}

}
