package fr.atlas.tenancy.internal;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.SequenceInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import org.jspecify.annotations.Nullable;

/**
 * A request with its JSON body read ahead, so that {@link IdempotencyKeyFilter} can name
 * the request by its body and the controller still read it. Any other body (a multipart
 * upload, a form) is passed on unread ({@code bytes} null), and a JSON body larger than
 * {@code largest} is passed on whole but not kept: the address and key name those
 * requests alone.
 */
record BodyRead(HttpServletRequest request, byte @Nullable [] bytes) {

	static BodyRead of(HttpServletRequest request, int largest) throws IOException {
		String type = request.getContentType();
		if (type == null || !type.toLowerCase(Locale.ROOT).contains("json")) {
			return new BodyRead(request, null);
		}
		InputStream in = request.getInputStream();
		byte[] start = in.readNBytes(largest + 1);
		if (start.length > largest) {
			return new BodyRead(new ReadAhead(request, new SequenceInputStream(new ByteArrayInputStream(start), in)),
					null);
		}
		return new BodyRead(new ReadAhead(request, new ByteArrayInputStream(start)), start);
	}

	/** The request with its body served from what was read ahead. */
	private static final class ReadAhead extends HttpServletRequestWrapper {

		private final InputStream body;

		ReadAhead(HttpServletRequest request, InputStream body) {
			super(request);
			this.body = body;
		}

		@Override
		public ServletInputStream getInputStream() {
			InputStream in = this.body;
			return new ServletInputStream() {

				@Override
				public int read() throws IOException {
					return in.read();
				}

				@Override
				public int read(byte[] b, int off, int len) throws IOException {
					return in.read(b, off, len);
				}

				@Override
				public boolean isFinished() {
					try {
						return in.available() == 0;
					}
					catch (IOException ex) {
						return true;
					}
				}

				@Override
				public boolean isReady() {
					return true;
				}

				// the body is at hand (or behind a blocking stream): it can all be
				// read at once
				@Override
				public void setReadListener(ReadListener listener) {
					try {
						listener.onDataAvailable();
						listener.onAllDataRead();
					}
					catch (IOException ex) {
						listener.onError(ex);
					}
				}

			};
		}

		@Override
		public BufferedReader getReader() {
			String encoding = getCharacterEncoding();
			Charset charset = (encoding != null) ? Charset.forName(encoding) : StandardCharsets.UTF_8;
			return new BufferedReader(new InputStreamReader(getInputStream(), charset));
		}

	}

}
