package fr.atlas.platform;

import java.time.Duration;
import java.util.Arrays;
import java.util.function.Supplier;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;

/**
 * How Atlas calls a service outside itself (SMTP today; SIRENE, LLMs and Stripe as they
 * come): a few attempts with exponential backoff and jitter, so a blip is not an error,
 * inside a circuit breaker, so a service that is down is not hammered and callers fail at
 * once instead of waiting on every request. The call's own timeouts bound each attempt.
 */
public final class OutsideCall {

	private final CircuitBreaker breaker;

	private final Retry retry;

	@SafeVarargs
	private OutsideCall(String name, Policy policy, Class<? extends Throwable>... permanent) {
		this.breaker = CircuitBreaker.of(name,
				CircuitBreakerConfig.custom()
					.slidingWindowSize(policy.window())
					.minimumNumberOfCalls(policy.window())
					.failureRateThreshold(50)
					.waitDurationInOpenState(policy.openFor())
					// so that open() turns false once the pause is over, without a call
					// to probe it
					.automaticTransitionFromOpenToHalfOpenEnabled(true)
					.permittedNumberOfCallsInHalfOpenState(1)
					.build());
		this.retry = Retry.of(name,
				RetryConfig.custom()
					.maxAttempts(policy.attempts())
					.intervalFunction(IntervalFunction.ofExponentialRandomBackoff(policy.firstBackoff(), 2.0, 0.5))
					.ignoreExceptions(notRetried(permanent))
					.build());
	}

	@SuppressWarnings("unchecked")
	private static Class<? extends Throwable>[] notRetried(Class<? extends Throwable>[] permanent) {
		Class<? extends Throwable>[] all = Arrays.copyOf(permanent, permanent.length + 1);
		all[permanent.length] = CallNotPermittedException.class;
		return all;
	}

	/**
	 * Calls to {@code name}; failures of the {@code permanent} types (a refused password,
	 * a malformed request) are not retried, as trying again cannot help.
	 */
	@SafeVarargs
	public static OutsideCall to(String name, Policy policy, Class<? extends Throwable>... permanent) {
		return new OutsideCall(name, policy, permanent);
	}

	public void run(Runnable work) {
		call(() -> {
			work.run();
			return null;
		});
	}

	/**
	 * Calls, retrying failures. Throws the last failure once the attempts are spent, or
	 * {@link Unavailable} while the breaker is open.
	 */
	public <T> T call(Supplier<T> work) {
		Supplier<T> guarded = CircuitBreaker.decorateSupplier(this.breaker, work);
		try {
			return Retry.decorateSupplier(this.retry, guarded).get();
		}
		catch (CallNotPermittedException ex) {
			throw new Unavailable(this.breaker.getName(), ex);
		}
	}

	/** Whether calls are refused at once, the service having failed too often lately. */
	public boolean open() {
		return this.breaker.getState() == CircuitBreaker.State.OPEN;
	}

	/**
	 * Attempts per call, the wait before the second one (doubled each time, with jitter),
	 * how many recent calls decide whether the service is down (half of them failed), and
	 * how long it is then left alone.
	 */
	public record Policy(int attempts, Duration firstBackoff, int window, Duration openFor) {

		public static final Policy DEFAULT = new Policy(3, Duration.ofMillis(500), 10, Duration.ofSeconds(30));

		public Policy withOpenFor(Duration pause) {
			return new Policy(this.attempts, this.firstBackoff, this.window, pause);
		}

	}

	/** The service failed too often lately: not called, to let it recover. */
	public static final class Unavailable extends RuntimeException {

		Unavailable(String name, Throwable cause) {
			super(name + " is unavailable for now", cause);
		}

	}

}
