package fr.atlas.platform;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A lock named by a text, taken in the current transaction and held until it ends: two
 * requests doing the same thing at once (a double click, two people adding one agency)
 * take turns, and the second finds what the first did. PostgreSQL's advisory locks, keyed
 * by a 64-bit hash of the name.
 */
public final class TransactionLock {

	private TransactionLock() {
	}

	/** Waits for the lock {@code name}, then holds it until the transaction ends. */
	public static void take(JdbcClient jdbc, String name) {
		jdbc.sql("select pg_advisory_xact_lock(hashtextextended(:name, 0))").param("name", name).query().singleValue();
	}

}
