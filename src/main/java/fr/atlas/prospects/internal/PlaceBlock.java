package fr.atlas.prospects.internal;

import java.util.Arrays;
import java.util.Comparator;

/**
 * The agencies of one place an import compares a row with: a postcode, a town, or the
 * agencies of a town that have no postcode. Members are kept in the order the pool
 * received them ({@link Candidate#position}), so ties are broken the same way whichever
 * way the block is searched.
 *
 * <p>
 * Once a block is large it is searched through an index instead of read whole: its
 * members' {@link DistinctiveWords} keys, in the pool's shared {@link KeyIndex} under
 * this block's own {@link #key}, and the pool's identity keys, checked with
 * {@link #holds}.
 */
final class PlaceBlock {

	/** The pool's order, which blocks keep and their index's answers are sorted in. */
	static final Comparator<Candidate> BY_POSITION = Comparator.comparingInt((candidate) -> candidate.position);

	enum Kind {

		POSTCODE, TOWN, TOWN_WITHOUT_POSTCODE

	}

	private final Kind kind;

	private final String place;

	private final long id;

	/**
	 * Its members by position, the first {@link #size} of them: most blocks hold a few
	 * agencies, for which a list took 80 bytes.
	 */
	private Candidate[] members = new Candidate[2];

	private int size;

	private boolean indexed;

	PlaceBlock(Kind kind, String place) {
		this.kind = kind;
		this.place = place;
		this.id = Candidate.hash(kind.name() + ':' + place);
	}

	/** Adds a member in its place by position: usually at the end, as agencies come. */
	void add(Candidate agency) {
		int size = this.size;
		if (size == 0 || this.members[size - 1].position < agency.position) {
			insert(size, agency);
		}
		else {
			int at = Arrays.binarySearch(this.members, 0, size, agency, BY_POSITION);
			if (at < 0) {
				insert(-at - 1, agency);
			}
		}
	}

	private void insert(int at, Candidate agency) {
		if (this.size == this.members.length) {
			this.members = Arrays.copyOf(this.members, this.size + Math.max(2, this.size >> 1));
		}
		System.arraycopy(this.members, at, this.members, at + 1, this.size - at);
		this.members[at] = agency;
		this.size++;
	}

	void remove(Candidate agency) {
		int at = Arrays.binarySearch(this.members, 0, this.size, agency, BY_POSITION);
		if (at >= 0) {
			System.arraycopy(this.members, at + 1, this.members, at, this.size - at - 1);
			this.members[--this.size] = null;
		}
	}

	/** Its member at an index, from 0 to {@link #size}, in position order. */
	Candidate member(int index) {
		return this.members[index];
	}

	int size() {
		return this.size;
	}

	boolean indexed() {
		return this.indexed;
	}

	void markIndexed() {
		this.indexed = true;
	}

	/** A key of the block's index: the block and a word or identity key together. */
	long key(long key) {
		long h = (key ^ this.id) * 0x9E3779B97F4A7C15L;
		h ^= h >>> 31;
		return (h != 0) ? h : 1;
	}

	/**
	 * Whether the agency is a member now: an index entry stays when an agency of a town
	 * without postcode gains one, and is checked here instead.
	 */
	boolean holds(Candidate agency) {
		return switch (this.kind) {
			case POSTCODE -> this.place.equals(agency.postcode);
			case TOWN -> agency.indexedByCity && this.place.equals(agency.cityKey);
			case TOWN_WITHOUT_POSTCODE -> !agency.placedByPostcode() && this.place.equals(agency.cityKey);
		};
	}

}
