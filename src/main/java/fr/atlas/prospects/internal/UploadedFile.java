package fr.atlas.prospects.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * What one pass over an upload learns while it is copied to a local file: its first bytes
 * (format, binary content), its size, its SHA-256 and whether every byte decodes as
 * UTF-8. The upload is read once here instead of three times (copy, hash, encoding): on a
 * large file each pass costs a good part of the time before the job is accepted.
 */
record UploadedFile(byte[] head, long size, String sha256, boolean utf8) {

	static final int HEAD = 64 * 1024;

	/**
	 * Copies {@code content} to {@code file}; the UTF-8 check runs only for a text file
	 * (a workbook is never read as text).
	 */
	static UploadedFile copy(InputStream content, Path file) throws IOException {
		byte[] buffer = new byte[HEAD];
		int read = content.readNBytes(buffer, 0, buffer.length);
		byte[] head = Arrays.copyOf(buffer, read);
		MessageDigest sha = newDigest();
		Utf8Check utf8 = (FileProfile.format(head) == FileProfile.Format.CSV) ? new Utf8Check() : null;
		long size = 0;
		try (OutputStream out = Files.newOutputStream(file)) {
			for (; read != -1; read = content.read(buffer)) {
				out.write(buffer, 0, read);
				sha.update(buffer, 0, read);
				if (utf8 != null) {
					utf8.update(buffer, read);
				}
				size += read;
			}
		}
		return new UploadedFile(head, size, HexFormat.of().formatHex(sha.digest()), utf8 != null && utf8.valid());
	}

	private static MessageDigest newDigest() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Decodes blocks as they come, keeping a sequence cut between two blocks. */
	private static final class Utf8Check {

		private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);

		private final ByteBuffer bytes = ByteBuffer.allocate(HEAD);

		private final CharBuffer chars = CharBuffer.allocate(HEAD);

		private boolean valid = true;

		void update(byte[] block, int length) {
			int offset = 0;
			while (this.valid && offset < length) {
				int count = Math.min(length - offset, this.bytes.remaining());
				this.bytes.put(block, offset, count);
				offset += count;
				this.bytes.flip();
				this.valid = decode(false);
				this.bytes.compact();
			}
		}

		boolean valid() {
			if (!this.valid) {
				return false;
			}
			this.bytes.flip();
			return decode(true) && !this.bytes.hasRemaining();
		}

		private boolean decode(boolean end) {
			CoderResult result;
			do {
				result = this.decoder.decode(this.bytes, this.chars, end);
				this.chars.clear();
			}
			while (result.isOverflow());
			return !result.isError();
		}

	}

}
