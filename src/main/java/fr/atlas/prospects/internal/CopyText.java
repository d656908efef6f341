package fr.atlas.prospects.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

/**
 * Rows in PostgreSQL's {@code COPY} text format: columns separated by tabs, rows ended by
 * a newline, {@code \N} for null, backslash escapes for backslash, tab, newline and
 * carriage return. {@link CopyIn} sends it to the server; packed import rows
 * ({@link RecordedRows}) keep it as stored text and are {@linkplain #read read} back
 * here.
 */
final class CopyText {

	/**
	 * Characters after which the next row starts a new segment. A segment's array stays
	 * well under the 512 KB from which G1, with the 1 MB regions of heaps up to 4 GB,
	 * allocates an object as humongous, straight into the old generation: an import's
	 * few-megabyte batches of text made the collector work more than the import.
	 */
	static final int SEGMENT = 64 * 1024;

	private final List<StringBuilder> segments = new ArrayList<>();

	private StringBuilder text;

	private boolean firstColumn = true;

	private int rows;

	CopyText(int capacity) {
		this.text = new StringBuilder(Math.min(capacity, SEGMENT + 1024));
		this.segments.add(this.text);
	}

	CopyText value(@Nullable Object value) {
		return (value == null) ? nothing() : value(value.toString());
	}

	CopyText value(@Nullable String value) {
		if (value == null) {
			return nothing();
		}
		separate();
		escape(value);
		return this;
	}

	CopyText value(@Nullable UUID value) {
		return verbatim(value);
	}

	CopyText value(@Nullable Number value) {
		return verbatim(value);
	}

	CopyText value(int value) {
		separate();
		this.text.append(value);
		return this;
	}

	/** An identifier or a number, whose text never needs escaping. */
	private CopyText verbatim(@Nullable Object value) {
		if (value == null) {
			return nothing();
		}
		separate();
		this.text.append(value);
		return this;
	}

	private CopyText nothing() {
		separate();
		this.text.append("\\N");
		return this;
	}

	/** A {@code text[]} value: every element quoted, never null. */
	CopyText array(Collection<String> values) {
		separate();
		StringBuilder array = new StringBuilder().append('{');
		boolean first = true;
		for (String value : values) {
			if (!first) {
				array.append(',');
			}
			first = false;
			array.append('"');
			for (int i = 0; i < value.length(); i++) {
				char c = value.charAt(i);
				if (c == '"' || c == '\\') {
					array.append('\\');
				}
				array.append(c);
			}
			array.append('"');
		}
		escape(array.append('}').toString());
		return this;
	}

	CopyText endRow() {
		this.text.append('\n');
		this.firstColumn = true;
		this.rows++;
		if (this.text.length() >= SEGMENT) {
			this.text = new StringBuilder(SEGMENT + 1024);
			this.segments.add(this.text);
		}
		return this;
	}

	int rows() {
		return this.rows;
	}

	/** Characters written so far. */
	int length() {
		int length = 0;
		for (StringBuilder segment : this.segments) {
			length += segment.length();
		}
		return length;
	}

	/**
	 * The text in pieces of whole rows, each about {@link #SEGMENT} characters at most (a
	 * single longer row makes a longer piece).
	 */
	List<String> segments() {
		List<String> pieces = new ArrayList<>(this.segments.size());
		for (StringBuilder segment : this.segments) {
			if (!segment.isEmpty()) {
				pieces.add(segment.toString());
			}
		}
		return pieces;
	}

	/** Empties the text and gives back its memory. */
	void release() {
		this.segments.clear();
		this.text = new StringBuilder(0);
		this.segments.add(this.text);
	}

	@Override
	public String toString() {
		return String.join("", segments());
	}

	/**
	 * Reads rows written in this format, each as its columns (null for {@code \N}), in
	 * order. A row with fewer columns than {@code columns} is an error: the text was not
	 * written here.
	 */
	static void read(String text, int columns, Consumer<@Nullable String[]> row) {
		int at = 0;
		int length = text.length();
		StringBuilder value = new StringBuilder(256);
		while (at < length) {
			@Nullable String[] values = new String[columns];
			int column = 0;
			boolean ended = false;
			while (!ended) {
				value.setLength(0);
				boolean escaped = false;
				int start = at;
				while (at < length) {
					char c = text.charAt(at);
					if (c == '\t' || c == '\n') {
						break;
					}
					if (c == '\\' && at + 1 < length) {
						escaped = true;
						char next = text.charAt(at + 1);
						value.append(switch (next) {
							case 't' -> '\t';
							case 'n' -> '\n';
							case 'r' -> '\r';
							case 'N' -> '\u0000';
							default -> next;
						});
						at += 2;
					}
					else {
						value.append(c);
						at++;
					}
				}
				if (column == columns) {
					throw new IllegalArgumentException("More than " + columns + " columns in a row");
				}
				values[column++] = (escaped && at - start == 2 && text.charAt(start + 1) == 'N') ? null
						: value.toString();
				ended = (at >= length || text.charAt(at) == '\n');
				at++;
			}
			if (column != columns) {
				throw new IllegalArgumentException("A row has " + column + " columns instead of " + columns);
			}
			row.accept(values);
		}
	}

	/** Every row of {@link #read}, as a list. */
	static List<@Nullable String[]> rows(String text, int columns) {
		List<@Nullable String[]> rows = new ArrayList<>();
		read(text, columns, rows::add);
		return rows;
	}

	private void separate() {
		if (!this.firstColumn) {
			this.text.append('\t');
		}
		this.firstColumn = false;
	}

	private void escape(String value) {
		if (plain(value)) {
			this.text.append(value);
		}
		else {
			escapeEach(value);
		}
	}

	/** Kept out of {@link #escape}, which is inlined at every column of a row. */
	private void escapeEach(String value) {
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			switch (c) {
				case '\\' -> this.text.append("\\\\");
				case '\t' -> this.text.append("\\t");
				case '\n' -> this.text.append("\\n");
				case '\r' -> this.text.append("\\r");
				default -> this.text.append(c);
			}
		}
	}

	private static boolean plain(String value) {
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c == '\\' || c == '\t' || c == '\n' || c == '\r') {
				return false;
			}
		}
		return true;
	}

}
