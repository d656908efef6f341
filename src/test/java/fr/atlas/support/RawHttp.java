package fr.atlas.support;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A request written byte for byte to the application's port: what Tomcat or the firewall
 * refuses before Spring (a control character in a header, {@code TRACE}, a request line
 * too long) cannot be sent through an HTTP client, which checks or rewrites it first.
 */
public final class RawHttp {

	private RawHttp() {
	}

	/** The whole answer, status line and headers included, of a request that closes. */
	public static String send(int port, String request) throws IOException {
		try (Socket socket = new Socket("localhost", port)) {
			socket.setSoTimeout(30_000);
			socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
			socket.getOutputStream().flush();
			return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}
