package fr.atlas.cases.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import fr.atlas.platform.ConflictException;
import fr.atlas.platform.CurrentTenant;
import fr.atlas.platform.InvalidInputException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Makes a creating request safe to retry: the first request with a key does the work and
 * stores its response in the same transaction; a retry with the same key and body gets
 * that response again, a concurrent one waits for the first to commit. Reusing a key for
 * a different body is a conflict.
 */
@Component
public class IdempotencyKeys {

	private final JdbcClient jdbc;

	private final CaseJson json;

	IdempotencyKeys(JdbcClient jdbc, CaseJson json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	public record Outcome(Map<String, Object> response, boolean replayed) {
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public Outcome run(String key, Object request, Supplier<Object> work) {
		if (key.isBlank() || key.length() > 200) {
			throw new InvalidInputException("Idempotency-Key", "idempotency.key-invalid");
		}
		String hash = hash(this.json.write(request));
		int claimed = this.jdbc.sql("""
				insert into case_idempotency_key (org_id, key, request_hash) values (:org, :key, :hash)
				on conflict (org_id, key) do nothing""")
			.param("org", CurrentTenant.require().value())
			.param("key", key)
			.param("hash", hash)
			.update();
		if (claimed == 0) {
			var stored = this.jdbc.sql("select request_hash, response from case_idempotency_key where key = ?")
				.param(key)
				.query((rs, row) -> new String[] { rs.getString(1), rs.getString(2) })
				.single();
			if (!stored[0].equals(hash)) {
				throw new ConflictException("idempotency.key-reused", key);
			}
			return new Outcome(Optional.ofNullable(stored[1]).map(this.json::readMap).orElseThrow(), true);
		}
		Map<String, Object> response = this.json.toMap(work.get());
		this.jdbc.sql("update case_idempotency_key set status = 201, response = :response::jsonb where key = :key")
			.param("response", this.json.write(response))
			.param("key", key)
			.update();
		return new Outcome(response, false);
	}

	private static String hash(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
