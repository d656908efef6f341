package fr.atlas.tenancy.internal;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

import fr.atlas.platform.InvalidInputException;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * What a password must be: long enough, not only letters or only digits, not the e-mail,
 * not one of the passwords every attacker tries first.
 */
@Component
class PasswordPolicy {

	private static final Set<String> COMMON = Set.of("motdepasse123", "password1234", "azertyuiop12", "123456789012",
			"qwertyuiop12", "atlasatlas12", "immobilier123", "bonjour12345");

	/** The most bcrypt hashes: 72 bytes of UTF-8, as many letters without accents. */
	static final int MAX_BYTES = 72;

	private final int minimumLength;

	PasswordPolicy(SecurityProperties properties) {
		this.minimumLength = properties.passwordMinLength();
	}

	void check(String field, @Nullable String password, String email) {
		// a password left out of a body is missing, as every other property (ADR 0106)
		if (password == null) {
			throw new InvalidInputException(field, "field.required");
		}
		// characters as a person counts them: an emoji is one, not two UTF-16 units
		if (password.codePointCount(0, password.length()) < this.minimumLength) {
			throw new InvalidInputException(field, "password.too-short", this.minimumLength);
		}
		// bcrypt reads 72 bytes and refuses more: a longer password was a 500 (ADR 0070)
		if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
			throw new InvalidInputException(field, "password.too-long", MAX_BYTES);
		}
		boolean letters = password.chars().anyMatch(Character::isLetter);
		boolean others = password.chars().anyMatch((c) -> !Character.isLetter(c));
		if (!letters || !others) {
			throw new InvalidInputException(field, "password.too-simple");
		}
		String lower = password.toLowerCase(Locale.ROOT);
		String local = email.toLowerCase(Locale.ROOT).split("@")[0];
		if (COMMON.contains(lower) || (local.length() >= 4 && lower.contains(local))) {
			throw new InvalidInputException(field, "password.too-guessable");
		}
	}

}
