package fr.atlas.cases.web;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;

/**
 * Sums of euros as the reader's language writes them: "1 250 000 €" in French, digits
 * grouped by narrow no-break spaces and a no-break space before the sign, so neither is
 * ever left alone at the start of a line; "€1,250,000" in English. Cents are shown only
 * when there are some. The board's script writes the same with {@code Intl.NumberFormat}.
 */
final class EuroTotals {

	/**
	 * What a column with no case shows for its sum: "0 €" read as cases worth nothing.
	 */
	static final String NONE = "—";

	private static final Currency EUR = Currency.getInstance("EUR");

	private EuroTotals() {
	}

	static String format(BigDecimal amount, Locale locale) {
		NumberFormat format = NumberFormat
			.getCurrencyInstance("en".equals(locale.getLanguage()) ? Locale.UK : Locale.FRANCE);
		format.setCurrency(EUR);
		boolean whole = amount.stripTrailingZeros().scale() <= 0;
		format.setMinimumFractionDigits(whole ? 0 : 2);
		format.setMaximumFractionDigits(whole ? 0 : 2);
		return format.format(amount);
	}

}
