package fr.atlas.prospects.internal;

import java.util.Arrays;
import java.util.function.IntConsumer;

/**
 * A multimap from 64-bit key hashes to int positions in primitive arrays (open
 * addressing, chained entries), about 30 bytes an entry where a {@code HashMap} of
 * strings takes over 150: the import keeps every identity key of an organisation in
 * memory. Keys are never 0.
 *
 * <p>
 * The keys are spread over segments by their top bits, so that no array grows past the
 * 512 KB from which G1 (1 MB regions up to 4 GB of heap) allocates it as humongous,
 * straight into the old generation: one table for all keys reached that size at 100,000
 * rows, and each of its doublings started a marking cycle of the whole heap.
 */
final class KeyIndex {

	private static final int SEGMENT_BITS = 7;

	private final Segment[] segments = new Segment[1 << SEGMENT_BITS];

	KeyIndex() {
		for (int i = 0; i < this.segments.length; i++) {
			this.segments[i] = new Segment();
		}
	}

	/**
	 * Adds a position under a key, unless it is there already or the key has more than
	 * {@code limit} positions (such a key identifies nothing).
	 */
	void add(long key, int position, int limit) {
		segment(key).add(key, position, limit);
	}

	/**
	 * Adds a position under a key without looking for it among the key's positions (only
	 * the last one added): for keys that many positions share, where {@link #add} would
	 * read them all each time. A position added twice is given twice.
	 */
	void append(long key, int position) {
		segment(key).append(key, position);
	}

	/** Calls back with the positions of a key, unless it has more than {@code limit}. */
	void forEach(long key, int limit, IntConsumer action) {
		segment(key).forEach(key, limit, action);
	}

	private Segment segment(long key) {
		return this.segments[(int) (key >>> (Long.SIZE - SEGMENT_BITS))];
	}

	private static final class Segment {

		private long[] keys = new long[1 << 7];

		/** Per slot, the first entry of the key's chain (+1; 0 for an empty slot). */
		private int[] heads = new int[1 << 7];

		private int used;

		private int[] positions = new int[1 << 7];

		/** Per entry, the next entry of its chain (+1; 0 at the end). */
		private int[] next = new int[1 << 7];

		private int entries;

		void add(long key, int position, int limit) {
			int slot = slot(key);
			if (this.keys[slot] == 0) {
				this.keys[slot] = key;
				this.heads[slot] = append(position, 0);
				this.used++;
				// three quarters full at most: a million-row import holds over a million
				// keys, and half-empty tables of them took a tenth of a 512 MB heap
				if (this.used * 4L > this.keys.length * 3L) {
					grow();
				}
				return;
			}
			int count = 0;
			for (int entry = this.heads[slot]; entry != 0; entry = this.next[entry - 1]) {
				if (this.positions[entry - 1] == position || ++count > limit) {
					return;
				}
			}
			this.heads[slot] = append(position, this.heads[slot]);
		}

		void append(long key, int position) {
			int slot = slot(key);
			if (this.keys[slot] == 0) {
				add(key, position, 0);
			}
			else if (this.positions[this.heads[slot] - 1] != position) {
				this.heads[slot] = append(position, this.heads[slot]);
			}
		}

		void forEach(long key, int limit, IntConsumer action) {
			int slot = slot(key);
			if (this.keys[slot] == 0) {
				return;
			}
			if (limit < Integer.MAX_VALUE) {
				int count = 0;
				for (int entry = this.heads[slot]; entry != 0; entry = this.next[entry - 1]) {
					if (++count > limit) {
						return;
					}
				}
			}
			for (int entry = this.heads[slot]; entry != 0; entry = this.next[entry - 1]) {
				action.accept(this.positions[entry - 1]);
			}
		}

		private int append(int position, int following) {
			if (this.entries == this.positions.length) {
				int grown = this.entries + (this.entries >> 1);
				this.positions = Arrays.copyOf(this.positions, grown);
				this.next = Arrays.copyOf(this.next, grown);
			}
			this.positions[this.entries] = position;
			this.next[this.entries] = following;
			return ++this.entries;
		}

		/** The key's slot, or the empty slot where it goes (linear probing). */
		private int slot(long key) {
			int mask = this.keys.length - 1;
			int slot = (int) (key ^ (key >>> 32)) & mask;
			while (this.keys[slot] != 0 && this.keys[slot] != key) {
				slot = (slot + 1) & mask;
			}
			return slot;
		}

		private void grow() {
			long[] oldKeys = this.keys;
			int[] oldHeads = this.heads;
			this.keys = new long[oldKeys.length * 2];
			this.heads = new int[oldKeys.length * 2];
			for (int i = 0; i < oldKeys.length; i++) {
				if (oldKeys[i] != 0) {
					int slot = slot(oldKeys[i]);
					this.keys[slot] = oldKeys[i];
					this.heads[slot] = oldHeads[i];
				}
			}
		}

	}

}
