package fr.atlas.prospects.web;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * An import's problem ({@code field:code}) in words. The bundles word a bad value's
 * reason alone, as a form or an API call that sends it is refused with it; in a file the
 * value is left out and the rest of its row kept, which the words of an import say.
 */
@Component("importProblemWords")
public class ImportProblemWords {

	private static final String FORMULA_WITHOUT_VALUE = ":formula_without_value";

	private final MessageSource messages;

	ImportProblemWords(MessageSource messages) {
		this.messages = messages;
	}

	public String of(String code, Locale locale) {
		if (code.endsWith(FORMULA_WITHOUT_VALUE)) {
			// one message for every field, which it names
			String field = code.substring(0, code.length() - FORMULA_WITHOUT_VALUE.length());
			String label = this.messages.getMessage("prospects.field." + field, null, field, locale);
			return this.messages.getMessage("prospects.problem.formula_without_value", new Object[] { label }, code,
					locale);
		}
		String reason = this.messages.getMessage("prospects.problem." + code.replace(':', '.'), null, null, locale);
		if (reason == null) {
			return code;
		}
		// a row's problem says what became of the row, and a SIRET cut to its SIREN
		// keeps that SIREN
		if (code.startsWith("row:") || code.equals("siret:siren_only")) {
			return reason;
		}
		return this.messages.getMessage("prospects.problem.left-out", new Object[] { reason }, locale);
	}

}
