package fr.atlas.prospects.web;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * SIREN and SIRET as the French read and write them, in groups: "732 829 320" and "732
 * 829 320 00074" (the SIREN, then the establishment's five digits). Stored and exported
 * as bare digits; the search finds an agency by either form. A value that is not 9 or 14
 * digits is shown as it is.
 */
@Component
public class RegistryNumbers {

	public @Nullable String siren(@Nullable String siren) {
		return grouped(siren);
	}

	public @Nullable String siret(@Nullable String siret) {
		return grouped(siret);
	}

	static @Nullable String grouped(@Nullable String number) {
		if (number == null || !number.chars().allMatch(Character::isDigit)) {
			return number;
		}
		if (number.length() == 9) {
			return number.substring(0, 3) + ' ' + number.substring(3, 6) + ' ' + number.substring(6);
		}
		if (number.length() == 14) {
			return grouped(number.substring(0, 9)) + ' ' + number.substring(9);
		}
		return number;
	}

}
