package fr.atlas.prospects.internal;

import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * The outcome of normalising one raw value: the clean value, nothing (blank input), or
 * the code of the problem that made it unusable ({@code invalid},
 * {@code invalid_checksum}...).
 */
record Checked<T>(@Nullable T value, @Nullable String problem) {

	static <T> Checked<T> ok(T value) {
		return new Checked<>(value, null);
	}

	static <T> Checked<T> blank() {
		return new Checked<>(null, null);
	}

	static <T> Checked<T> invalid(String problem) {
		return new Checked<>(null, problem);
	}

	Optional<T> get() {
		return Optional.ofNullable(this.value);
	}

	boolean isInvalid() {
		return this.problem != null;
	}

}
