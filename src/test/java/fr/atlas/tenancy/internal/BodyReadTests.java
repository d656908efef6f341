package fr.atlas.tenancy.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The body an idempotency key's request is named by: read ahead when it is JSON of a
 * reasonable size, and in every case still there, whole, for the controller.
 */
class BodyReadTests {

	@Test
	void readsAJsonBodyAheadAndStillHandsItOn() throws Exception {
		BodyRead read = BodyRead.of(request("application/json", "{\"title\":\"Loft\"}"), 1024);
		assertThat(read.bytes()).asString(StandardCharsets.UTF_8).isEqualTo("{\"title\":\"Loft\"}");
		assertThat(read.request().getReader().readLine()).isEqualTo("{\"title\":\"Loft\"}");
	}

	@Test
	void passesOtherBodiesOnUnread() throws Exception {
		MockHttpServletRequest form = request("application/x-www-form-urlencoded", "title=Loft");
		BodyRead read = BodyRead.of(form, 1024);
		assertThat(read.bytes()).isNull();
		assertThat(read.request()).isSameAs(form);
	}

	@Test
	void handsALargeJsonBodyOnWholeWithoutKeepingIt() throws Exception {
		String large = "{\"text\":\"" + "x".repeat(5000) + "\"}";
		BodyRead read = BodyRead.of(request("application/json;charset=UTF-8", large), 1024);
		assertThat(read.bytes()).isNull();
		assertThat(new String(read.request().getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(large);
	}

	@Test
	void tellsAReadListenerTheWholeBodyIsThere() throws Exception {
		ServletInputStream in = BodyRead.of(request("application/json", "{}"), 1024).request().getInputStream();
		ByteArrayOutputStream got = new ByteArrayOutputStream();
		AtomicBoolean all = new AtomicBoolean();
		in.setReadListener(new ReadListener() {

			@Override
			public void onDataAvailable() throws java.io.IOException {
				got.write(in.readAllBytes());
			}

			@Override
			public void onAllDataRead() {
				all.set(true);
			}

			@Override
			public void onError(Throwable t) {
				throw new AssertionError(t);
			}

		});
		assertThat(got.toString(StandardCharsets.UTF_8)).isEqualTo("{}");
		assertThat(all).isTrue();
		assertThat(in.isFinished()).isTrue();
	}

	private static MockHttpServletRequest request(String type, String body) {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/cases");
		request.setContentType(type);
		request.setContent(body.getBytes(StandardCharsets.UTF_8));
		request.setCharacterEncoding("UTF-8");
		return request;
	}

}
