package fr.atlas.prospects.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class KeyIndexTests {

	@Test
	void keepsThePositionsOfEachKeyInOrderOnceEach() {
		KeyIndex index = new KeyIndex();
		index.add(42L, 3, 25);
		index.add(42L, 7, 25);
		index.add(42L, 3, 25);
		index.add(-42L, 9, 25);

		assertThat(positions(index, 42L)).containsExactlyInAnyOrder(3, 7);
		assertThat(positions(index, -42L)).containsExactly(9);
		assertThat(positions(index, 43L)).isEmpty();
	}

	@Test
	void aKeyWithMoreThanTheLimitIdentifiesNothing() {
		KeyIndex index = new KeyIndex();
		for (int position = 0; position < 30; position++) {
			index.add(5L, position, 3);
		}
		for (int position = 0; position < 3; position++) {
			index.add(6L, position, 3);
		}

		assertThat(positions(index, 5L, 3)).isEmpty();
		assertThat(positions(index, 6L, 3)).containsExactlyInAnyOrder(0, 1, 2);
	}

	@Test
	void appendedPositionsPastTheCapAreCountedNotKept() {
		KeyIndex index = new KeyIndex();
		for (int position = 0; position < 1_000; position++) {
			index.append(8L, position, 4);
			// the same position again right after: given once
			index.append(8L, position, 4);
		}
		for (int position = 0; position < 4; position++) {
			index.append(9L, position, 4);
			index.append(9L, position, 4);
		}
		for (int position = 0; position < 1_000; position++) {
			index.append(10L, position, Integer.MAX_VALUE);
		}

		assertThat(positions(index, 8L, 4)).isEmpty();
		assertThat(positions(index, 9L, 4)).containsExactlyInAnyOrder(0, 1, 2, 3);
		assertThat(positions(index, 9L, 3)).isEmpty();
		assertThat(positions(index, 10L, Integer.MAX_VALUE)).hasSize(1_000);
	}

	@Test
	void findsEveryKeyAfterItsSegmentsGrew() {
		KeyIndex index = new KeyIndex();
		SplittableRandom random = new SplittableRandom(7);
		long[] keys = new long[300_000];
		for (int i = 0; i < keys.length; i++) {
			long key;
			do {
				key = random.nextLong();
			}
			while (key == 0);
			keys[i] = key;
			index.add(key, i, 25);
		}

		for (int i = 0; i < keys.length; i++) {
			assertThat(positions(index, keys[i])).containsExactly(i);
		}
	}

	private static List<Integer> positions(KeyIndex index, long key) {
		return positions(index, key, 25);
	}

	private static List<Integer> positions(KeyIndex index, long key, int limit) {
		List<Integer> positions = new ArrayList<>();
		index.forEach(key, limit, positions::add);
		return positions;
	}

}
