package fr.atlas.prospects.internal;

/**
 * Leaves NUL characters out of what a file's cells hold. PostgreSQL's text cannot hold
 * one, so a single NUL in a cell failed the {@code COPY} of its batch and the whole
 * import (ADR 0121). The upload refuses a file with one in its first 64 KB as binary;
 * past them (a field padded with NULs by the program that exported it, an XLSX cell
 * holding {@code _x0000_}), a NUL is no part of the text a person sees, as a spreadsheet
 * shows it, and a search's parameters drop it already.
 */
final class NulCharacters {

	private NulCharacters() {
	}

	/** The text without its NUL characters; the same text when it has none. */
	static String without(String text) {
		return (text.indexOf('\0') < 0) ? text : text.replace("\0", "");
	}

	/**
	 * Moves the characters of {@code chars[0, length)} that are not NUL to its start and
	 * returns their number: a block of a CSV file, as it is read.
	 */
	static int leaveOut(char[] chars, int length) {
		int at = 0;
		while (at < length && chars[at] != '\0') {
			at++;
		}
		for (int i = at; i < length; i++) {
			if (chars[i] != '\0') {
				chars[at++] = chars[i];
			}
		}
		return at;
	}

}
