package fr.atlas.cases.web;

import java.util.Locale;
import java.util.Map;
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
		return of(ex, Map.of());
	}

	/**
	 * As {@link #of(RuntimeException)}, naming a case's own fields
	 * ({@code fields.budget}) by the labels its type gives them ("Budget (€) : Nombre
	 * attendu"), which no bundle holds.
	 */
	String of(RuntimeException ex, Map<String, String> fieldLabels) {
		Locale locale = LocaleContextHolder.getLocale();
		if (ex instanceof ConflictException conflict) {
			return this.messages.getMessage(conflict.getMessage(), conflict.arguments(), conflict.getMessage(), locale);
		}
		if (ex instanceof InvalidInputException invalid) {
			return invalid.problems()
				.stream()
				.map((p) -> labelled(p.field(), fieldLabels,
						this.messages.getMessage(p.code(), (p.arguments().length > 0) ? p.arguments() : null, p.code(),
								locale),
						locale))
				.collect(Collectors.joining(" · "));
		}
		throw ex;
	}

	/**
	 * A field's problem, led by the field's name as its form shows it ("Titre : Champ
	 * obligatoire"); a field without a label is not named by its code, the sentence
	 * stands alone.
	 */
	private String labelled(String field, Map<String, String> fieldLabels, String problem, Locale locale) {
		// an item of a list (tags[3], participants[0]) is named by its list, as in
		// "Étiquettes : 50 caractères au maximum", rather than by the sentence alone
		String named = field.replaceFirst("\\[\\d+]$", "");
		String label = this.messages.getMessage("cases.problem.field." + named, null, fieldLabels.get(named), locale);
		return (label != null)
				? label + this.messages.getMessage("cases.problem.separator", null, " : ", locale) + problem : problem;
	}

	String text(String code, Object... arguments) {
		return this.messages.getMessage(code, (arguments.length > 0) ? arguments : null, code,
				LocaleContextHolder.getLocale());
	}

}
