package fr.atlas.prospects.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import fr.atlas.platform.InvalidInputException;
import org.jspecify.annotations.Nullable;

/**
 * What an uploaded file is: its format (CSV, XLSX or XLS from its first bytes), for CSV
 * its encoding (UTF-16 by its byte-order mark or its zero bytes, UTF-8 when every byte
 * decodes as UTF-8, UTF-8 and Windows-1252 byte by byte when it is mostly UTF-8, else
 * Windows-1252, a superset of ISO-8859-1 for printable text) and its delimiter, its size
 * and its SHA-256, and for a workbook the sheet that is read (0-based; the first unless
 * the user chose another).
 */
public record FileProfile(Format format, String encoding, char delimiter, long size, String sha256, int sheet) {

	private static final int SAMPLE = 64 * 1024;

	private static final String DELIMITERS = ";,\t|";

	/**
	 * The delimiter of a file of one column: the unit separator, which no spreadsheet
	 * writes, so that each line is one cell whatever it holds.
	 */
	static final char ONE_COLUMN = '\u001F';

	/** Characters needed to take a file without a byte-order mark for UTF-16. */
	private static final int MIN_UTF16_PAIRS = 16;

	public FileProfile {
		if (sheet < 0) {
			throw new IllegalArgumentException("sheet must be 0 or more");
		}
	}

	public FileProfile(Format format, String encoding, char delimiter, long size, String sha256) {
		this(format, encoding, delimiter, size, sha256, 0);
	}

	/** The same file, read from another sheet. */
	FileProfile withSheet(int index) {
		return new FileProfile(this.format, this.encoding, this.delimiter, this.size, this.sha256, index);
	}

	public enum Format {

		CSV, XLSX, XLS

	}

	/**
	 * The profile of an upload copied to {@code file}: refuses an empty or binary file,
	 * and reads the delimiter of a CSV file from its first lines.
	 */
	static FileProfile of(Path file, UploadedFile upload) throws IOException {
		if (upload.size() == 0) {
			throw new InvalidInputException("file", "prospects.import.empty-file");
		}
		Format format = format(upload.head());
		if (format != Format.CSV) {
			return new FileProfile(format, "", ',', upload.size(), upload.sha256());
		}
		String encoding = utf16(upload.head());
		if (encoding == null) {
			if (binary(upload.head())) {
				throw new InvalidInputException("file", "prospects.import.binary-file");
			}
			refuseMarkup(new String(upload.head(), StandardCharsets.ISO_8859_1));
			encoding = upload.utf8() ? "UTF-8" : notUtf8(file);
			if (!latinText(upload.head())) {
				throw new InvalidInputException("file", "prospects.import.unknown-encoding");
			}
		}
		else {
			String text = new String(upload.head(), java.nio.charset.Charset.forName(encoding));
			if (binary(text)) {
				throw new InvalidInputException("file", "prospects.import.binary-file");
			}
			refuseMarkup(text);
		}
		char delimiter = detectDelimiter(file, encoding);
		return new FileProfile(format, encoding, delimiter, upload.size(), upload.sha256());
	}

	/** Windows-1252, or UTF-8 with a few of its bytes when the file is mostly UTF-8. */
	private static String notUtf8(Path file) throws IOException {
		try (InputStream in = Files.newInputStream(file)) {
			return Utf8OrWindows1252Reader.mostlyUtf8(in) ? Utf8OrWindows1252Reader.ENCODING : "windows-1252";
		}
	}

	/**
	 * Whether bytes that are not UTF-8 read as Windows-1252 (or ISO-8859-1) text of a
	 * Latin script, whose letters above ASCII stand one or two at a time between ASCII
	 * ones ("Façade", "l’Église"); the UTF-8 sequences of a file that is partly UTF-8
	 * count as such letters. Text in another encoding (GB18030, Shift_JIS, Big5, a
	 * Cyrillic code page, EBCDIC...) read so is runs of symbols: most of its bytes above
	 * 0x7F come three or more in a row, or are bytes Windows-1252 leaves undefined. It
	 * was imported as such ("±±¾©·¿µØ²ú" for a name), without a word.
	 */
	static boolean latinText(byte[] head) {
		int high = 0;
		int strange = 0;
		int run = 0;
		int undefinedInRun = 0;
		for (int i = 0; i <= head.length; i++) {
			int b = (i < head.length) ? head[i] & 0xFF : 0;
			int sequence = (b >= 0x80) ? utf8Sequence(head, i) : 0;
			if (b >= 0x80 && sequence == 0) {
				high++;
				run++;
				if (b == 0x81 || b == 0x8D || b == 0x8F || b == 0x90 || b == 0x9D) {
					undefinedInRun++;
				}
				continue;
			}
			strange += (run >= 3) ? run : undefinedInRun;
			run = 0;
			undefinedInRun = 0;
			i += Math.max(sequence - 1, 0);
		}
		// a few stray bytes say nothing either way
		return high < 8 || strange * 2 <= high;
	}

