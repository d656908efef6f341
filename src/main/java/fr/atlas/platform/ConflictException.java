package fr.atlas.platform;

import java.util.Map;

/**
 * The request cannot be applied to the current state (stale version, forbidden
 * transition, already taken). The message is a message code; details go into the problem
 * document.
 */
public class ConflictException extends RuntimeException {

	private final Object[] arguments;

	private final Map<String, Object> details;

	public ConflictException(String code, Object... arguments) {
		this(code, Map.of(), arguments);
	}

	public ConflictException(String code, Map<String, Object> details, Object... arguments) {
		super(code);
		this.arguments = arguments;
		this.details = Map.copyOf(details);
	}

	public Object[] arguments() {
		return this.arguments;
	}

	public Map<String, Object> details() {
		return this.details;
	}

}
