package fr.atlas.audit.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

import org.jspecify.annotations.Nullable;

/**
 * SHA-256 over the previous hash and every stored field of an entry, so that changing,
 * removing or reordering any entry breaks the chain from there on. The summary's message
 * (key and arguments, stored since ADR 0053) joins the hashed fields only when present,
 * so entries written before it hash as they always did.
 */
final class AuditHash {

	static final String GENESIS = "0".repeat(64);

	private AuditHash() {
	}

	static String of(String previousHash, long sequence, Instant occurredAt, @Nullable String actorId,
			@Nullable String actorLabel, String action, String entityType, String entityId, String summary,
			String correlationId, @Nullable String clientIp, @Nullable String summaryMessage) {
		StringBuilder canonical = new StringBuilder(previousHash);
		for (Object field : new Object[] { sequence,
				occurredAt.toEpochMilli() * 1000 + (occurredAt.getNano() / 1000) % 1000, actorId, actorLabel, action,
				entityType, entityId, summary, correlationId, clientIp }) {
			String text = (field != null) ? field.toString() : "";
			// length-prefixed so that moving text from one field to the next
			// changes the hash
			canonical.append('|').append(text.length()).append(':').append(text);
		}
		if (summaryMessage != null) {
			canonical.append("|m").append(summaryMessage.length()).append(':').append(summaryMessage);
		}
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
