package fr.atlas.prospects.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
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
 * Imports one batch of normalised rows in the caller's transaction: loads the agencies
 * the batch could match in one query, decides row by row (an agency created or merged by
 * an earlier row of the batch is a candidate for the next ones), then writes everything
 * with batched statements. Rows an earlier run already recorded are skipped, so a
 * replayed batch changes nothing.
 */
@Component
class ImportBatch {

	private final Agencies agencies;

	private final ImportJobs jobs;

	ImportBatch(Agencies agencies, ImportJobs jobs) {
		this.agencies = agencies;
		this.jobs = jobs;
	}

	Counts process(UUID jobId, List<NormalisedRow> batch, @Nullable UUID owner) {
		if (batch.isEmpty()) {
			return new Counts(0, 0, 0, 0);
		}
		Set<Integer> done = new HashSet<>(
				this.jobs.recordedRows(jobId, batch.get(0).number(), batch.get(batch.size() - 1).number()));
		List<NormalisedRow> rows = batch.stream().filter((row) -> !done.contains(row.number())).toList();
		Pool pool = new Pool(load(rows));
		List<AgencyRecord> created = new ArrayList<>();
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
				target.fill(values);
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
		List<AgencyRecord> changed = pool.all().stream().filter((a) -> a.existing && a.dirty).toList();
		this.agencies.insert(created, owner);
		this.agencies.update(changed);
		List<AgencyRecord> keyed = new ArrayList<>(created);
		keyed.addAll(changed);
		this.agencies.addKeys(keyed);
		this.agencies.addSources(sources);
		this.agencies.addContacts(contacts);
		this.agencies.addDuplicateCandidates(duplicates, jobId);
		this.jobs.addRows(jobId, outcomes);
		return new Counts(created.size(), merged, rejected, warnings);
	}

	private List<AgencyRecord> load(List<NormalisedRow> rows) {
		Set<String> keys = new LinkedHashSet<>();
		Set<String> postcodes = new LinkedHashSet<>();
		Set<String> citiesWithoutPostcode = new LinkedHashSet<>();
		Set<String> allCities = new LinkedHashSet<>();
		for (NormalisedRow row : rows) {
			AgencyValues values = row.agency();
			if (values == null) {
				continue;
			}
			keys.addAll(AgencyRecord.create(values).keys());
			String city = values.cityKey();
			if (values.postcode() != null) {
				postcodes.add(values.postcode());
			}
			else if (city != null) {
				citiesWithoutPostcode.add(city);
			}
			if (city != null) {
				allCities.add(city);
			}
		}
		if (keys.isEmpty() && postcodes.isEmpty() && allCities.isEmpty()) {
			return List.of();
		}
		return this.agencies.candidates(keys, postcodes, citiesWithoutPostcode, allCities);
	}

	record Counts(int created, int merged, int rejected, int warnings) {
	}

	/**
	 * The agencies a batch can match, indexed by identity key, postcode and town;
	 * agencies are re-indexed when a row fills them.
	 */
	static final class Pool {

		private final Map<String, Set<AgencyRecord>> byKey = new LinkedHashMap<>();

		private final Map<String, Set<AgencyRecord>> byPostcode = new LinkedHashMap<>();

		private final Map<String, Set<AgencyRecord>> byCity = new LinkedHashMap<>();

		private final Map<AgencyRecord, Boolean> all = new IdentityHashMap<>();

		Pool(List<AgencyRecord> agencies) {
			agencies.forEach(this::add);
		}

		void add(AgencyRecord agency) {
			this.all.put(agency, Boolean.TRUE);
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

		List<AgencyRecord> candidates(AgencyValues values) {
			Set<AgencyRecord> found = newSet();
			for (String key : AgencyRecord.create(values).keys()) {
				found.addAll(this.byKey.getOrDefault(key, Set.of()));
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

		Set<AgencyRecord> all() {
			return this.all.keySet();
		}

		private static Set<AgencyRecord> newSet() {
			return java.util.Collections.newSetFromMap(new IdentityHashMap<>());
		}

	}

}
