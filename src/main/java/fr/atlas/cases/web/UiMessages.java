package fr.atlas.cases.web;

import java.util.Locale;
import java.util.stream.Collectors;

import fr.atlas.platform.ConflictException;
import fr.atlas.platform.InvalidInputException;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Turns the domain's refusals into sentences for the pages, in the user's language.
 */
@Component
class UiMessages {

	private final MessageSource messages;

	UiMessages(MessageSource messages) {
		this.messages = messages;
	}

	String of(RuntimeException ex) {
		Locale locale = LocaleContextHolder.getLocale();
		if (ex instanceof ConflictException conflict) {
			return this.messages.getMessage(conflict.getMessage(), conflict.arguments(), conflict.getMessage(), locale);
		}
		if (ex instanceof InvalidInputException invalid) {
			return invalid.problems()
				.stream()
				.map((p) -> p.field() + " : "
						+ this.messages.getMessage(p.code(), (p.arguments().length > 0) ? p.arguments() : null,
								p.code(), locale))
				.collect(Collectors.joining(" · "));
		}
		throw ex;
	}

	String text(String code, Object... arguments) {
		return this.messages.getMessage(code, (arguments.length > 0) ? arguments : null, code,
				LocaleContextHolder.getLocale());
	}

}
