package fr.atlas.cases.engine;

import java.util.List;

/**
 * A definition that {@link WorkflowValidation} refused was about to be run or published.
 */
public class InvalidWorkflowException extends RuntimeException {

	private final List<DefinitionProblem> problems;

	public InvalidWorkflowException(List<DefinitionProblem> problems) {
		super(problems.toString());
		this.problems = List.copyOf(problems);
	}

	public List<DefinitionProblem> problems() {
		return this.problems;
	}

}
