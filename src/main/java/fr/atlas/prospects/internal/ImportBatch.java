package fr.atlas.prospects.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import fr.atlas.prospects.internal.Agencies.NewContact;
import fr.atlas.prospects.internal.Agencies.PossibleDuplicate;
import fr.atlas.prospects.internal.ImportJobs.RowOutcome;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Imports one batch of normalised rows in the caller's transaction: decides row by row
 * against the job's {@link Pool} (every active agency of the organisation, loaded once
 * when the job starts, plus those created or filled by earlier rows), then writes
 * everything with {@code COPY} and batched statements. Rows an earlier run already
 * recorded are skipped, so a replayed batch changes nothing.
 */
@Component
class ImportBatch {

	private final Agencies agencies;

	private final ImportJobs jobs;

	ImportBatch(Agencies agencies, ImportJobs jobs) {
		this.agencies = agencies;
		this.jobs = jobs;
	}

	/** A pool of every active agency of the current organisation. */
	Pool pool() {
		Pool pool = new Pool();
		this.agencies.forEachActive(pool::add);
		return pool;
	}

	Counts process(UUID jobId, List<NormalisedRow> batch, @Nullable UUID owner, Pool pool) {
		if (batch.isEmpty()) {
			return new Counts(0, 0, 0, 0, 0, 0);
		}
		long started = System.nanoTime();
		Set<Integer> done = new HashSet<>(
				this.jobs.recordedRows(jobId, batch.get(0).number(), batch.get(batch.size() - 1).number()));
		List<NormalisedRow> rows = done.isEmpty() ? batch
				: batch.stream().filter((row) -> !done.contains(row.number())).toList();
		List<AgencyRecord> created = new ArrayList<>();
		Set<AgencyRecord> changed = Collections.newSetFromMap(new IdentityHashMap<>());
		List<NewContact> contacts = new ArrayList<>();
		List<PossibleDuplicate> duplicates = new ArrayList<>();
		List<RowOutcome> outcomes = new ArrayList<>(rows.size());
		int merged = 0;
		int rejected = 0;
		int warnings = 0;
		for (NormalisedRow row : rows) {
			warnings += (int) row.messages().stream().filter((m) -> !m.startsWith("row:")).count();
			AgencyValues values = row.agency();
			if (values == null) {
				rejected++;
				outcomes.add(new RowOutcome(row.number(), "REJECTED", null, row.messages(), List.of(), null,
						row.original(), null));
				continue;
			}
			Optional<Deduplication.Match> match = Deduplication.best(values, pool.candidates(values));
			AgencyRecord target;
			String status;
			if (match.isPresent() && match.get().automatic()) {
				target = match.get().agency();
				if (target.fill(values)) {
					if (target.persisted) {
						changed.add(target);
					}
					pool.reindex(target);
				}
				status = "MERGED";
				merged++;
			}
			else {
				target = AgencyRecord.create(values);
				pool.add(target);
				created.add(target);
				status = "CREATED";
				match.ifPresent((m) -> duplicates
					.add(new PossibleDuplicate(target.id, m.agency().id, m.confidence(), m.reasons())));
			}
			if (row.contact() != null) {
				contacts.add(new NewContact(target.id, row.contact()));
			}
			outcomes.add(new RowOutcome(row.number(), status, target.id, row.messages(),
					match.map(Deduplication.Match::reasons).orElse(List.of()),
					match.map(Deduplication.Match::confidence).orElse(null), row.original(), values.asFields()));
		}
		long matched = System.nanoTime();
		// agencies created by this batch are inserted with every value their rows gave
		// them
		this.agencies.copy(created, owner);
		this.agencies.update(List.copyOf(changed));
		this.agencies.copyKeys(created);
		this.agencies.addKeys(changed);
		this.agencies.addContacts(contacts);
		this.agencies.addDuplicateCandidates(duplicates, jobId);
		this.jobs.addRows(jobId, outcomes);
		// once the transaction commits these rows are in the database; if it rolls back
		// the job fails and its pool is dropped
		created.forEach((agency) -> agency.persisted = true);
		return new Counts(created.size(), merged, rejected, warnings, matched - started, System.nanoTime() - matched);
	}

	/** Rows by outcome, and the nanoseconds spent matching, then writing. */
	record Counts(int created, int merged, int rejected, int warnings, long matchNanos, long writeNanos) {
	}

