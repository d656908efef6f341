package fr.atlas.tenancy.internal;

import java.util.Locale;
import java.util.Set;

import fr.atlas.platform.InvalidInputException;

import org.springframework.stereotype.Component;

/**
 * What a password must be: long enough, not only letters or only digits, not the e-mail,
 * not one of the passwords every attacker tries first.
 */
@Component
class PasswordPolicy {

	private static final Set<String> COMMON = Set.of("motdepasse123", "password1234", "azertyuiop12", "123456789012",
			"qwertyuiop12", "atlasatlas12", "immobilier123", "bonjour12345");

	private final int minimumLength;

	PasswordPolicy(SecurityProperties properties) {
		this.minimumLength = properties.passwordMinLength();
	}

	void check(String field, String password, String email) {
		if (password == null || password.length() < this.minimumLength) {
			throw new InvalidInputException(field, "password.too-short", this.minimumLength);
		}
		if (password.length() > 200) {
			throw new InvalidInputException(field, "password.too-long");
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
