package fr.atlas.prospects.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import fr.atlas.platform.InvalidInputException;
import fr.atlas.platform.InvalidInputException.FieldProblem;

/**
 * Which field each column of a file feeds: detected from its header, then overridden by
 * the user's {@code {"column header": "field"}} choices.
 */
public record ColumnMapping(List<String> headers, List<ImportField> fields) {

	public ColumnMapping {
		headers = List.copyOf(headers);
		fields = List.copyOf(fields);
	}

	/**
	 * Detects the mapping of a header line. Duplicate headers are refused: nobody could
	 * tell which of the two columns an override means.
	 * @throws InvalidInputException for duplicate headers, an unknown field in the
	 * overrides, or a header line naming nothing importable
	 */
	public static ColumnMapping detect(List<String> headers, Map<String, String> overrides) {
		ColumnMapping mapping = read(headers, overrides);
		if (!mapping.identifiesAgencies()) {
			throw new InvalidInputException("file", "prospects.import.no-known-column");
		}
		return mapping;
	}

	/**
	 * The mapping of a header line as {@link #detect} reads it, even when it identifies
	 * no agency: a draft of the wizard, whose columns the user then chooses.
	 * @throws InvalidInputException for duplicate headers or an unknown field in the
	 * overrides
	 */
	static ColumnMapping read(List<String> headers, Map<String, String> overrides) {
		List<FieldProblem> problems = new ArrayList<>();
		Map<String, Integer> seen = new HashMap<>();
		for (int i = 0; i < headers.size(); i++) {
			String key = CleanText.words(headers.get(i));
			if (key.isEmpty()) {
				continue;
			}
			if (seen.putIfAbsent(key, i) != null) {
				problems.add(new FieldProblem("file", "prospects.import.duplicate-header", headers.get(i)));
			}
		}
		Map<String, ImportField> chosen = new HashMap<>();
		// built once, and said in the first problem of a column the file does not have
		// only: a mapping naming thousands of them repeated it in each (ADR 0121)
		String known = columns(headers);
		int[] unknownColumns = { 0 };
		overrides.forEach((key, value) -> {
			if (CleanText.words(key).isEmpty() && value != null
					&& ImportField.parse(value).orElse(null) == ImportField.IGNORED) {
				// a column without a header (the trailing ";" of a spreadsheet's
				// export) stays ignored in the mapping the job stores
				return;
			}
			// written the other way round, {"field": "column header"}: read it so
			// when the key is no column and the value is one
			boolean reversed = !seen.containsKey(CleanText.words(key)) && value != null
					&& seen.containsKey(CleanText.words(value)) && ImportField.parse(key).isPresent();
			String header = reversed ? value : key;
			String field = reversed ? key : value;
			if (field == null || field.isBlank()) {
				// {"Ville": null} or {"Ville": ""}: say which column has no field and how
				// to leave it out ("" was an unknown field "", naming neither)
				problems.add(new FieldProblem("mapping", "prospects.import.no-field", header));
				return;
			}
			if (!reversed && !seen.containsKey(CleanText.words(key)) && ImportField.parse(key).isPresent()
					&& ImportField.parse(value).isEmpty()) {
				// {"name": "a column the file does not have"}
				problems.add(new FieldProblem("mapping", "prospects.import.unknown-column", value, known,
						unknownColumns[0]++));
				return;
			}
			Optional<ImportField> parsed = ImportField.parse(field);
			if (parsed.isEmpty()) {
				problems.add(new FieldProblem("mapping", "prospects.import.unknown-field", field));
			}
			else if (!seen.containsKey(CleanText.words(header))) {
				problems.add(new FieldProblem("mapping", "prospects.import.unknown-column", header, known,
						unknownColumns[0]++));
			}
			else {
				ImportField before = chosen.put(CleanText.words(header), parsed.get());
				if (before != null && before != parsed.get()) {
					// {"Ville": "city", "ville": "name"}: one column, two fields
					problems.add(new FieldProblem("mapping", "prospects.import.column-mapped-twice",
							headers.get(seen.get(CleanText.words(header)))));
				}
			}
		});
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		List<ImportField> fields = new ArrayList<>();
		for (String header : headers) {
			String key = CleanText.words(header);
			fields.add(chosen.getOrDefault(key, ImportField.forHeader(header).orElse(ImportField.IGNORED)));
		}
		resolveNom(headers, fields, chosen);
		return new ColumnMapping(headers, fields);
	}

	/**
	 * The file's columns as a mapping names them, for a problem that cites one it does
	 * not have: {@code {"0": "name"}} or a header mistyped is put right by reading them.
	 */
	private static String columns(List<String> headers) {
		return headers.stream()
			.filter((header) -> !CleanText.words(header).isEmpty())
			.map((header) -> "\"" + header + "\"")
			.collect(java.util.stream.Collectors.joining(", "));
	}

	/**
	 * "Nom" next to "Prénom" and a company column is the contact's last name, not the
	 * agency's.
	 */
	private static void resolveNom(List<String> headers, List<ImportField> fields, Map<String, ImportField> chosen) {
		boolean hasCompany = false;
		for (int i = 0; i < headers.size(); i++) {
			String key = CleanText.words(headers.get(i));
			if (fields.get(i) == ImportField.NAME && !key.equals("nom") && !key.equals("name")
					|| fields.get(i) == ImportField.TRADE_NAME) {
				hasCompany = true;
			}
		}
		if (!hasCompany || !fields.contains(ImportField.CONTACT_FIRST_NAME)) {
			return;
		}
		for (int i = 0; i < headers.size(); i++) {
			String key = CleanText.words(headers.get(i));
			if ((key.equals("nom") || key.equals("name")) && !chosen.containsKey(key)) {
				fields.set(i, ImportField.CONTACT_LAST_NAME);
			}
		}
	}

	/** Whether at least one column can say which agency a row is. */
	public boolean identifiesAgencies() {
		return this.fields.stream().anyMatch(ColumnMapping::identifies);
	}

	/** Whether a column of this field can tell a row's agency. */
	static boolean identifies(ImportField f) {
		return f == ImportField.NAME || f == ImportField.TRADE_NAME || f == ImportField.SIRET || f == ImportField.SIREN
				|| f == ImportField.EMAIL || f == ImportField.PHONE || f == ImportField.MOBILE;
	}

	/**
	 * Whether its column of counts holds INSEE's codes of bands after all, as its header
	 * says: "Tranche d'effectif" mapped to {@code headcount} by a preset saved before the
	 * {@link ImportField#HEADCOUNT_BAND band field}, or by a client's mapping. The cell
	 * alone cannot tell: "12" is 12 people as a count and 20 to 49 as a code (ADR 0042).
	 */
	boolean headcountInBands() {
		for (int i = 0; i < this.fields.size(); i++) {
			if (this.fields.get(i) == ImportField.HEADCOUNT && ImportField.namesBands(this.headers.get(i))) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Header → field key, in column order, as stored with the job and shown in the
	 * wizard.
	 */
	public Map<String, String> asMap() {
		Map<String, String> map = new LinkedHashMap<>();
		for (int i = 0; i < this.headers.size(); i++) {
			map.put(this.headers.get(i), this.fields.get(i).key());
		}
		return Collections.unmodifiableMap(map);
	}

	ImportField field(int column) {
		return column < this.fields.size() ? this.fields.get(column) : ImportField.IGNORED;
	}

}
