package fr.atlas.platform;

import java.sql.SQLException;
import java.util.Set;

import org.springframework.dao.DataAccessException;

/**
 * Text PostgreSQL refuses to store, which is the sender's mistake and no failure of ours:
 * a NUL character in a text column (22021) or, written into JSON, as {@code \u0000}
 * (22P05, "unsupported Unicode escape sequence").
 */
public final class UnstorableText {

	private static final Set<String> STATES = Set.of("22021", "22P05");

	private UnstorableText() {
	}

	public static boolean refused(DataAccessException ex) {
		return ex.getMostSpecificCause() instanceof SQLException sql && STATES.contains(sql.getSQLState());
	}

}