	/**
	 * The agencies a job can match, in memory for the whole job: indexed by identity key,
	 * postcode and town, re-indexed when a row fills them. Lists keep the order agencies
	 * came in, so ties are broken the same way on every run.
	 */
	static final class Pool {

		static final int HOT_KEY = 25;

		/** Key → the agency, or an {@code ArrayList} of agencies sharing it. */
		private final Map<String, Object> byKey = new HashMap<>();

		private final Map<String, List<AgencyRecord>> byPostcode = new HashMap<>();

		private final Map<String, List<AgencyRecord>> byCity = new HashMap<>();

		/**
		 * Agencies without a postcode, by town: the only town candidates of a row with
		 * one.
		 */
		private final Map<String, List<AgencyRecord>> byCityWithoutPostcode = new HashMap<>();

		/** Shared instances of postcodes and town keys, so each agency holds no copy. */
		private final Map<String, String> places = new HashMap<>();

		private int size;

		private int stamp;

		void add(AgencyRecord agency) {
			this.size++;
			reindex(agency);
		}

		/** Indexes what the agency has and was not indexed under yet. */
		void reindex(AgencyRecord agency) {
			for (String key : agency.keys()) {
				Object sharing = this.byKey.get(key);
				if (sharing == null) {
					this.byKey.put(key, agency);
				}
				else if (sharing instanceof AgencyRecord single) {
					if (single != agency) {
						List<AgencyRecord> list = new ArrayList<>(2);
						list.add(single);
						list.add(agency);
						this.byKey.put(key, list);
					}
				}
				else {
					@SuppressWarnings("unchecked")
					List<AgencyRecord> list = (List<AgencyRecord>) sharing;
					// past HOT_KEY the key is ignored anyway
					if (list.size() <= HOT_KEY && !list.contains(agency)) {
						list.add(agency);
					}
				}
			}
			if (agency.postcode != null && agency.indexedPostcode == null) {
				agency.postcode = place(agency.postcode);
				agency.indexedPostcode = agency.postcode;
				this.byPostcode.computeIfAbsent(agency.postcode, (k) -> new ArrayList<>()).add(agency);
				if (agency.indexedCity != null) {
					this.byCityWithoutPostcode.getOrDefault(agency.indexedCity, new ArrayList<>()).remove(agency);
				}
			}
			if (agency.cityKey != null && agency.indexedCity == null) {
				agency.cityKey = place(agency.cityKey);
				agency.indexedCity = agency.cityKey;
				this.byCity.computeIfAbsent(agency.cityKey, (k) -> new ArrayList<>()).add(agency);
				if (agency.postcode == null) {
					this.byCityWithoutPostcode.computeIfAbsent(agency.cityKey, (k) -> new ArrayList<>()).add(agency);
				}
			}
		}

		private String place(String value) {
			String shared = this.places.putIfAbsent(value, value);
			return (shared != null) ? shared : value;
		}

		int size() {
			return this.size;
		}

		List<AgencyRecord> candidates(AgencyValues values) {
			int mark = ++this.stamp;
			List<AgencyRecord> found = new ArrayList<>();
			for (String key : AgencyRecord.keys(values)) {
				Object sharing = this.byKey.get(key);
				if (sharing instanceof AgencyRecord single) {
					collect(single, mark, found);
				}
				else if (sharing != null) {
					@SuppressWarnings("unchecked")
					List<AgencyRecord> list = (List<AgencyRecord>) sharing;
					// a key shared by many agencies (a group's switchboard) identifies
					// none
					// of them
					if (list.size() <= HOT_KEY) {
						list.forEach((agency) -> collect(agency, mark, found));
					}
				}
			}
			if (values.postcode() != null) {
				this.byPostcode.getOrDefault(values.postcode(), List.of()).forEach((a) -> collect(a, mark, found));
			}
			String city = values.cityKey();
			if (city != null) {
				Map<String, List<AgencyRecord>> block = (values.postcode() != null) ? this.byCityWithoutPostcode
						: this.byCity;
				block.getOrDefault(city, List.of()).forEach((a) -> collect(a, mark, found));
			}
			return found;
		}

		private static void collect(AgencyRecord agency, int mark, List<AgencyRecord> found) {
			if (agency.stamp != mark) {
				agency.stamp = mark;
				found.add(agency);
			}
		}

	}

}
