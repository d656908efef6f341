package fr.atlas.prospects.web;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * An amount in euros as the reader writes it: "1 032 000 €" in French (plain spaces, as
 * the rest of the page), "€1,032,000" in English; cents only when there are some.
 */
@Component
public class EuroAmounts {

	public String of(@Nullable Long cents, Locale locale) {
		if (cents == null) {
			return "—";
		}
		boolean whole = cents % 100 == 0;
		Object shown = whole ? (Object) (cents / 100) : (Object) (cents / 100.0);
		if ("fr".equals(locale.getLanguage())) {
			return String.format(Locale.FRANCE, whole ? "%,d €" : "%,.2f €", shown)
				.replace('\u202F', ' ')
				.replace('\u00A0', ' ');
		}
		return String.format(Locale.UK, whole ? "€%,d" : "€%,.2f", shown);
	}

	/** A provenance line's value: cents as text, shown as it is when it is no number. */
	public String ofCents(String cents, Locale locale) {
		try {
			return of(Long.parseLong(cents), locale);
		}
		catch (NumberFormatException ex) {
			return cents;
		}
	}

}
