package fr.atlas.cases.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import fr.atlas.platform.InvalidInputException;
import fr.atlas.platform.InvalidInputException.FieldProblem;
import org.jspecify.annotations.Nullable;

/**
 * The custom fields a case type allows. Values sent by users are checked and normalised
 * against it: unknown keys and values of the wrong type are refused field by field;
 * numbers may come as text ("250000"), and a null or blank value removes the field.
 */
public record FieldSchema(List<FieldSpec> fields) {

	public FieldSchema {
		fields = List.copyOf(fields);
	}

	public Optional<FieldSpec> field(String key) {
		return this.fields.stream().filter((f) -> f.key().equals(key)).findFirst();
	}

	/**
	 * The field a case's value is in, which the board sums per column (ADR 0091): the
	 * first NUMBER field whose label, in any language, says it is in euros ("Budget (€)",
	 * "Loyer (€)", "Montant en euros", "Prix EUR"). The model has no money type: a NUMBER
	 * may be a surface or a count of rooms, and summing those would be nonsense.
	 */
	public Optional<FieldSpec> moneyField() {
		return this.fields.stream()
			.filter((f) -> f.type() == FieldSpec.Type.NUMBER)
			.filter((f) -> f.labels().values().stream().anyMatch(FieldSchema::namesEuros))
			.findFirst();
	}

	private static boolean namesEuros(String label) {
		return label.contains("€") || EUROS.matcher(label).find();
	}

	private static final java.util.regex.Pattern EUROS = java.util.regex.Pattern
		.compile("(?iu)(?<![\\p{L}])(euros?|eur)(?![\\p{L}])");

	/** The longest text a field holds, as long as a note. */
	static final int MAX_TEXT = 10_000;

	public boolean has(String key) {
		return field(key).isPresent();
	}

	/**
	 * Applies changes to current values and returns the result; throws with every problem
	 * found, prefixed {@code fields.}.
	 */
	public Map<String, Object> apply(Map<String, Object> current, Map<String, ?> changes) {
		Map<String, Object> result = new LinkedHashMap<>(current);
		List<FieldProblem> problems = new ArrayList<>();
		changes.forEach((key, value) -> {
			FieldSpec spec = field(key).orElse(null);
			if (spec == null) {
				problems.add(new FieldProblem("fields." + key, "case.field.unknown", key));
				return;
			}
			if (value == null || (value instanceof String text && text.isBlank())) {
				result.remove(key);
				return;
			}
			Object normalised = normalise(spec, value);
			if (normalised instanceof String text && text.length() > MAX_TEXT) {
				// as a note: a field is something to read on the case page, not a file
				problems.add(new FieldProblem("fields." + key, "field.too-long", MAX_TEXT));
			}
			else if (normalised instanceof Number number && !withinRange(number)
					&& !sameNumber(current.get(key), number)) {
				// (a value kept before the bound, sent back unchanged with the case, is
				// still no change)
				problems
					.add(new FieldProblem("fields." + key, "case.field.number-out-of-range", MAX_DIGITS, MAX_DECIMALS));
			}
			else if (normalised == null) {
				problems.add(new FieldProblem("fields." + key, "case.field.invalid-" + spec.type().name().toLowerCase(),
						spec.options().isEmpty() ? key : String.join(", ", spec.options())));
			}
			else {
				result.put(key, normalised);
			}
		});
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		return result;
	}

	private static @Nullable Object normalise(FieldSpec spec, Object value) {
		return switch (spec.type()) {
			case TEXT -> (value instanceof String || value instanceof Number) ? value.toString().trim() : null;
			case NUMBER -> number(value);
			case BOOLEAN -> (value instanceof Boolean) ? value
					: ("true".equals(value) || "false".equals(value)) ? Boolean.valueOf((String) value) : null;
			case DATE -> date(value);
			case CHOICE -> (value instanceof String text && spec.options().contains(text.trim())) ? text.trim() : null;
		};
	}

	/** The most significant digits a NUMBER keeps: what a double gives back exactly. */
	static final int MAX_DIGITS = 15;

