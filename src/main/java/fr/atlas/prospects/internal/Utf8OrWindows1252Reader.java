package fr.atlas.prospects.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.Charset;

/**
 * Reads a text file that is UTF-8 but for a few bytes, as files pieced together from two
 * exports are, or edited once by a program that wrote Windows-1252: each valid UTF-8
 * sequence is read as UTF-8, and any other byte as the Windows-1252 character it stands
 * for. Reading such a file whole as Windows-1252 would garble every accent written in
 * UTF-8 ("OrlÃ©ans") because of one stray "ç".
 */
final class Utf8OrWindows1252Reader extends Reader {

	/** The encoding a {@link FileProfile} names for such a file. */
	static final String ENCODING = "UTF-8+windows-1252";

	private static final char[] WINDOWS_1252 = windows1252();

	private final InputStream in;

	private final byte[] buffer = new byte[64 * 1024];

	private int position;

	private int limit;

	private boolean ended;

	// the second half of a pair of surrogates that the last read had no room for
	private char pendingLow;

	Utf8OrWindows1252Reader(InputStream in) {
		this.in = in;
	}

	/**
	 * Whether a file that is not all UTF-8 is still mostly UTF-8: its valid multi-byte
	 * sequences are not the few that Windows-1252 text makes by chance (an accented
	 * capital before a curly quote).
	 */
	static boolean mostlyUtf8(InputStream in) throws IOException {
		Utf8OrWindows1252Reader reader = new Utf8OrWindows1252Reader(in);
		long sequences = 0;
		long strays = 0;
		while (reader.fill()) {
			int b = reader.buffer[reader.position] & 0xFF;
			if (b < 0x80) {
				reader.position++;
				continue;
			}
			int length = reader.sequence();
			if (length > 0) {
				sequences++;
				reader.position += length;
			}
			else {
				strays++;
				reader.position++;
			}
		}
		return sequences > 0 && sequences * 20 >= strays;
	}

	@Override
	public int read(char[] chars, int offset, int length) throws IOException {
		int count = 0;
		if (this.pendingLow != 0 && length > 0) {
			chars[offset + count++] = this.pendingLow;
			this.pendingLow = 0;
		}
		while (count < length && fill()) {
			int b = this.buffer[this.position] & 0xFF;
			if (b < 0x80) {
				chars[offset + count++] = (char) b;
				this.position++;
				continue;
			}
			int sequence = sequence();
			if (sequence == 0) {
				chars[offset + count++] = WINDOWS_1252[b - 0x80];
				this.position++;
				continue;
			}
			int codePoint = codePoint(sequence);
			this.position += sequence;
			if (Character.isBmpCodePoint(codePoint)) {
				chars[offset + count++] = (char) codePoint;
			}
			else {
				chars[offset + count++] = Character.highSurrogate(codePoint);
				if (count < length) {
					chars[offset + count++] = Character.lowSurrogate(codePoint);
				}
				else {
					this.pendingLow = Character.lowSurrogate(codePoint);
				}
			}
		}
		return (count == 0 && length > 0) ? -1 : count;
	}

	@Override
	public void close() throws IOException {
		this.in.close();
	}

	/**
	 * Makes the next four bytes readable when the file has them; false once every byte is
	 * read.
	 */
	private boolean fill() throws IOException {
		if (this.limit - this.position < 4 && !this.ended) {
			System.arraycopy(this.buffer, this.position, this.buffer, 0, this.limit - this.position);
			this.limit -= this.position;
			this.position = 0;
			while (this.limit < 4 && !this.ended) {
				int read = this.in.read(this.buffer, this.limit, this.buffer.length - this.limit);
				if (read < 0) {
					this.ended = true;
				}
				else {
					this.limit += read;
				}
			}
		}
		return this.position < this.limit;
	}

	/**
	 * The length of the valid UTF-8 sequence of two to four bytes at the position (no
	 * overlong form, no surrogate, nothing past U+10FFFF), or 0.
	 */
	private int sequence() {
		int lead = this.buffer[this.position] & 0xFF;
		int length;
		int low = 0x80;
		int high = 0xBF;
		if (lead >= 0xC2 && lead <= 0xDF) {
			length = 2;
		}
		else if (lead >= 0xE0 && lead <= 0xEF) {
			length = 3;
			low = (lead == 0xE0) ? 0xA0 : low;
			high = (lead == 0xED) ? 0x9F : high;
		}
		else if (lead >= 0xF0 && lead <= 0xF4) {
			length = 4;
			low = (lead == 0xF0) ? 0x90 : low;
			high = (lead == 0xF4) ? 0x8F : high;
		}
		else {
			return 0;
		}
		if (this.limit - this.position < length) {
			return 0;
		}
		int second = this.buffer[this.position + 1] & 0xFF;
		if (second < low || second > high) {
			return 0;
		}
		for (int i = 2; i < length; i++) {
			if ((this.buffer[this.position + i] & 0xC0) != 0x80) {
				return 0;
			}
		}
		return length;
	}

	private int codePoint(int length) {
		int lead = this.buffer[this.position] & 0xFF;
		int codePoint = lead & (0xFF >> (length + 1));
		for (int i = 1; i < length; i++) {
			codePoint = (codePoint << 6) | (this.buffer[this.position + i] & 0x3F);
		}
		return codePoint;
	}

	private static char[] windows1252() {
		byte[] high = new byte[128];
		for (int i = 0; i < high.length; i++) {
			high[i] = (byte) (0x80 + i);
		}
		return new String(high, Charset.forName("windows-1252")).toCharArray();
	}

}
