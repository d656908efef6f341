package fr.atlas.prospects.internal;

import java.util.List;
import java.util.UUID;

/**
 * The agency of the organisation that an agency typed or corrected by hand matches best,
 * by the import's rule, from the review threshold up.
 *
 * @param name its name as shown
 * @param status ACTIVE or ARCHIVED
 */
public record Resemblance(UUID id, String name, String status, double confidence, List<String> reasons) {

	/** Whether an import would merge a row into it without asking anyone. */
	public boolean certain() {
		return this.confidence >= Deduplication.AUTO_MERGE;
	}

}
