package fr.atlas.prospects.internal;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import fr.atlas.platform.CurrentTenant;
import fr.atlas.platform.InvalidInputException;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Decides many pairs of the review queue at once, as a reviewer would one by one: after a
 * large import the queue holds hundreds of pairs, and a page of them that a person has
 * read is confirmed or dismissed in one go. Each merge is the single pair's merge
 * ({@link ProspectMerges#merge}: recorded, audited, undone one by one from the agency's
 * page); all of them commit together or not at all.
 */
@Service
@Transactional
public class PairDecisions {

	/** The pairs one request decides at most: a page of the queue is 100. */
	public static final int MOST = 200;

	/** How far a chain of merges is followed, against a cycle nobody can make. */
	private static final int LONGEST_CHAIN = 100;

	private final JdbcClient jdbc;

	private final ProspectMerges merges;

	PairDecisions(JdbcClient jdbc, ProspectMerges merges) {
		this.jdbc = jdbc;
		this.merges = merges;
	}

	public enum Decision {

		/**
		 * The same agency: the second is merged into the first, as the queue shows them.
		 */
		MERGE,

		/** Two different agencies. */
		DISMISS

	}

	/**
	 * What was done; a pair no longer in the queue (decided, one of its agencies merged,
	 * archived), or of another organisation, is left; {@code merges} are the merges made,
	 * in order, which {@link ProspectMerges#undoMerges} undoes together. Serializable:
	 * the queue's page carries it to the next request in the session.
	 */
	public record Outcome(int merged, int dismissed, int left, List<UUID> merges) implements Serializable {

		public Outcome {
			merges = List.copyOf(merges);
		}

	}

	public Outcome decide(List<UUID> pairIds, @Nullable Decision decision, @Nullable UUID by) {
		return decide(pairIds, decision, by, Map.of());
	}

	/**
	 * As {@link #decide(List, Decision, UUID)}, a merged pair taking the values its
	 * reviewer chose in its row ({@code keeps}: by pair, each field's key and the agency
	 * whose value survives): the queue's radios are read when its pairs are merged
	 * together too, not only by the row's own button. A choice that names neither agency
	 * of its pair is refused, and nothing is merged.
	 */
	public Outcome decide(List<UUID> pairIds, @Nullable Decision decision, @Nullable UUID by,
			Map<UUID, Map<String, UUID>> keeps) {
		if (decision == null) {
			throw new InvalidInputException("decision", "prospects.pairs.decision");
		}
		List<UUID> ids = List.copyOf(new LinkedHashSet<>(pairIds));
		if (ids.isEmpty()) {
			throw new InvalidInputException("ids", "prospects.pairs.none");
		}
		if (ids.size() > MOST) {
			throw new InvalidInputException("ids", "prospects.pairs.too-many", MOST);
		}
		// in the queue's order, so that a chain of pairs (A~B, B~C) ends in the agency
		// shown first
		List<Pair> pairs = this.jdbc.sql("select d.id, d.other_id, d.agency_id " + DuplicateQueue.OPEN_DUPLICATES + """
				  and d.id = any(:ids)
				order by d.confidence desc, d.created_at, d.id
				for update of d""")
			.param("org", CurrentTenant.require().value())
			.param("ids", ids.toArray(UUID[]::new))
			.query((rs, row) -> new Pair(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
					rs.getObject(3, UUID.class)))
			.list();
		List<UUID> made = new ArrayList<>();
		int dismissed = 0;
		for (Pair pair : pairs) {
			if (decision == Decision.DISMISS) {
				// a pair merged meanwhile (another person, another page) is left
				if (this.merges.dismissWhileActive(pair.id())) {
					dismissed++;
				}
				continue;
			}
			UUID first = current(pair.first());
			UUID second = current(pair.second());
			if (first != null && second != null && !first.equals(second)) {
				made.add(this.merges.merge(first, second, by, choice(pair, keeps.get(pair.id()))));
			}
		}
		return new Outcome(made.size(), dismissed, ids.size() - made.size() - dismissed, made);
	}

	/**
	 * A pair's choices as the merge reads them: the second agency's value is the other's,
	 * the first's the survivor's (which holds it still when a merge earlier in the same
	 * request made it part of another).
	 */
	private static MergeChoice choice(Pair pair, @Nullable Map<String, UUID> keep) {
		if (keep == null || keep.isEmpty()) {
			return MergeChoice.SURVIVOR;
		}
		Map<String, String> sides = new LinkedHashMap<>();
		keep.forEach((field, agency) -> sides.put(field,
				agency.equals(pair.second()) ? "other" : agency.equals(pair.first()) ? "survivor" : agency.toString()));
		return MergeChoice.read(sides);
	}

	/**
	 * The active agency an agency is part of now, following its merges (a pair decided
	 * earlier in the same request may have merged it); none when it is archived or gone.
	 */
	private @Nullable UUID current(UUID agencyId) {
		UUID id = agencyId;
		for (int step = 0; step < LONGEST_CHAIN && id != null; step++) {
			State state = this.jdbc
				.sql("select status, merged_into from agency where org_id = :org and id = :id for update")
				.param("org", CurrentTenant.require().value())
				.param("id", id)
				.query((rs, row) -> new State(rs.getString(1), rs.getObject(2, UUID.class)))
				.optional()
				.orElse(null);
			if (state == null) {
				return null;
			}
			if ("ACTIVE".equals(state.status())) {
				return id;
			}
			id = "MERGED".equals(state.status()) ? state.mergedInto() : null;
		}
		return null;
	}

	/** A pair as the queue shows it: the first agency, then the one that may be it. */
	private record Pair(UUID id, UUID first, UUID second) {
	}

	private record State(String status, @Nullable UUID mergedInto) {
	}

}