	/** The most digits a NUMBER keeps after the decimal point. */
	static final int MAX_DECIMALS = 6;

	/**
	 * Whether a number is one a NUMBER field keeps as it was sent (ADR 0111): at most 15
	 * significant digits, at most 6 of them after the decimal point, so below 10^15. A
	 * budget of 1e300 was kept and read back as a 301-digit figure, and a JSON client (a
	 * double) could not read back what more digits held: 0.1234567890123456789 came back
	 * rounded without a word.
	 */
	static boolean withinRange(Number number) {
		// a double as the shortest decimal that reads back as it: what the client wrote,
		// or, past 17 digits, all that was left of it
		BigDecimal plain = decimal(number).stripTrailingZeros();
		int decimals = Math.max(plain.scale(), 0);
		int wholeDigits = Math.max(plain.precision() - plain.scale(), 0);
		return decimals <= MAX_DECIMALS && wholeDigits + decimals <= MAX_DIGITS;
	}

	private static boolean sameNumber(@Nullable Object stored, Number sent) {
		return stored instanceof Number number && decimal(number).compareTo(decimal(sent)) == 0;
	}

	private static BigDecimal decimal(Number number) {
		return switch (number) {
			case BigDecimal decimal -> decimal;
			case java.math.BigInteger whole -> new BigDecimal(whole);
			case Double real -> BigDecimal.valueOf(real);
			case Float real -> BigDecimal.valueOf(real.doubleValue());
			default -> BigDecimal.valueOf(number.longValue());
		};
	}

	private static @Nullable Object number(Object value) {
		if (value instanceof Double || value instanceof Float) {
			// 1e400 is read as infinity, which no budget is and JSON cannot write back
			double real = ((Number) value).doubleValue();
			return Double.isFinite(real) ? value : null;
		}
		if (value instanceof Number number) {
			return number;
		}
		if (value instanceof String text) {
			try {
				// as the French write an amount: "350 000 €", grouped by any space (a
				// no-break one from a copied figure too), a decimal comma, the euro sign
				String written = text.replaceAll("[\\s\\u00A0\\u202F]", "").replaceFirst("(?i)(€|eur|euros?)$", "");
				BigDecimal parsed = new BigDecimal(written.replace(',', '.'));
				if (parsed.scale() <= 0 && parsed.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0) {
					return parsed.longValueExact();
				}
				// beyond a long, or with decimals: the range check says what is too much
				return parsed;
			}
			catch (NumberFormatException | ArithmeticException ex) {
				return null;
			}
		}
		return null;
	}

	private static @Nullable Object date(Object value) {
		try {
			LocalDate day = (value instanceof String text) ? LocalDate.parse(text.trim()) : null;
			// within the years 1 to 9999, as every other day of the API (FourDigitDays):
			// "+10000-01-01" was kept, and no date field of a page could show it
			return (day != null && day.getYear() >= 1 && day.getYear() <= 9999) ? day.toString() : null;
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	public static FieldSchema read(List<Object> json) {
		List<FieldSpec> fields = new ArrayList<>();
		for (Object element : json) {
			if (element instanceof Map<?, ?> map) {
				Map<String, String> labels = new LinkedHashMap<>();
				if (map.get("labels") instanceof Map<?, ?> l) {
					l.forEach((k, v) -> labels.put(String.valueOf(k), String.valueOf(v)));
				}
				List<String> options = (map.get("options") instanceof List<?> o)
						? o.stream().map(String::valueOf).toList() : List.of();
				fields.add(new FieldSpec(String.valueOf(map.get("key")),
						FieldSpec.Type.valueOf(String.valueOf(map.get("type"))), labels, options));
			}
		}
		return new FieldSchema(fields);
	}

	public List<Map<String, Object>> write() {
		return this.fields.stream().map((f) -> {
			Map<String, Object> m = new LinkedHashMap<>();
			m.put("key", f.key());
			m.put("type", f.type().name());
			m.put("labels", f.labels());
			if (!f.options().isEmpty()) {
				m.put("options", f.options());
			}
			return m;
		}).toList();
	}

}
