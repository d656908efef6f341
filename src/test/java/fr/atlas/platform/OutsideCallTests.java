package fr.atlas.platform;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class OutsideCallTests {

	private static final OutsideCall.Policy QUICK = new OutsideCall.Policy(3, Duration.ofMillis(1), 4,
			Duration.ofHours(1));

	@Test
	void triesAgainAfterAPassingFailure() {
		Service service = new Service(new IllegalStateException("421 try later"), new IllegalStateException("timeout"));
		assertThat(OutsideCall.to("test", QUICK).call(service::answer)).isEqualTo("ok");
		assertThat(service.calls).isEqualTo(3);
	}

	@Test
	void doesNotRetryAPermanentFailure() {
		Service service = new Service(new IllegalArgumentException("535 bad credentials"));
		OutsideCall call = OutsideCall.to("test", QUICK, IllegalArgumentException.class);
		assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(() -> call.call(service::answer));
		assertThat(service.calls).isEqualTo(1);
	}

	@Test
	void stopsCallingAServiceThatIsDown() {
		Service service = new Service();
		service.down = true;
		OutsideCall call = OutsideCall.to("test", QUICK);
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> call.call(service::answer));
		assertThat(service.calls).as("every attempt of the first call").isEqualTo(3);
		assertThat(call.open()).isFalse();
		assertThatExceptionOfType(OutsideCall.Unavailable.class).isThrownBy(() -> call.call(service::answer));
		assertThat(service.calls).as("the breaker opened after 4 failed attempts").isEqualTo(4);
		assertThat(call.open()).isTrue();
		assertThatExceptionOfType(OutsideCall.Unavailable.class).isThrownBy(() -> call.call(service::answer));
		assertThat(service.calls).as("not called while open").isEqualTo(4);
	}

	@Test
	void triesAgainOnceThePauseIsOver() throws InterruptedException {
		Service service = new Service();
		service.down = true;
		OutsideCall call = OutsideCall.to("test",
				new OutsideCall.Policy(2, Duration.ofMillis(1), 2, Duration.ofMillis(200)));
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> call.call(service::answer));
		assertThat(call.open()).isTrue();
		Thread.sleep(600);
		assertThat(call.open()).as("half open: the next call goes through").isFalse();
		service.down = false;
		assertThat(call.call(service::answer)).isEqualTo("ok");
	}

	/** A service failing with the given errors, one per call, then answering. */
	private static final class Service {

		private final List<RuntimeException> failures;

		private int calls;

		private boolean down;

		Service(RuntimeException... failures) {
			this.failures = new ArrayList<>(List.of(failures));
		}

		String answer() {
			this.calls++;
			if (this.down) {
				throw new IllegalStateException("connection refused");
			}
			if (!this.failures.isEmpty()) {
				throw this.failures.remove(0);
			}
			return "ok";
		}

	}

}
