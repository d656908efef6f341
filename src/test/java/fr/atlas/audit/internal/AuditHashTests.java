package fr.atlas.audit.internal;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Entries written before summaries were stored as messages (ADR 0053) have none, and must
 * hash exactly as they did then, or their organisations' chains would stop verifying. The
 * expected hashes were computed by the code of that time.
 */
class AuditHashTests {

	@Test
	void hashesAnEntryWithoutMessageAsBefore() {
		assertThat(AuditHash.of(AuditHash.GENESIS, 1, Instant.parse("2026-11-23T10:15:30.123456Z"),
				"0b0b0b0b-0000-4000-8000-000000000001", "claire@example.test", "member.roles-changed", "member",
				"0b0b0b0b-0000-4000-8000-000000000002", "Rôles : MANAGER → ADMIN,AGENT", "corr-1", "203.0.113.7", null))
			.isEqualTo("2e4d0e2ab2f113f3984de94b836f9c32e24000af04ebf854fecfb8493d5a2258");
		assertThat(AuditHash.of(AuditHash.GENESIS, 2, Instant.parse("2026-11-23T10:15:30Z"), null, null,
				"case-types.seeded", "case_type", "LEAD_ACHAT", "Types de dossier créés : LEAD_ACHAT", "corr-2", null,
				null))
			.isEqualTo("e2bbb4558dc41c0b1fc2e15cc0806bec050456a1d6feed09a4bd636f4694584d");
	}

	@Test
	void coversTheMessageWhenThereIsOne() {
		Instant at = Instant.parse("2026-11-23T10:15:30Z");
		String without = AuditHash.of(AuditHash.GENESIS, 1, at, null, null, "a", "t", "1", "Résumé", "c", null, null);
		String with = AuditHash.of(AuditHash.GENESIS, 1, at, null, null, "a", "t", "1", "Résumé", "c", null,
				"{\"key\":\"k\",\"arguments\":[]}");
		String other = AuditHash.of(AuditHash.GENESIS, 1, at, null, null, "a", "t", "1", "Résumé", "c", null,
				"{\"key\":\"k2\",\"arguments\":[]}");
		assertThat(with).isNotEqualTo(without).isNotEqualTo(other);
	}

}
