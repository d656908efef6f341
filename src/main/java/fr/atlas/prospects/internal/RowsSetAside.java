package fr.atlas.prospects.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * The rows an import sets aside to decide at its end (ADR 0034), held in memory within a
 * budget: once it is spent, rows are decided as they come, as before.
 */
final class RowsSetAside {

	/**
	 * What the rows may hold, about: a million-row import of a messy file sets aside some
	 * tens of thousands of rows, and its 512 MB heap holds the pool of agencies too.
	 */
	static final long BUDGET = 48L << 20;

	private final List<NormalisedRow> rows = new ArrayList<>();

	private final long budget;

	private long bytes;

	RowsSetAside() {
		this(BUDGET);
	}

	RowsSetAside(long budget) {
		this.budget = budget;
	}

	void add(NormalisedRow row) {
		this.rows.add(row);
		// the verbatim line, the clean values and the messages, as UTF-16 strings
		this.bytes += 384 + 4L * row.original().length();
	}

	void addAll(List<NormalisedRow> rows) {
		rows.forEach(this::add);
	}

	/** Whether more rows may be set aside. */
	boolean hasRoom() {
		return this.bytes < this.budget;
	}

	long bytes() {
		return this.bytes;
	}

	boolean isEmpty() {
		return this.rows.isEmpty();
	}

	int size() {
		return this.rows.size();
	}

	/** The rows in the order they are decided, in slices of at most {@code size}. */
	List<List<NormalisedRow>> slices(int size) {
		List<NormalisedRow> ordered = ImportBatch.inLastOrder(this.rows);
		List<List<NormalisedRow>> slices = new ArrayList<>();
		for (int from = 0; from < ordered.size(); from += size) {
			slices.add(ordered.subList(from, Math.min(ordered.size(), from + size)));
		}
		return slices;
	}

}
