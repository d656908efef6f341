package fr.atlas.tenancy.internal;

import java.time.Duration;

import org.springframework.security.authentication.LockedException;

/**
 * The account is locked after repeated failures, for {@link #retryAfter()} more.
 */
class AccountLockedException extends LockedException {

	private final Duration retryAfter;

	AccountLockedException(Duration retryAfter) {
		super("locked");
		this.retryAfter = retryAfter;
	}

	Duration retryAfter() {
		return this.retryAfter;
	}

	long retryAfterSeconds() {
		return Math.max(1, (this.retryAfter.toMillis() + 999) / 1000);
	}

}
