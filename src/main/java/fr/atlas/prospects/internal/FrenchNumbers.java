package fr.atlas.prospects.internal;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Numbers as French files write them: "1 032 000", "1.032.000", "1 032 000,50 €", "1,5
 * M€", "250 k€", "2 Md€", and the English "1,032,000.50"; the currency may also come
 * first, as English and some CRMs write it: "€250k", "€ 1,5M", "EUR 250 000".
 */
final class FrenchNumbers {

	private static final Pattern AMOUNT = Pattern
		.compile("^([-+]?[0-9][0-9 .,']*)\\s*(k|ke|keur|milliers?|m|me|meur|mio|millions?|md|mds|mde|milliards?)?$");

	/**
	 * The currency (already written "e") before the amount, after its sign or before it:
	 * "e250k", "e 1,5m", "-e250k".
	 */
	private static final Pattern CURRENCY_FIRST = Pattern.compile("^([-+]?)\\s*e\\s*(?=[-+]?[0-9])");

	/** "1,5e+6" once lowered: a mantissa, "e", an exponent. */
	private static final Pattern SCIENTIFIC = Pattern
		.compile("([-+]?[0-9]{1,15}(?:[.,][0-9]{1,15})?)e([-+]?[0-9]{1,2})");

	private FrenchNumbers() {
	}

	static Checked<BigDecimal> parse(@Nullable String raw) {
		String text = CleanText.of(raw);
		if (text == null) {
			return Checked.blank();
		}
		text = text.toLowerCase(Locale.ROOT)
			.replace('\u00A0', ' ')
			.replace('\u202F', ' ')
			.replace("€", "e")
			.replace("euros", "e")
			.replace("euro", "e")
			.replace("eur", "e")
			.strip();
		Matcher first = CURRENCY_FIRST.matcher(text);
		if (first.lookingAt()) {
			// the currency once, before: what follows is the amount and its multiplier
			text = first.group(1) + text.substring(first.end());
		}
		else if (text.endsWith("e") && !text.matches(".*(k|m|md|mds)e$")) {
			text = text.substring(0, text.length() - 1).strip();
		}
		Matcher matcher = AMOUNT.matcher(text);
		if (!matcher.matches()) {
			return scientific(text);
		}
		BigDecimal multiplier = multiplier(matcher.group(2));
		String number = decimalForm(matcher.group(1).replace(" ", "").replace("'", ""),
				multiplier.equals(BigDecimal.ONE));
		if (number == null) {
			return Checked.invalid("invalid_number");
		}
		try {
			return Checked.ok(new BigDecimal(number).multiply(multiplier).stripTrailingZeros());
		}
		catch (NumberFormatException ex) {
			return Checked.invalid("invalid_number");
		}
	}

	/**
	 * A number in scientific notation, as spreadsheets write a large one ("1,5E+6",
	 * "1.23457E+11") and Java programs any from ten million ("1.2345678E7"): an amount
	 * like any other, as "1,5 M€" is.
	 */
	private static Checked<BigDecimal> scientific(String text) {
		Matcher scientific = (text.indexOf('e') > 0) ? SCIENTIFIC.matcher(text) : null;
		if (scientific == null || !scientific.matches()) {
			return Checked.invalid("invalid_number");
		}
		BigDecimal mantissa = new BigDecimal(scientific.group(1).replace(',', '.'));
		return Checked.ok(mantissa.scaleByPowerOfTen(Integer.parseInt(scientific.group(2))).stripTrailingZeros());
	}

	private static BigDecimal multiplier(@Nullable String suffix) {
		if (suffix == null) {
			return BigDecimal.ONE;
		}
		if (suffix.startsWith("k") || suffix.startsWith("millier")) {
			return BigDecimal.valueOf(1_000);
		}
		if (suffix.startsWith("md") || suffix.startsWith("milliard")) {
			return BigDecimal.valueOf(1_000_000_000);
		}
		return BigDecimal.valueOf(1_000_000);
	}

	/**
	 * Decides which of ',' and '.' is the decimal separator: the last one when both
	 * appear; a lone separator followed by exactly three digits groups thousands when the
	 * number has no multiplier ("1.032" is a thousand and thirty-two, "1,5" one and a
	 * half).
	 */
	private static @Nullable String decimalForm(String number, boolean plain) {
		int comma = number.lastIndexOf(',');
		int dot = number.lastIndexOf('.');
		if (comma >= 0 && dot >= 0) {
			char decimal = comma > dot ? ',' : '.';
			char grouping = comma > dot ? '.' : ',';
			return number.replace(String.valueOf(grouping), "").replace(decimal, '.');
		}
		char separator = comma >= 0 ? ',' : (dot >= 0 ? '.' : 0);
		if (separator == 0) {
			return number;
		}
		String sep = String.valueOf(separator);
		long count = number.chars().filter((c) -> c == separator).count();
		boolean groupsOfThree = number.matches("[-+]?[0-9]{1,3}(" + Pattern.quote(sep) + "[0-9]{3})+");
		if (count > 1) {
			return groupsOfThree ? number.replace(sep, "") : null;
		}
		if (groupsOfThree && plain) {
			return number.replace(sep, "");
		}
		return number.replace(separator, '.');
	}

}
