package fr.atlas.prospects.internal;

import java.util.Arrays;
import java.util.function.IntConsumer;

/**
 * A multimap from 64-bit key hashes to int positions in primitive arrays (open
 * addressing; a key's only position in its slot, chained entries once it has more), about
 * 14 bytes a key of one position where a {@code HashMap} of strings takes over 150: the
 * import keeps every identity key of an organisation in memory. Keys are never 0.
 *
 * <p>
 * A slot holds 32 bits of its key and the position together in one {@code long} (ADR
 * 0028): with the segment's 7 bits, keys are told apart by 39 bits. Two keys that share
 * them, about one pair among 700,000 keys, share their positions: a lookup may then give
 * an agency that has not the key, which the match then scores and finds no evidence in,
 * as for any other agency of its block.
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
	 * read them all each time. A position added twice is given twice. Past {@code cap}
	 * positions the key only counts them: {@link #forEach} with a limit of {@code cap} or
	 * less gives none of them, and no memory is taken for positions never given.
	 */
	void append(long key, int position, int cap) {
		segment(key).append(key, position, cap);
	}

	/**
	 * Calls back with the positions of a key, unless it has more than {@code limit}: told
	 * at once from the key's count, without reading them.
	 */
	void forEach(long key, int limit, IntConsumer action) {
		segment(key).forEach(key, limit, action);
	}

	/**
	 * How many positions a key was given: those stored, and past a limit those only
	 * counted ({@link #add} stops counting one past its limit).
	 */
	int count(long key) {
		return segment(key).count(key);
	}

	/** The bytes its arrays take, about. */
	long bytes() {
		long bytes = 0;
		for (Segment segment : this.segments) {
			bytes += segment.bytes();
		}
		return bytes;
	}

	private Segment segment(long key) {
		return this.segments[(int) (key >>> (Long.SIZE - SEGMENT_BITS))];
	}

	private static final class Segment {

		/**
		 * Per slot, 0 when empty, or the key's {@link #fingerprint} in the high half and,
		 * in the low half, the key's only position (0 or more) or the complement of its
		 * chain ({@code ~chain}) once it has several: most identity keys, and most keys
		 * of names, belong to one agency, and a chain would take twice the memory.
		 */
		private long[] slots = new long[1 << 7];

		private int used;

		/** Per chain, its first entry (+1; 0 once nothing is stored). */
		private int[] chainHeads = new int[1 << 4];

		/** Per chain, how many positions its key was given, stored or not. */
		private int[] chainCounts = new int[1 << 4];

		private int chains;

		private int[] positions = new int[1 << 4];

		/** Per entry, the next entry of its chain (+1; 0 at the end). */
		private int[] next = new int[1 << 4];

		private int entries;

		void add(long key, int position, int limit) {
			int chain = chainFor(key, position, limit);
			if (chain < 0 || this.chainCounts[chain] > limit) {
				return;
			}
			for (int entry = this.chainHeads[chain]; entry != 0; entry = this.next[entry - 1]) {
				if (this.positions[entry - 1] == position) {
					return;
				}
			}
			this.chainHeads[chain] = append(position, this.chainHeads[chain]);
			this.chainCounts[chain]++;
		}

		void append(long key, int position, int cap) {
			int chain = chainFor(key, position, cap);
			if (chain < 0) {
				return;
			}
			int count = this.chainCounts[chain];
			if (count > cap) {
				return;
			}
			int head = this.chainHeads[chain];
			if (this.positions[head - 1] != position) {
				// one more than the cap is counted, never stored: the key is common
				this.chainCounts[chain] = count + 1;
				if (count < cap) {
					this.chainHeads[chain] = append(position, head);
				}
			}
		}

		void forEach(long key, int limit, IntConsumer action) {
			int slot = slot(fingerprint(key));
			if (this.slots[slot] == 0) {
				return;
			}
			int ref = (int) this.slots[slot];
			if (ref >= 0) {
				if (limit >= 1) {
					action.accept(ref);
				}
				return;
			}
			int chain = ~ref;
			if (this.chainCounts[chain] > limit) {
				return;
			}
			for (int entry = this.chainHeads[chain]; entry != 0; entry = this.next[entry - 1]) {
				action.accept(this.positions[entry - 1]);
			}
		}

		int count(long key) {
			int slot = slot(fingerprint(key));
			if (this.slots[slot] == 0) {
				return 0;
			}
			int ref = (int) this.slots[slot];
			return (ref >= 0) ? 1 : this.chainCounts[~ref];
		}

		long bytes() {
			return 8L * this.slots.length
					+ 4L * (this.chainHeads.length + this.chainCounts.length + this.positions.length + this.next.length)
					+ 5 * 16;
		}

		/**
		 * The chain a second position of the key goes to; -1 when there is none to add
		 * to: the key was new and took the position in its slot, or see {@link #chainOf}.
		 */
		private int chainFor(long key, int position, int limit) {
			int fingerprint = fingerprint(key);
			int slot = slot(fingerprint);
			if (this.slots[slot] == 0) {
				occupy(slot, fingerprint, position);
				return -1;
			}
			return chainOf(slot, position, limit);
		}

		private void occupy(int slot, int fingerprint, int position) {
			this.slots[slot] = slot(fingerprint, position);
			this.used++;
			// three quarters full at most: a million-row import holds over a million
			// keys, and half-empty tables of them took a tenth of a 512 MB heap
			if (this.used * 4L > this.slots.length * 3L) {
				grow();
			}
		}

		private static long slot(int fingerprint, int ref) {
			return ((long) fingerprint << 32) | (ref & 0xFFFF_FFFFL);
		}

		/**
		 * 32 bits that every bit of the key changes (the high half of a multiplication by
		 * an odd constant), never 0; they place the key in the table too.
		 */
		private static int fingerprint(long key) {
			int bits = (int) ((key * 0x9E3779B97F4A7C15L) >>> Integer.SIZE);
			return (bits != 0) ? bits : 1;
		}

		/**
		 * The chain of an occupied slot, made from its only position when a second one
		 * comes; -1 when that second one is the same position, or the key may keep only
		 * one ({@code limit} below 1).
		 */
		private int chainOf(int slot, int position, int limit) {
			long occupied = this.slots[slot];
			int ref = (int) occupied;
			if (ref < 0) {
				return ~ref;
			}
			if (ref == position || limit < 1) {
				return -1;
			}
			if (this.chains == this.chainHeads.length) {
				int grown = this.chains + (this.chains >> 1);
				this.chainHeads = Arrays.copyOf(this.chainHeads, grown);
				this.chainCounts = Arrays.copyOf(this.chainCounts, grown);
			}
			int chain = this.chains++;
			this.chainHeads[chain] = append(ref, 0);
			this.chainCounts[chain] = 1;
			this.slots[slot] = slot((int) (occupied >>> 32), ~chain);
			return chain;
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
		private int slot(int fingerprint) {
			long[] slots = this.slots;
			int mask = slots.length - 1;
			int slot = fingerprint & mask;
			while (slots[slot] != 0 && (int) (slots[slot] >>> 32) != fingerprint) {
				slot = (slot + 1) & mask;
			}
			return slot;
		}

		private void grow() {
			long[] old = this.slots;
			this.slots = new long[old.length * 2];
			for (long occupied : old) {
				if (occupied != 0) {
					this.slots[slot((int) (occupied >>> 32))] = occupied;
				}
			}
		}

	}

}
