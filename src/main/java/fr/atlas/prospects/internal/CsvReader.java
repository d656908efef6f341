package fr.atlas.prospects.internal;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A streaming CSV reader (RFC 4180 quoting, line breaks inside quotes) that never holds
 * more than one record. A record longer than {@link #MAX_RECORD} characters is not kept:
 * it is reported as a row with the problem {@code row:too_long} and the reader goes on
 * with the next line.
 */
final class CsvReader implements TabularReader {

	static final int MAX_RECORD = 1024 * 1024;

	private static final int END = -1;

	private static final int BLANK = 0;

	private static final int ROW = 1;

	private static final int TOO_LONG = 2;

	private static final int BINARY = 3;

	/**
	 * Control characters ({@link #control}; NULs are left out before) in a line, at
	 * least, that make it binary rather than text; one in {@link #BINARY_SHARE} of its
	 * characters at least too.
	 */
	private static final int BINARY_CONTROLS = 2;

	private static final int BINARY_SHARE = 32;

	private static final int ORIGINAL_KEPT_WHEN_TOO_LONG = 200;

	private final Reader in;

	private final char delimiter;

	private final List<String> header;

	private int rowNumber;

	private int blanksBefore;

	private @Nullable Record waiting;

	private int pushedBack = -2;

	/**
	 * Line ends read ahead in a run of carriage returns without a line feed after it:
	 * each ends a blank line, given before anything else is read.
	 */
	private int lineEndsAhead;

	// what followed a quote that never closed, read again as ordinary text
	private char @Nullable [] replay;

	private int replayPosition;

	private final StringBuilder sinceQuote = new StringBuilder();

	/**
	 * The field {@link #skipRecord()} is in, kept while every field before it held no
	 * value: a field of an error value leaves the record blank.
	 */
	private final StringBuilder skippedField = new StringBuilder();

	/** The characters other than white space in {@link #skippedField}. */
	private int skippedFieldCharacters;

	private final char[] buffer = new char[64 * 1024];

	private int position;

	private int limit;

	private boolean headerTooLong;

	/**
	 * Whether the last line that was not blank was binary: the next one is too unless it
	 * holds as many cells as the header, as the rows of the file do. Bytes that are no
	 * text (a ZIP or an image appended to the file) have few control characters in their
	 * short lines, and those lines are no rows either.
	 */
	private boolean inBinary;

	/** The header's number of cells; none while the header is read. */
	private int headerCells = -1;

	CsvReader(Reader in, char delimiter) throws IOException {
		this.in = in;
		this.delimiter = delimiter;
		Record first = nextFilled();
		if (first != null && first.delimiterHint()) {
			first = nextFilled();
		}
		if (first != null && first.tooLong()) {
			this.headerTooLong = true;
		}
		this.header = (first == null || first.tooLong()) ? List.of() : first.cells();
		// the upload refused a file binary from its start
		this.inBinary = false;
		this.headerCells = this.header.size();
	}

	private @Nullable Record nextFilled() throws IOException {
		Record record = readRecord();
		while (record != null && record.blank()) {
			record = readRecord();
		}
		return record;
	}

	boolean headerTooLong() {
		return this.headerTooLong;
	}

	@Override
	public List<String> header() {
		return this.header;
	}

	@Override
	public @Nullable SourceRow next() throws IOException {
		if (this.blanksBefore > 0) {
			this.blanksBefore--;
			return new SourceRow(++this.rowNumber, List.of(), "", "row:empty");
		}
		Record record = this.waiting;
		this.waiting = null;
		if (record == null) {
			// empty lines keep their number, as in a spreadsheet, and are reported as
			// rejected; only the empty lines that end the file are left out. A line of
			// error values only ("#N/A;#N/A") is an empty line, as a sheet's row is
			record = readRecord();
			int blanks = 0;
			while (record != null && record.blank()) {
				blanks++;
				record = readRecord();
			}
			if (record == null) {
				return null;
			}
			if (blanks > 0) {
				this.waiting = record;
				this.blanksBefore = blanks - 1;
				return new SourceRow(++this.rowNumber, List.of(), "", "row:empty");
			}
		}
		this.rowNumber++;
		if (record.tooLong()) {
			return new SourceRow(this.rowNumber, List.of(), record.original(), "row:too_long");
		}
		if (record.binary()) {
			return new SourceRow(this.rowNumber, List.of(), shownBinary(record.original()), "row:binary");
		}
		return new SourceRow(this.rowNumber, record.cells(), record.original(), null);
	}

	/**
	 * Counts the rows left exactly as {@link #next()} numbers and flags them, without
	 * building their cells and text: an upload is counted before it is stored, and
	 * building a string per cell of a 100,000-row file costs more than reading it.
	 */
	@Override
	public RowCount countRows() throws IOException {
		RowCount.Tally tally = new RowCount.Tally();
		// rows next() has already read ahead go the ordinary way
		while (this.blanksBefore > 0 || this.waiting != null) {
			SourceRow row = next();
			if (row != null) {
				tally.row(row.number(), row.problem() != null);
			}
		}
		int blanks = 0;
		int kind;
		while ((kind = skipRecord()) != END) {
			if (kind == BLANK) {
				// empty lines are rows only when a record follows them (see next())
				blanks++;
				continue;
			}
			for (; blanks > 0; blanks--) {
				tally.row(++this.rowNumber, true);
			}
			tally.row(++this.rowNumber, kind == TOO_LONG || kind == BINARY);
		}
		return tally.result();
	}

	@Override
	public void close() throws IOException {
		this.in.close();
	}

	private int read() throws IOException {
		if (this.pushedBack != -2) {
			int c = this.pushedBack;
			this.pushedBack = -2;
			return c;
		}
		if (this.replay != null) {
			if (this.replayPosition < this.replay.length) {
				return this.replay[this.replayPosition++];
			}
			this.replay = null;
		}
		while (this.position == this.limit) {
			// a reader is read by blocks: one call and one lock per character costs more
			// than the parsing
			int read = this.in.read(this.buffer, 0, this.buffer.length);
			this.position = 0;
			if (read <= 0) {
				this.limit = 0;
				return -1;
			}
			// a block of NULs alone leaves nothing: the next block is read
			this.limit = NulCharacters.leaveOut(this.buffer, read);
		}
		return this.buffer[this.position++];
	}

	private @Nullable Record readRecord() throws IOException {
		if (this.lineEndsAhead > 0) {
			this.lineEndsAhead--;
			return new Record(List.of(""), "", false, false);
		}
		Record plain = plainLine();
		if (plain != null) {
			return plain;
		}
		int c = read();
		if (c == -1) {
			return null;
		}
		List<String> cells = new ArrayList<>();
		StringBuilder field = new StringBuilder();
		StringBuilder original = new StringBuilder();
		boolean quoted = false;
		boolean fieldStart = true;
		int quoteAt = -1;
		int controls = 0;
		int odd = 0;
		while (c != -1) {
			char ch = (char) c;
			if (original.length() >= MAX_RECORD) {
				if (quoted && looksLikeRows(original, quoteAt + 1, this.delimiter)) {
					// a quote that runs over many records was no quote: read as a
					// character, with the records after it
					replayAgain(original.substring(quoteAt + 1), ch);
					original.setLength(quoteAt + 1);
					field.setLength(0);
					field.append('"');
					quoted = false;
					c = read();
					continue;
				}
				skipRestOfRecord(ch, quoted);
				original.setLength(ORIGINAL_KEPT_WHEN_TOO_LONG);
				original.append("…");
				return new Record(List.of(), original.toString(), true, false);
			}
			if (ch < ' ' || ch >= '\u007F') {
				controls += control(ch) ? 1 : 0;
				odd += odd(ch) ? 1 : 0;
			}
			if (quoted) {
				original.append(ch);
				if (ch == '"') {
					int next = read();
					if (next == '"') {
						original.append('"');
						field.append('"');
					}
					else {
						quoted = false;
						this.pushedBack = next;
					}
				}
				else {
					field.append(ch);
				}
			}
			else if (ch == '"' && fieldStart) {
				quoteAt = original.length();
				original.append(ch);
				quoted = true;
				fieldStart = false;
			}
			else if (ch == this.delimiter) {
				original.append(ch);
				cells.add(textForced(field));
				field.setLength(0);
				fieldStart = true;
			}
			else if (endsLine(ch)) {
				break;
			}
			else {
				original.append(ch);
				field.append(ch);
				fieldStart = false;
			}
			c = read();
			if (c == -1 && quoted) {
				// a quote that never closes would swallow the rest of the file into one
				// cell: it is read as a character instead, and what followed it again as
				// the rest of its line and the next lines
				this.replay = original.substring(quoteAt + 1).toCharArray();
				this.replayPosition = 0;
				original.setLength(quoteAt + 1);
				field.setLength(0);
				field.append('"');
				quoted = false;
				c = read();
			}
		}
		cells.add(textForced(field));
		return judged(cells, original.toString(), controls, odd);
	}

	/**
	 * A record read whole, binary or not ({@link #binary}); {@link #skipRecord()} judges
	 * its records the same way.
	 */
	private Record judged(List<String> cells, String original, int controls, int odd) {
		if (controls + odd == 0 && !this.inBinary) {
			// a line of text after text, as nearly all are: nothing more to look at
			return new Record(cells, original, false, false);
		}
		Record record = new Record(cells, original, false, false);
		boolean blank = controls + odd == 0 && record.blank();
		if (binary(controls, odd, original.length(), cells.size(), blank)) {
			return new Record(cells, original, false, true);
		}
		return record;
	}

	/**
	 * Whether a line is binary, and so whether the next ones may be: it holds control
	 * characters no text holds; or it does not hold the header's number of cells, as a
	 * row of the file does, and holds one character that no text holds (a control, or one
	 * that decoding could not read) or follows a binary line. A blank line changes
	 * nothing.
	 */
	private boolean binary(int controls, int odd, int length, int cells, boolean blank) {
		if (blank) {
			return false;
		}
		boolean binary = (controls >= BINARY_CONTROLS && controls * BINARY_SHARE >= length)
				|| (this.headerCells >= 0 && cells != this.headerCells && (this.inBinary || controls + odd > 0));
		this.inBinary = binary;
		return binary;
	}

	/**
	 * Whether a character below space (or DEL) is one that text does not hold: tab, line
	 * ends, a vertical tab (a line break inside a FileMaker cell), a form feed and escape
	 * (a terminal's colours, ADR 0127) are text.
	 */
	private static boolean control(char ch) {
		return ch < ' ' && ch != '\t' && ch != '\n' && ch != '\r' && ch != '\u000B' && ch != '\f' && ch != '\u001B';
	}

	/**
	 * Whether a character at or above DEL is one text does not hold: DEL, a C1 control
	 * (bytes Windows-1252 leaves undefined read as ISO-8859-1) or the replacement
	 * character of bytes that could not be decoded. Text may hold one (a word processor's
	 * next line, U+0085; a file saved badly once, "Soci\uFFFDt\uFFFD"): alone, it makes
	 * only a line that is no row binary.
	 */
	private static boolean odd(char ch) {
		return ch >= '\u007F' && (ch <= '\u009F' || ch == '\uFFFD');
	}

	/**
	 * What the report keeps of a binary line: its start, each control character shown as
	 * the replacement character, as a text editor shows bytes it cannot read.
	 */
	static String shownBinary(String original) {
		StringBuilder shown = new StringBuilder(Math.min(original.length(), ORIGINAL_KEPT_WHEN_TOO_LONG) + 1);
		for (int i = 0; i < original.length() && i < ORIGINAL_KEPT_WHEN_TOO_LONG; i++) {
			char ch = original.charAt(i);
			shown.append((control(ch) || odd(ch)) ? '\uFFFD' : ch);
		}
		return (original.length() > ORIGINAL_KEPT_WHEN_TOO_LONG) ? shown.append('…').toString() : shown.toString();
	}

	/**
	 * A cell as Excel reads it when a file forces it to stay text with a formula,
	 * {@code ="0612345678"} (written {@code "=""0612345678"""} when quoted), as exports
	 * meant for Excel write numbers whose leading zeros must be kept: the text between
	 * the quotes. Only a record with quotes can hold one, so the plain lines of
	 * {@link #plainLine()} are not looked at.
	 */
	static String textForced(CharSequence field) {
		int length = field.length();
		if (length < 3 || field.charAt(0) != '=' || field.charAt(1) != '"' || field.charAt(length - 1) != '"') {
			return field.toString();
		}
		for (int i = 2; i < length - 1; i++) {
			if (field.charAt(i) == '"') {
				// a formula of its own ("=""a""&""b"""): left as written
				return field.toString();
			}
		}
		return field.subSequence(2, length - 1).toString();
	}

	/**
	 * The next record when it is a line without quotes wholly in the buffer, as most are:
	 * its cells are cut from the buffer instead of being copied character by character.
	 * Null, with nothing read, for any other record.
	 */
	private @Nullable Record plainLine() throws IOException {
		if (this.pushedBack != -2 || this.replay != null) {
			return null;
		}
		char[] chars = this.buffer;
		int start = this.position;
		int end = start;
		int controls = 0;
		int odd = 0;
		while (end < this.limit) {
			char c = chars[end];
			if (c <= '"') {
				if (c == '\n' || c == '\r') {
					break;
				}
				if (c == '"') {
					return null;
				}
				controls += (c < ' ' && control(c)) ? 1 : 0;
			}
			else if (c >= '\u007F' && odd(c)) {
				odd++;
			}
			end++;
		}
		if (end == this.limit) {
			return null;
		}
		List<String> cells = new ArrayList<>();
		int cell = start;
		for (int i = start; i < end; i++) {
			if (chars[i] == this.delimiter) {
				cells.add(new String(chars, cell, i - cell));
				cell = i + 1;
			}
		}
		cells.add(new String(chars, cell, end - cell));
		String original = new String(chars, start, end - start);
		this.position = end + 1;
		if (chars[end] == '\r') {
			afterCarriageReturn();
		}
		return judged(cells, original, controls, odd);
	}

	/**
	 * Reads one record like {@link #readRecord()}, keeping nothing: tells only whether it
	 * was blank, too long or an ordinary row. The two must stay in step: a record ends,
	 * is blank and is too long here exactly when it is there.
	 */
	private int skipRecord() throws IOException {
		if (this.lineEndsAhead > 0) {
			this.lineEndsAhead--;
			return BLANK;
		}
		int c = read();
		if (c == -1) {
			return END;
		}
		int length = 0;
		int lengthAtQuote = 0;
		this.skippedField.setLength(0);
		this.skippedFieldCharacters = 0;
		boolean content = false;
		boolean quoted = false;
		boolean fieldStart = true;
		int controls = 0;
		int odd = 0;
		int cells = 1;
		while (c != -1) {
			char ch = (char) c;
			if (length >= MAX_RECORD) {
				if (quoted && looksLikeRows(this.sinceQuote, 0, this.delimiter)) {
					// as readRecord()
					replayAgain(this.sinceQuote.toString(), ch);
					length = lengthAtQuote + 1;
					content = true;
					quoted = false;
					c = read();
					continue;
				}
				skipRestOfRecord(ch, quoted);
				return TOO_LONG;
			}
			if (ch < ' ' || ch >= '\u007F') {
				controls += control(ch) ? 1 : 0;
				odd += odd(ch) ? 1 : 0;
			}
			if (quoted) {
				length++;
				this.sinceQuote.append(ch);
				if (ch == '"') {
					int next = read();
					if (next == '"') {
						length++;
						this.sinceQuote.append('"');
						content = content || holdsValueWith('"');
					}
					else {
						quoted = false;
						this.pushedBack = next;
					}
				}
				else if (!content) {
					content = holdsValueWith(ch);
				}
			}
			else if (ch == '"' && fieldStart) {
				lengthAtQuote = length;
				this.sinceQuote.setLength(0);
				length++;
				quoted = true;
				fieldStart = false;
			}
			else if (ch == this.delimiter) {
				length++;
				cells++;
				fieldStart = true;
				content = content || skippedFieldHoldsValue();
			}
			else if (endsLine(ch)) {
				break;
			}
			else {
				length++;
				// one character is enough: most records are not blank, and few
				// fields start as an error value does
				if (!content) {
					content = holdsValueWith(ch);
				}
				fieldStart = false;
			}
			c = read();
			if (c == -1 && quoted) {
				// as readRecord(): the quote is a character, what followed it is read
				// again
				this.replay = this.sinceQuote.toString().toCharArray();
				this.replayPosition = 0;
				length = lengthAtQuote + 1;
				content = true;
				quoted = false;
				c = read();
			}
		}
		content = content || skippedFieldHoldsValue();
		if (binary(controls, odd, length, cells, controls + odd == 0 && !content)) {
			return BINARY;
		}
		return content ? ROW : BLANK;
	}

	/**
	 * Adds a character of a field's text to {@link #skippedField}: whether the field
	 * surely holds a value now, as it does from its first character unless that is
	 * {@code #} (an error value) or an {@code =} that starts it ({@link #textForced}).
	 */
	private boolean holdsValueWith(char ch) {
		this.skippedField.append(ch);
		if (noText(ch)) {
			return false;
		}
		this.skippedFieldCharacters++;
		if (this.skippedFieldCharacters == 1) {
			return ch != '#' && !(ch == '=' && this.skippedField.length() == 1);
		}
		// an error value forced to stay text, ="#VALUE!", at the longest
		return this.skippedFieldCharacters > Placeholders.LONGEST + 3;
	}

	/**
	 * At the end of a field of {@link #skipRecord()}: whether it held a value, as
	 * {@link #noValue} tells for {@link #readRecord()}'s cells. Starts the next field.
	 */
	private boolean skippedFieldHoldsValue() {
		boolean value = this.skippedFieldCharacters > 0 && !noValue(textForced(this.skippedField));
		this.skippedField.setLength(0);
		this.skippedFieldCharacters = 0;
		return value;
	}

	/**
	 * Whether a cell holds no value: white space (no-break spaces too), or an error value
	 * a spreadsheet's formula showed ("#N/A", "#VALEUR!"), which the import reads as no
	 * value ({@link Placeholders#error}). A line of such cells is a blank line, as a
	 * sheet's row of them is ({@link SpreadsheetNumbering#empty}).
	 */
	static boolean noValue(String cell) {
		if (!cell.isEmpty() && cell.charAt(0) != '#' && !noText(cell.charAt(0))) {
			return false; // most cells, at their first character
		}
		String text = CleanText.of(cell);
		return text == null || Placeholders.error(text);
	}

	/**
	 * Whether a character is none of a cell's text once cleaned ({@link CleanText#of}):
	 * white space, a control character (C0, DEL, C1) or one nobody sees. A line of such
	 * characters only is blank both when its rows are counted and when they are read;
	 * counted, a control character made it a row (ADR 0130).
	 */
	private static boolean noText(char ch) {
		return CleanText.isSpace(ch) || Character.isISOControl(ch) || ch == '\u200B' || ch == '\u00AD'
				|| ch == '\u2060';
	}

	/**
	 * Reads, keeping nothing, what is left of a record too long to keep, from its
	 * character {@code ch} to the end of its line: a line break inside a quoted cell does
	 * not end it. {@link #readRecord()} and {@link #skipRecord()} both end a record too
	 * long here, which keeps them in step.
	 */
	private void skipRestOfRecord(char ch, boolean inQuote) throws IOException {
		boolean skippingQuote = inQuote;
		int c = ch;
		while (c != -1) {
			if (skippingQuote) {
				skippingQuote = inQuoteAfter((char) c);
			}
			else if (endsLine((char) c)) {
				return;
			}
			c = read();
		}
	}

	/**
	 * Whether a quoted cell is still open after this character, skipping a cell too long
	 * to keep: a doubled quote is a quote inside it, a single one closes it.
	 */
	private boolean inQuoteAfter(char ch) throws IOException {
		if (ch != '"') {
			return true;
		}
		int next = read();
		if (next == '"') {
			return true;
		}
		this.pushedBack = next;
		return false;
	}

	/**
	 * Whether a character outside quotes ends its record's line; a CR+LF is read whole.
	 */
	private boolean endsLine(char ch) throws IOException {
		if (ch == '\n') {
			return true;
		}
		if (ch == '\r') {
			afterCarriageReturn();
			return true;
		}
		return false;
	}

	/**
	 * Reads the rest of a line end that starts with a carriage return outside quotes. A
	 * CR+LF is one line end, and so is a run of CRs before an LF: a CR+LF file passed
	 * once more through a conversion to Windows line ends has {@code \r\r\n}, which a
	 * spreadsheet opens as one line end too. A CR before anything else ends a line of its
	 * own (an old Mac file), so a run of them without an LF is as many line ends, the
	 * blank lines after the first one kept in {@link #lineEndsAhead}.
	 */
	private void afterCarriageReturn() throws IOException {
		int more = 0;
		int next = read();
		while (next == '\r') {
			more++;
			next = read();
		}
		if (next != '\n') {
			this.pushedBack = next;
			this.lineEndsAhead += more;
		}
	}

	/**
	 * Reads again, as ordinary text, what followed a quote and the character that came
	 * after it, before whatever was still to be read again.
	 */
	private void replayAgain(String sinceQuote, char current) {
		int left = (this.replay != null) ? this.replay.length - this.replayPosition : 0;
		char[] again = new char[sinceQuote.length() + 1 + left];
		sinceQuote.getChars(0, sinceQuote.length(), again, 0);
		again[sinceQuote.length()] = current;
		if (left > 0) {
			System.arraycopy(this.replay, this.replayPosition, again, sinceQuote.length() + 1, left);
		}
		this.replay = again;
		this.replayPosition = 0;
	}

	/**
	 * Whether the text of a quoted cell that reached {@link #MAX_RECORD} reads as
	 * records: most of its lines hold the delimiter. A quote opened by mistake swallows
	 * the records after it, which are then read again one by one; a long text (a
	 * description, a pasted page) is one cell, skipped whole up to its closing quote.
	 */
	static boolean looksLikeRows(CharSequence text, int from, char delimiter) {
		int lines = 1;
		int withDelimiter = 0;
		boolean delimiterInLine = false;
		for (int i = from; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '\n' || c == '\r') {
				// lines end as the reader ends them (afterCarriageReturn): the CRs
				// before an LF end one line with it, each other CR ends one
				int ends = 1;
				if (c == '\r') {
					int after = i + 1;
					while (after < text.length() && text.charAt(after) == '\r') {
						after++;
					}
					boolean feed = after < text.length() && text.charAt(after) == '\n';
					ends = feed ? 1 : after - i;
					i = feed ? after : after - 1;
				}
				lines += ends;
				withDelimiter += delimiterInLine ? 1 : 0;
				delimiterInLine = false;
			}
			else if (c == delimiter) {
				delimiterInLine = true;
			}
		}
		withDelimiter += delimiterInLine ? 1 : 0;
		return lines >= 2 && withDelimiter * 2 >= lines;
	}

	private record Record(List<String> cells, String original, boolean tooLong, boolean binary) {

		/**
		 * The line {@code sep=;} that files written for Excel start with, to tell it the
		 * delimiter ({@link FileProfile#delimiterHint}): not the header.
		 */
		boolean delimiterHint() {
			return !this.tooLong && FileProfile.delimiterHint(this.original) != null;
		}

		boolean blank() {
			if (this.tooLong || this.binary) {
				return false;
			}
			for (String cell : this.cells) {
				if (!noValue(cell)) {
					return false;
				}
			}
			return true;
		}

	}

}
