package fr.atlas.platform;

import java.util.List;

/**
 * Input that breaks a rule of the domain, reported field by field. Messages are message
 * codes of the bundles, resolved in the user's language.
 */
public class InvalidInputException extends RuntimeException {

	private final List<FieldProblem> problems;

	public InvalidInputException(List<FieldProblem> problems) {
		super(problems.toString());
		this.problems = List.copyOf(problems);
	}

	public InvalidInputException(String field, String code, Object... arguments) {
		this(List.of(new FieldProblem(field, code, arguments)));
	}

	public List<FieldProblem> problems() {
		return this.problems;
	}

	public record FieldProblem(String field, String code, Object... arguments) {
	}

}
