package fr.atlas.prospects.internal;

/**
 * Row keys to the pool's position of the agency each row is in (ADR 0116): an exact map
 * of 64-bit keys, open addressing in two primitive arrays sized once, 24 bytes a key
 * where {@link KeyIndex} takes 14 but tells keys apart by 39 bits only. A row found here
 * is merged without being scored, so two rows must not share a key by accident: with 64
 * bits, about one chance in ten million for a million rows.
 */
final class RowHomes {

	private final long[] keys;

	/**
	 * Each key's agency; a key whose rows went to several agencies holds the first of
	 * them in the pool (the oldest) as {@code -2 - position}.
	 */
	private final int[] homes;

	private final int mask;

	/** A map for up to {@code size} keys, filled at most half. */
	RowHomes(int size) {
		int capacity = Integer.highestOneBit(Math.max(2, size) * 2 - 1) << 1;
		this.keys = new long[capacity];
		this.homes = new int[capacity];
		this.mask = capacity - 1;
	}

	/** Puts a key's agency; a key already put with another one has several. */
	void put(long key, int home) {
		int slot = slot(key);
		if (this.keys[slot] == 0) {
			this.keys[slot] = key;
			this.homes[slot] = home;
			return;
		}
		int held = this.homes[slot];
		int first = (held >= 0) ? held : -2 - held;
		if (held >= 0 && held == home) {
			return;
		}
		this.homes[slot] = -2 - Math.min(first, home);
	}

	/**
	 * The position of a key's agency, the first of them in the pool when it has several,
	 * or -1 if it has none.
	 */
	int get(long key) {
		int slot = slot(key);
		if (this.keys[slot] != key) {
			return -1;
		}
		int held = this.homes[slot];
		return (held >= 0) ? held : -2 - held;
	}

	/** Whether a key's rows went to several agencies. */
	boolean several(long key) {
		int slot = slot(key);
		return this.keys[slot] == key && this.homes[slot] < 0;
	}

	/** The slot of a key: its own, or the empty one it would take. Keys are never 0. */
	private int slot(long key) {
		int slot = (int) (key ^ (key >>> 32)) & this.mask;
		while (this.keys[slot] != 0 && this.keys[slot] != key) {
			slot = (slot + 1) & this.mask;
		}
		return slot;
	}

	long bytes() {
		return 12L * this.keys.length;
	}

}
