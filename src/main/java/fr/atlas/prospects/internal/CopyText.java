package fr.atlas.prospects.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
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
	 * Bytes after which the next row starts a new segment. A segment's array stays well
	 * under the 512 KB from which G1, with the 1 MB regions of heaps up to 4 GB,
	 * allocates an object as humongous, straight into the old generation: an import's
	 * few-megabyte batches of text made the collector work more than the import.
	 */
	static final int SEGMENT = 64 * 1024;

	private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

	private final boolean segmented;

	private final List<Segment> full = new ArrayList<>();

	/**
	 * The segment being written, in UTF-8: written straight as bytes, the text is neither
	 * built as strings nor encoded again, which an import did for every value it stored.
	 */
	private byte[] bytes;

	private int position;

	private boolean firstColumn = true;

	private int rows;

	/** Text cut into segments of about {@link #SEGMENT} bytes, for {@link CopyIn}. */
	CopyText(int capacity) {
		this(capacity, true);
	}

	/**
	 * Text in one piece when {@code segmented} is false: the caller keeps it small, and
	 * {@link #clear clears} it to write the next piece in the same memory.
	 */
	CopyText(int capacity, boolean segmented) {
		this.segmented = segmented;
		this.bytes = new byte[segmented ? Math.min(capacity, SEGMENT + 1024) : capacity];
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
		if (value == null) {
			return nothing();
		}
		separate();
		ensure(36);
		hex(value.getMostSignificantBits() >>> 32, 8);
		this.bytes[this.position++] = '-';
		hex(value.getMostSignificantBits() >>> 16, 4);
		this.bytes[this.position++] = '-';
		hex(value.getMostSignificantBits(), 4);
		this.bytes[this.position++] = '-';
		hex(value.getLeastSignificantBits() >>> 48, 4);
		this.bytes[this.position++] = '-';
		hex(value.getLeastSignificantBits(), 12);
		return this;
	}

	CopyText value(@Nullable Number value) {
		if (value == null) {
			return nothing();
		}
		if (value instanceof Integer || value instanceof Long || value instanceof Short) {
			separate();
			decimal(value.longValue());
			return this;
		}
		return value(value.toString());
	}

	CopyText value(int value) {
		separate();
		decimal(value);
		return this;
	}

	private CopyText nothing() {
		separate();
		ensure(2);
		this.bytes[this.position++] = '\\';
		this.bytes[this.position++] = 'N';
		return this;
	}

	/**
	 * A {@code text[]} value: every element quoted, never null. Quotes and backslashes of
	 * an element are escaped for the array, then every backslash again for {@code COPY}.
	 */
	CopyText array(Collection<String> values) {
		separate();
		ensure(1);
		this.bytes[this.position++] = '{';
		boolean first = true;
		for (String value : values) {
			ensure(3 + 4 * value.length());
			byte[] out = this.bytes;
			int at = this.position;
			if (!first) {
				out[at++] = ',';
			}
			first = false;
			out[at++] = '"';
			for (int i = 0; i < value.length(); i++) {
				char c = value.charAt(i);
				if (c == '"') {
					out[at++] = '\\';
					out[at++] = '\\';
					out[at++] = '"';
				}
				else if (c == '\\') {
					out[at++] = '\\';
					out[at++] = '\\';
					out[at++] = '\\';
					out[at++] = '\\';
				}
				else if (c >= 0x20 && c < 0x80) {
					out[at++] = (byte) c;
				}
				else if (c == '\t' || c == '\n' || c == '\r') {
					at = escaped(c, out, at);
				}
				else {
					at = encode(value, i, c, out, at);
					if (Character.isHighSurrogate(c) && i + 1 < value.length()
							&& Character.isLowSurrogate(value.charAt(i + 1))) {
						i++;
					}
				}
			}
			out[at++] = '"';
			this.position = at;
		}
		ensure(1);
		this.bytes[this.position++] = '}';
		return this;
	}

	CopyText endRow() {
		ensure(1);
		this.bytes[this.position++] = '\n';
		this.firstColumn = true;
		this.rows++;
		if (this.segmented && this.position >= SEGMENT) {
			this.full.add(new Segment(this.bytes, this.position));
			this.bytes = new byte[SEGMENT + 1024];
			this.position = 0;
		}
		return this;
	}

	int rows() {
		return this.rows;
	}

	/** Bytes written so far. */
	int length() {
		int length = this.position;
		for (Segment segment : this.full) {
			length += segment.length();
		}
		return length;
	}

	/**
	 * The text in pieces of whole rows, each about {@link #SEGMENT} bytes at most (a
	 * single longer row makes a longer piece). The pieces share this text's memory.
	 */
	List<Segment> segments() {
		List<Segment> pieces = new ArrayList<>(this.full);
		if (this.position > 0) {
			pieces.add(new Segment(this.bytes, this.position));
		}
		return pieces;
	}

	/** The whole text as one piece, which shares this text's memory when it can. */
	Segment whole() {
		if (this.full.isEmpty()) {
			return new Segment(this.bytes, this.position);
		}
		byte[] joined = new byte[length()];
		int at = 0;
		for (Segment segment : segments()) {
			System.arraycopy(segment.bytes(), 0, joined, at, segment.length());
			at += segment.length();
		}
		return new Segment(joined, joined.length);
	}

	/** Empties the text, keeping the memory of its current segment for what follows. */
	void clear() {
		this.full.clear();
		this.position = 0;
		this.rows = 0;
		this.firstColumn = true;
	}

	@Override
	public String toString() {
		StringBuilder text = new StringBuilder(length());
		for (Segment segment : segments()) {
			text.append(new String(segment.bytes(), 0, segment.length(), StandardCharsets.UTF_8));
		}
		return text.toString();
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
			ensure(1);
			this.bytes[this.position++] = '\t';
		}
		this.firstColumn = false;
	}

	/** Room for {@code more} bytes in the current segment. */
	private void ensure(int more) {
		if (this.position + more > this.bytes.length) {
			this.bytes = Arrays.copyOf(this.bytes, Math.max(this.bytes.length * 2, this.position + more));
		}
	}

	/**
	 * A value with {@code COPY}'s escapes, in UTF-8: one pass over its characters, most
	 * of which are ASCII or Latin letters, written here; the rest out of line.
	 */
	private void escape(String value) {
		int length = value.length();
		ensure(3 * length);
		byte[] out = this.bytes;
		int at = this.position;
		for (int i = 0; i < length; i++) {
			char c = value.charAt(i);
			if (c < 0x80) {
				if ((c >= 0x20) ? c != '\\' : (c != '\t' && c != '\n' && c != '\r')) {
					out[at++] = (byte) c;
				}
				else {
					at = escaped(c, out, at);
				}
			}
			else if (c < 0x800) {
				out[at++] = (byte) (0xC0 | (c >> 6));
				out[at++] = (byte) (0x80 | (c & 0x3F));
			}
			else {
				at = encode(value, i, c, out, at);
				if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(value.charAt(i + 1))) {
					i++;
				}
			}
		}
		this.position = at;
	}

	/** A backslash, tab, newline or carriage return, escaped. */
	private static int escaped(char c, byte[] out, int at) {
		out[at] = '\\';
		out[at + 1] = switch (c) {
			case '\t' -> 't';
			case '\n' -> 'n';
			case '\r' -> 'r';
			default -> '\\';
		};
		return at + 2;
	}

	/**
	 * One character in UTF-8, or the pair of surrogates starting at {@code index}; a lone
	 * surrogate becomes {@code ?}, as {@link String#getBytes} makes it.
	 */
	private static int encode(String value, int index, char c, byte[] out, int at) {
		if (c < 0x80) {
			out[at] = (byte) c;
			return at + 1;
		}
		if (c < 0x800) {
			out[at] = (byte) (0xC0 | (c >> 6));
			out[at + 1] = (byte) (0x80 | (c & 0x3F));
			return at + 2;
		}
		if (Character.isSurrogate(c)) {
			if (Character.isHighSurrogate(c) && index + 1 < value.length()
					&& Character.isLowSurrogate(value.charAt(index + 1))) {
				int code = Character.toCodePoint(c, value.charAt(index + 1));
				out[at] = (byte) (0xF0 | (code >> 18));
				out[at + 1] = (byte) (0x80 | ((code >> 12) & 0x3F));
				out[at + 2] = (byte) (0x80 | ((code >> 6) & 0x3F));
				out[at + 3] = (byte) (0x80 | (code & 0x3F));
				return at + 4;
			}
			out[at] = '?';
			return at + 1;
		}
		out[at] = (byte) (0xE0 | (c >> 12));
		out[at + 1] = (byte) (0x80 | ((c >> 6) & 0x3F));
		out[at + 2] = (byte) (0x80 | (c & 0x3F));
		return at + 3;
	}

	private void decimal(long value) {
		ensure(20);
		if (value < 0) {
			if (value == Long.MIN_VALUE) {
				byte[] text = Long.toString(value).getBytes(StandardCharsets.US_ASCII);
				System.arraycopy(text, 0, this.bytes, this.position, text.length);
				this.position += text.length;
				return;
			}
			this.bytes[this.position++] = '-';
			value = -value;
		}
		int digits = 1;
		for (long rest = value / 10; rest > 0; rest /= 10) {
			digits++;
		}
		int at = this.position + digits;
		this.position = at;
		do {
			this.bytes[--at] = (byte) ('0' + (value % 10));
			value /= 10;
		}
		while (value > 0);
	}

	/** The low {@code digits} hexadecimal digits of {@code value}. */
	private void hex(long value, int digits) {
		for (int i = digits - 1; i >= 0; i--) {
			this.bytes[this.position + i] = HEX[(int) (value & 0xF)];
			value >>>= 4;
		}
		this.position += digits;
	}

	/** Part of a text: its first {@code length} bytes of {@code bytes}. */
	record Segment(byte[] bytes, int length) {
	}

}
