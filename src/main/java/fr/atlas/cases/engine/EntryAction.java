package fr.atlas.cases.engine;

import java.time.Duration;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * Something done when a case enters a state: create a task (titled, due after
 * {@code due}, which doubles as a reminder), notify the case's assignee with a message,
 * or emit a named domain event onto the timeline and to listeners.
 */
public record EntryAction(Type type, String name, @Nullable Duration due) {

	public EntryAction {
		Objects.requireNonNull(type, "type");
		Objects.requireNonNull(name, "name");
	}

	public enum Type {

		CREATE_TASK, NOTIFY, EMIT_EVENT

	}

}
