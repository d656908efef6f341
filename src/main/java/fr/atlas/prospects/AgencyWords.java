package fr.atlas.prospects;

import fr.atlas.audit.AuditSummary;
import org.jspecify.annotations.Nullable;

/**
 * An agency in an audit summary: its name as it was when the entry was written, or its id
 * when the publisher did not know it (events made before names were carried).
 */
final class AgencyWords {

	private AgencyWords() {
	}

	static AuditSummary.Argument of(@Nullable String name, ProspectId id) {
		return AuditSummary.text((name != null && !name.isBlank()) ? name : id.toString());
	}

}
