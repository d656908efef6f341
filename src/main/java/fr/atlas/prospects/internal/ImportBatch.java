package fr.atlas.prospects.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import fr.atlas.prospects.internal.Agencies.FieldSource;
import fr.atlas.prospects.internal.Agencies.NewContact;
import fr.atlas.prospects.internal.Agencies.PossibleDuplicate;
import fr.atlas.prospects.internal.ImportJobs.RowOutcome;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Imports one batch of normalised rows in the caller's transaction: makes sure the pool
 * holds every agency the batch could match (identity keys, and each postcode or town
 * block loaded once per job), decides row by row (an agency created or filled by an
 * earlier row is a candidate for the next ones), then writes everything with batched
 * statements. Rows an earlier run already recorded are skipped, so a replayed batch
 * changes nothing.
 */
@Component
class ImportBatch {

	private final Agencies agencies;

	private final ImportJobs jobs;

	ImportBatch(Agencies agencies, ImportJobs jobs) {
		this.agencies = agencies;
		this.jobs = jobs;
	}

	Counts process(UUID jobId, List<NormalisedRow> batch, @Nullable UUID owner, Pool pool) {
		if (batch.isEmpty()) {
			return new Counts(0, 0, 0, 0, 0, 0);
		}
		long started = System.nanoTime();
		Set<Integer> done = new HashSet<>(
				this.jobs.recordedRows(jobId, batch.get(0).number(), batch.get(batch.size() - 1).number()));
		List<NormalisedRow> rows = batch.stream().filter((row) -> !done.contains(row.number())).toList();
		load(rows, pool);
		List<AgencyRecord> created = new ArrayList<>();
		Set<AgencyRecord> changed = Collections.newSetFromMap(new IdentityHashMap<>());
		List<FieldSource> sources = new ArrayList<>();
		List<NewContact> contacts = new ArrayList<>();
		List<PossibleDuplicate> duplicates = new ArrayList<>();
		List<RowOutcome> outcomes = new ArrayList<>();
		int merged = 0;
		int rejected = 0;
		int warnings = 0;
		for (NormalisedRow row : rows) {
			warnings += (int) row.messages().stream().filter((m) -> !m.startsWith("row:")).count();
			AgencyValues values = row.agency();
			if (values == null) {
				rejected++;
				outcomes.add(new RowOutcome(row.number(), "REJECTED", null, row.messages(), List.of(), null,
						row.original()));
				continue;
			}
			Optional<Deduplication.Match> match = Deduplication.best(values, pool.candidates(values));
			AgencyRecord target;
			String status;
			if (match.isPresent() && match.get().automatic()) {
				target = match.get().agency();
				if (target.fill(values) && target.persisted) {
					changed.add(target);
				}
				pool.add(target);
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
			values.asFields()
				.forEach((field, value) -> sources
					.add(new FieldSource(target.id, field, value, "IMPORT", jobId, row.number(), null, null)));
			if (row.contact() != null) {
				contacts.add(new NewContact(target.id, row.contact()));
			}
			outcomes.add(new RowOutcome(row.number(), status, target.id, row.messages(),
					match.map(Deduplication.Match::reasons).orElse(List.of()),
					match.map(Deduplication.Match::confidence).orElse(null), row.original()));
		}
		long matched = System.nanoTime();
		this.agencies.insert(created, owner);
		this.agencies.update(List.copyOf(changed));
		List<AgencyRecord> keyed = new ArrayList<>(created);
		keyed.addAll(changed);
		this.agencies.addKeys(keyed);
		this.agencies.addSources(sources);
		this.agencies.addContacts(contacts);
		this.agencies.addDuplicateCandidates(duplicates, jobId);
		this.jobs.addRows(jobId, outcomes);
		// once the transaction commits these rows are in the database; if it rolls back
		// the job fails and its pool is dropped
		created.forEach((agency) -> agency.persisted = true);
		keyed.forEach((agency) -> agency.dirty = false);
		return new Counts(created.size(), merged, rejected, warnings, matched - started, System.nanoTime() - matched);
	}

	private void load(List<NormalisedRow> rows, Pool pool) {
		Set<String> keys = new LinkedHashSet<>();
		Set<String> postcodes = new LinkedHashSet<>();
		Set<String> citiesWithoutPostcode = new LinkedHashSet<>();
		Set<String> allCities = new LinkedHashSet<>();
		for (NormalisedRow row : rows) {
			AgencyValues values = row.agency();
			if (values == null) {
				continue;
			}
			for (String key : AgencyRecord.create(values).keys()) {
				if (!pool.hasKey(key)) {
					keys.add(key);
				}
			}
			String city = values.cityKey();
			if (values.postcode() != null && pool.loadedPostcodes.add(values.postcode())) {
				postcodes.add(values.postcode());
			}
			if (city != null && values.postcode() == null && pool.loadedCitiesWithoutPostcode.add(city)) {
				citiesWithoutPostcode.add(city);
			}
			if (city != null && pool.loadedCities.add(city)) {
				allCities.add(city);
			}
		}
		if (keys.isEmpty() && postcodes.isEmpty() && allCities.isEmpty() && citiesWithoutPostcode.isEmpty()) {
			return;
		}
		this.agencies.candidates(keys, postcodes, citiesWithoutPostcode, allCities).forEach(pool::addLoaded);
	}

	/** Rows by outcome, and the nanoseconds spent loading and matching, then writing. */
	record Counts(int created, int merged, int rejected, int warnings, long matchNanos, long writeNanos) {
	}

	/**
	 * The agencies a job can match, kept across its batches so each postcode or town
	 * block is read from the database once: indexed by identity key, postcode and town,
	 * re-indexed when a row fills them. An agency loaded again keeps its first (current)
	 * instance.
	 */
	static final class Pool {

		static final int HOT_KEY = 25;

		private final Map<UUID, AgencyRecord> byId = new HashMap<>();

		private final Map<String, Set<AgencyRecord>> byKey = new HashMap<>();

		private final Map<String, Set<AgencyRecord>> byPostcode = new HashMap<>();

		private final Map<String, Set<AgencyRecord>> byCity = new HashMap<>();

		private final Set<String> loadedPostcodes = new HashSet<>();

		private final Set<String> loadedCities = new HashSet<>();

		private final Set<String> loadedCitiesWithoutPostcode = new HashSet<>();

		void addLoaded(AgencyRecord agency) {
			if (!this.byId.containsKey(agency.id)) {
				add(agency);
			}
		}

		void add(AgencyRecord agency) {
			this.byId.put(agency.id, agency);
			for (String key : agency.keys()) {
				this.byKey.computeIfAbsent(key, (k) -> newSet()).add(agency);
			}
			if (agency.postcode != null) {
				this.byPostcode.computeIfAbsent(agency.postcode, (k) -> newSet()).add(agency);
			}
			if (agency.cityKey != null) {
				this.byCity.computeIfAbsent(agency.cityKey, (k) -> newSet()).add(agency);
			}
		}

		boolean hasKey(String key) {
			return this.byKey.containsKey(key);
		}

		int size() {
			return this.byId.size();
		}

		List<AgencyRecord> candidates(AgencyValues values) {
			Set<AgencyRecord> found = newSet();
			for (String key : AgencyRecord.create(values).keys()) {
				Set<AgencyRecord> sharing = this.byKey.getOrDefault(key, Set.of());
				// a key shared by many agencies (a group's switchboard) identifies none
				// of them
				if (sharing.size() <= HOT_KEY) {
					found.addAll(sharing);
				}
			}
			if (values.postcode() != null) {
				found.addAll(this.byPostcode.getOrDefault(values.postcode(), Set.of()));
			}
			String city = values.cityKey();
			if (city != null) {
				for (AgencyRecord agency : this.byCity.getOrDefault(city, Set.of())) {
					if (values.postcode() == null || agency.postcode == null) {
						found.add(agency);
					}
				}
			}
			return new ArrayList<>(found);
		}

		private static Set<AgencyRecord> newSet() {
			return Collections.newSetFromMap(new IdentityHashMap<>());
		}

	}

}
