package fr.atlas.prospects.internal;

/**
 * How many data rows a file has, and how many of them could not be read at all (empty
 * rows inside the data, rows over 1 MB), with the file line of the first such row: what
 * an upload is checked against before it is stored.
 */
record RowCount(int rows, int problems, int firstProblemLine) {

	/** Counts rows one at a time, in file order. */
	static final class Tally {

		private int rows;

		private int problems;

		private int firstProblemLine;

		/** A row numbered as {@link SourceRow#number()}; the header is line 1. */
		void row(int number, boolean problem) {
			this.rows++;
			if (problem) {
				this.problems++;
				this.firstProblemLine = (this.firstProblemLine == 0) ? number + 1 : this.firstProblemLine;
			}
		}

		RowCount result() {
			return new RowCount(this.rows, this.problems, this.firstProblemLine);
		}

	}

}
