package fr.atlas.prospects.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import fr.atlas.platform.InvalidInputException.FieldProblem;
import org.jspecify.annotations.Nullable;

/**
 * Values a person typed, as one import row: they go through the import's own rules
 * ({@link RowNormaliser}), so an edited agency or contact is cleaned, checked and later
 * matched exactly as an imported one.
 */
final class TypedRow {

	private final List<String> headers = new ArrayList<>();

	private final List<ImportField> fields = new ArrayList<>();

	private final List<String> cells = new ArrayList<>();

	TypedRow column(ImportField field, @Nullable String value) {
		this.headers.add(field.key() + "-" + this.headers.size());
		this.fields.add(field);
		this.cells.add((value != null) ? value : "");
		return this;
	}

	NormalisedRow normalise() {
		return new RowNormaliser(new ColumnMapping(this.headers, this.fields))
			.normalise(new SourceRow(1, this.cells, String.join(";", this.cells), null));
	}

	/**
	 * Refuses, into {@code problems}, the fields of a body that are not {@code known},
	 * and a body with none at all ({@code nothing}, the message of an empty one).
	 */
	static void checkFields(Map<String, @Nullable Object> body, Set<String> known, String nothing,
			List<FieldProblem> problems) {
		body.keySet()
			.stream()
			.filter((field) -> !known.contains(field))
			.forEach((field) -> problems.add(new FieldProblem(field, "prospects.edit.unknown-field", field)));
		if (problems.isEmpty() && body.isEmpty()) {
			problems.add(new FieldProblem("body", nothing));
		}
	}

	/** A text value of a JSON body: a string or a number; anything else is refused. */
	static @Nullable String text(@Nullable Object value, String field, List<FieldProblem> problems) {
		if (value == null || value instanceof String || value instanceof Number) {
			return (value != null) ? value.toString() : null;
		}
		problems.add(new FieldProblem(field, "prospects.edit.not-text"));
		return null;
	}

	/** A list value of a JSON body: strings, or one string. */
	static List<String> list(@Nullable Object value, String field, List<FieldProblem> problems) {
		if (value == null) {
			return List.of();
		}
		if (value instanceof String text) {
			return List.of(text);
		}
		if (value instanceof Collection<?> values && values.stream().allMatch((v) -> v instanceof String)) {
			return values.stream().map(String.class::cast).toList();
		}
		problems.add(new FieldProblem(field, "prospects.edit.not-a-list"));
		return List.of();
	}

	static boolean blank(@Nullable Object value) {
		return value == null || (value instanceof String text && text.isBlank());
	}

}