	/** The length of the UTF-8 sequence at {@code i}, or 0 when there is none. */
	private static int utf8Sequence(byte[] bytes, int i) {
		int b = bytes[i] & 0xFF;
		int length = (b >= 0xC2 && b <= 0xDF) ? 2 : (b >= 0xE0 && b <= 0xEF) ? 3 : (b >= 0xF0 && b <= 0xF4) ? 4 : 0;
		if (length == 0 || i + length > bytes.length) {
			return 0;
		}
		for (int k = 1; k < length; k++) {
			if ((bytes[i + k] & 0xC0) != 0x80) {
				return 0;
			}
		}
		return length;
	}

	static Format format(byte[] head) {
		if (head.length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
			return Format.XLSX;
		}
		if (head.length >= 8 && (head[0] & 0xFF) == 0xD0 && (head[1] & 0xFF) == 0xCF && (head[2] & 0xFF) == 0x11
				&& (head[3] & 0xFF) == 0xE0) {
			return Format.XLS;
		}
		return Format.CSV;
	}

	/** NUL bytes or many control characters: not a text file. */
	static boolean binary(byte[] head) {
		return binary(new String(head, StandardCharsets.ISO_8859_1));
	}

	/** NUL characters or many control characters: not text. */
	static boolean binary(String head) {
		int control = 0;
		for (int i = 0; i < head.length(); i++) {
			char c = head.charAt(i);
			if (c == 0) {
				return true;
			}
			if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != 0x0C) {
				control++;
			}
		}
		return control > Math.max(8, head.length() / 100);
	}

	/**
	 * Whether text is a web page or an XML document: it opens with a tag and closes one,
	 * or with an XML declaration or a doctype. Web applications export their "Excel
	 * files" as an HTML table, and Excel saves "XML Spreadsheet 2003", under an .xls
	 * name; read as CSV, such a file was "a header alone" or had "no known column". A
	 * header whose first cell only starts with {@code <} closes no tag.
	 */
	static boolean markup(String head) {
		// after a byte-order mark, read as such or as the Windows-1252 of its UTF-8 bytes
		String start = head.replaceFirst("^(\uFEFF|\u00EF\u00BB\u00BF)", "").stripLeading().toLowerCase(Locale.ROOT);
		return start.startsWith("<?xml") || start.startsWith("<!doctype")
				|| (start.matches("(?s)<[a-z!].*") && start.contains("</"));
	}

	private static void refuseMarkup(String head) {
		if (markup(head)) {
			throw new InvalidInputException("file", "prospects.import.markup-file");
		}
	}

	/**
	 * {@code UTF-16LE} or {@code UTF-16BE} for UTF-16 text, as Excel's "Unicode text" and
	 * some CRMs save it: by its byte-order mark, or without one when nearly every
	 * character of the first bytes has a zero high byte (Latin text) on the same side.
	 * Null for anything else.
	 */
	static @Nullable String utf16(byte[] head) {
		if (head.length >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE) {
			return "UTF-16LE";
		}
		if (head.length >= 2 && (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF) {
			return "UTF-16BE";
		}
		int pairs = head.length / 2;
		if (pairs < MIN_UTF16_PAIRS) {
			return null;
		}
		int evenZero = 0;
		int oddZero = 0;
		for (int i = 0; i < pairs * 2; i += 2) {
			evenZero += (head[i] == 0) ? 1 : 0;
			oddZero += (head[i + 1] == 0) ? 1 : 0;
		}
		if (oddZero >= pairs * 0.9 && evenZero <= pairs * 0.02) {
			return "UTF-16LE";
		}
		if (evenZero >= pairs * 0.9 && oddZero <= pairs * 0.02) {
			return "UTF-16BE";
		}
		return null;
	}

	/**
	 * The candidate that appears the same number of times, at least once, on most of the
	 * first lines; ties go to the most frequent on the first line.
	 */
	static char detectDelimiter(Path file, String encoding) throws IOException {
		try (BufferedReader reader = new BufferedReader(reader(Files.newInputStream(file), encoding))) {
			List<String> lines = reader.lines().limit(20).filter((l) -> !l.isBlank()).toList();
			return detectDelimiter(lines);
		}
		catch (java.io.UncheckedIOException ex) {
			throw ex.getCause();
		}
	}

	static char detectDelimiter(List<String> raw) {
		Character hint = raw.isEmpty() ? null : delimiterHint(raw.get(0));
		if (hint != null) {
			return hint;
		}
		List<String> lines = raw.stream().map(FileProfile::unquoted).toList();
		if (oneColumn(raw, lines)) {
			return ONE_COLUMN;
		}
		// a title above the header ("Export du 12/03/2024") has no delimiter
		int first = 0;
		while (first < lines.size() - 1 && !hasDelimiter(lines.get(first))) {
			first++;
		}
		return delimiterOf(lines.subList(first, lines.size()));
	}

	/**
	 * Whether a file has one column: its header names a column and holds no delimiter,
	 * and most of its rows hold none either. Its delimiter was read from the few rows
	 * that hold one, a name such as "Dupont, Martin et Associés", which it then cut
	 * ("Dupont", the rest ignored). A title above the header names no column.
	 */
	private static boolean oneColumn(List<String> raw, List<String> unquoted) {
		if (unquoted.isEmpty() || hasDelimiter(unquoted.get(0))
				|| ImportField.forHeader(cellOf(raw.get(0))).isEmpty()) {
			return false;
		}
		long rows = unquoted.size() - 1;
		return unquoted.stream().skip(1).filter(FileProfile::hasDelimiter).count() * 2 <= rows;
	}

	/** A line of one cell as the reader reads it: without the quotes around it. */
	private static String cellOf(String line) {
		String cell = line.strip();
		return (cell.length() >= 2 && cell.startsWith("\"") && cell.endsWith("\""))
				? cell.substring(1, cell.length() - 1).replace("\"\"", "\"") : cell;
	}

	private static boolean hasDelimiter(String line) {
		return DELIMITERS.chars().anyMatch((c) -> line.indexOf(c) >= 0);
	}

	private static char delimiterOf(List<String> lines) {
		char best = ';';
		double bestScore = -1;
		for (char candidate : new char[] { ';', ',', '\t', '|' }) {
			if (lines.isEmpty()) {
				break;
			}
			long first = count(lines.get(0), candidate);
			if (first == 0) {
				continue;
			}
			long consistent = lines.stream().filter((l) -> count(l, candidate) == first).count();
			double score = (double) consistent / lines.size() * 1000 + first;
			if (score > bestScore) {
				bestScore = score;
				best = candidate;
			}
		}
		return best;
	}

	/**
	 * The delimiter a first line such as {@code sep=;} names: files written for Excel
	 * start so, and Excel takes the line as the delimiter to use rather than as data.
	 * Null for any other line.
	 */
	static @Nullable Character delimiterHint(String line) {
		String hint = line.strip();
		if (hint.length() == 5 && hint.regionMatches(true, 0, "sep=", 0, 4)) {
			char delimiter = hint.charAt(4);
			return (delimiter == ';' || delimiter == ',' || delimiter == '|') ? delimiter : null;
		}
		// a tab is stripped as space is
		return (line.length() >= 5 && line.regionMatches(true, 0, "sep=\t", 0, 5) && line.substring(5).isBlank()) ? '\t'
				: null;
	}

	static Reader reader(InputStream in, String encoding) throws IOException {
		InputStream buffered = new java.io.BufferedInputStream(in, SAMPLE);
		if ("UTF-8".equals(encoding)) {
			skipMark(buffered, 0xEF, 0xBB, 0xBF);
			return new InputStreamReader(buffered, StandardCharsets.UTF_8);
		}
		if (Utf8OrWindows1252Reader.ENCODING.equals(encoding)) {
			skipMark(buffered, 0xEF, 0xBB, 0xBF);
			return new Utf8OrWindows1252Reader(buffered);
		}
		if ("UTF-16LE".equals(encoding)) {
			skipMark(buffered, 0xFF, 0xFE);
		}
		else if ("UTF-16BE".equals(encoding)) {
			skipMark(buffered, 0xFE, 0xFF);
		}
		return new InputStreamReader(buffered, java.nio.charset.Charset.forName(encoding));
	}

	/** Skips a byte-order mark, which is not text of the file. */
	private static void skipMark(InputStream buffered, int... mark) throws IOException {
		buffered.mark(mark.length);
		byte[] first = buffered.readNBytes(mark.length);
		boolean marked = first.length == mark.length;
		for (int i = 0; marked && i < mark.length; i++) {
			marked = (first[i] & 0xFF) == mark[i];
		}
		if (!marked) {
			buffered.reset();
		}
	}

	private static long count(String line, char c) {
		return line.chars().filter((x) -> x == c).count();
	}

	/**
	 * The line with quoted sections removed, so delimiters inside quotes do not count. A
	 * section holds other characters and doubled quotes and ends at a quote alone; one
	 * that reaches the end of the line ends at its last doubled quote, or is no section.
	 * Scanned, not matched with a regular expression: the expression's repeated group
	 * recursed once per character and overflowed the stack on a quoted cell of a few
	 * thousand characters.
	 */
	static String unquoted(String line) {
		StringBuilder kept = new StringBuilder(line.length());
		int i = 0;
		while (i < line.length()) {
			char c = line.charAt(i);
			if (c != '"') {
				kept.append(c);
				i++;
				continue;
			}
			int end = -1;
			int lastPair = -1;
			int j = i + 1;
			while (j < line.length()) {
				if (line.charAt(j) != '"') {
					j++;
				}
				else if (j + 1 < line.length() && line.charAt(j + 1) == '"') {
					lastPair = j;
					j += 2;
				}
				else {
					end = j;
					break;
				}
			}
			if (end < 0) {
				end = lastPair;
			}
			if (end < 0) {
				// a quote that never closes: the rest of the line as it is
				kept.append(line, i, line.length());
				break;
			}
			i = end + 1;
		}
		return kept.toString();
	}

}
