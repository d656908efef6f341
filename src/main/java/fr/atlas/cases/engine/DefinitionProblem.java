package fr.atlas.cases.engine;

import java.util.List;

/**
 * Why a definition (or a state mapping) is refused: where ({@code path}, e.g.
 * {@code transitions[2].to}), a message code of the bundles and its arguments.
 */
public record DefinitionProblem(String path, String code, List<Object> arguments) {

	public DefinitionProblem {
		arguments = List.copyOf(arguments);
	}

	static DefinitionProblem of(String path, String code, Object... arguments) {
		return new DefinitionProblem(path, code, List.of(arguments));
	}

}
