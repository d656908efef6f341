package fr.atlas.prospects.web;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import fr.atlas.platform.InvalidInputException;

import org.springframework.context.MessageSource;

/**
 * A refused form's reasons by field, in the reader's language, to show next to each field
 * (two reasons of one field side by side).
 */
final class FieldErrors {

	private FieldErrors() {
	}

	static Map<String, String> of(InvalidInputException ex, MessageSource messages, Locale locale) {
		Map<String, String> errors = new LinkedHashMap<>();
		ex.problems()
			.forEach((problem) -> errors.merge(problem.field(),
					messages.getMessage(problem.code(), problem.arguments(), problem.code(), locale),
					(a, b) -> a + " " + b));
		return errors;
	}

}
