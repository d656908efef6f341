package fr.atlas.prospects.internal;

import java.util.ArrayList;
import java.util.function.Function;
import java.util.HashSet;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.LongConsumer;

import fr.atlas.prospects.internal.Agencies.NewContact;
import fr.atlas.prospects.internal.Agencies.PossibleDuplicate;
import fr.atlas.prospects.internal.RecordedRows.RowOutcome;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;
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

	private final RecordedRows recorded;

	private final JdbcTemplate template;

	private final RowsSeenBefore seen;

	ImportBatch(Agencies agencies, RecordedRows recorded, JdbcTemplate template, RowsSeenBefore seen) {
		this.agencies = agencies;
		this.recorded = recorded;
		this.template = template;
		this.seen = seen;
	}

	/**
	 * A pool of every agency of the current organisation that rows may match, within what
	 * the lease can cover, and where its other imports than {@code jobId} put their rows.
	 * @throws ImportMemory.Exhausted if the organisation's agencies need more
	 */
	Pool pool(ImportMemory.Lease memory, UUID jobId) {
		Pool pool = new Pool();
		this.agencies.forEachMatchable((agency) -> {
			pool.add(Candidate.of(agency));
			if (pool.size() % 10_000 == 0) {
				memory.cover(pool.footprint());
			}
		});
		memory.cover(pool.footprint());
		pool.remember(this.seen.load(jobId), this.agencies::survivors);
		memory.cover(pool.footprint());
		return pool;
	}

	/**
	 * Decides, in memory, what each row of a batch becomes, against the job's pool, which
	 * takes the agencies the batch creates or fills: the next batch can be decided while
	 * this one is written. Rows in {@code done} were recorded by an earlier run and are
	 * skipped. The rows to copy are rendered here too, off the writing thread.
	 */
	Plan decide(UUID jobId, List<NormalisedRow> batch, Set<Integer> done, Pool pool, @Nullable UUID owner) {
		return decide(jobId, batch, done, pool, owner, false);
	}

	/**
	 * Decides a batch as {@link #decide(UUID, List, Set, Pool, UUID)} does; with
	 * {@code setAside}, a row that only its name and place tie to an agency is left out
	 * of the plan's outcomes and returned in {@link Plan#setAside}, to be decided at the
	 * end of the import ({@link #decideLast}, ADR 0034).
	 */
	Plan decide(UUID jobId, List<NormalisedRow> batch, Set<Integer> done, Pool pool, @Nullable UUID owner,
			boolean setAside) {
		int upTo = batch.isEmpty() ? 0 : batch.get(batch.size() - 1).number();
		return plan(jobId, batch, done, pool, owner, setAside, upTo, false);
	}

	/**
	 * Decides the rows set aside during an import, once all the others are: those with
	 * the most identifiers first, since they are the least likely to be taken for a
	 * namesake, then in row order. {@code upTo} is the job's progress, which this does
	 * not move.
	 */
	Plan decideLast(UUID jobId, List<NormalisedRow> rows, Pool pool, @Nullable UUID owner, int upTo) {
		return plan(jobId, rows, Set.of(), pool, owner, false, upTo, true);
	}

	/** The rows set aside, in the order {@link #decideLast} takes them. */
	static List<NormalisedRow> inLastOrder(List<NormalisedRow> rows) {
		List<NormalisedRow> ordered = new ArrayList<>(rows);
		ordered.sort(Comparator.comparingInt((NormalisedRow row) -> -identifiers(row.agency()))
			.thenComparingInt(NormalisedRow::number));
		return ordered;
	}

	private static int identifiers(@Nullable AgencyValues values) {
		if (values == null) {
			return 0;
		}
		return ((values.siret() != null) ? 1 : 0) + ((values.siren() != null) ? 1 : 0)
				+ ((values.websiteDomain() != null) ? 1 : 0) + values.emails().size() + values.phones().size();
	}

	private Plan plan(UUID jobId, List<NormalisedRow> batch, Set<Integer> done, Pool pool, @Nullable UUID owner,
			boolean setAside, int upTo, boolean last) {
		long started = System.nanoTime();
		List<NormalisedRow> rows = done.isEmpty() ? batch
				: batch.stream().filter((row) -> !done.contains(row.number())).toList();
		Decisions decisions = new Decisions(pool, rows.size(), setAside, last);
		for (NormalisedRow row : rows) {
			decisions.take(row);
		}
		if (last) {
			decisions.outcomes.sort(Comparator.comparingInt(RowOutcome::number));
		}
		List<CopyIn> linked = List.of(this.agencies.newContacts(decisions.contacts),
				this.agencies.possibleDuplicates(decisions.duplicates, jobId),
				this.seen.entries(jobId, decisions.seen));
		return new Plan(upTo, this.agencies.newAgencies(List.copyOf(decisions.created.values()), owner),
				List.copyOf(decisions.filled.values()), List.copyOf(decisions.reached), linked,
				RecordedRows.pack(jobId, decisions.outcomes, last), List.copyOf(decisions.setAside),
				last ? -rows.size() : decisions.setAside.size(), decisions.merged, decisions.rejected,
				decisions.warnings, Map.copyOf(decisions.problems), System.nanoTime() - started);
	}

	/**
	 * What the rows of a batch became, row by row. A row is taken by a method of its own,
	 * compiled early and once: inside the batch's loop, the whole decision was compiled
	 * only after several imports, at great cost.
	 */
	private static final class Decisions {

		private final Pool pool;

		/** Agencies created by this batch, whole. */
		final Map<Candidate, AgencyRecord> created = new LinkedHashMap<>();

		/** What rows add to agencies created before. */
		final Map<Candidate, AgencyRecord> filled = new LinkedHashMap<>();

		final List<NewContact> contacts = new ArrayList<>();

		/**
		 * The stored agencies that rows merged into: a person may have merged one of them
		 * away since the pool was loaded.
		 */
		final Set<UUID> reached = new LinkedHashSet<>();

		final List<PossibleDuplicate> duplicates = new ArrayList<>();

		/** Where rows went that no earlier entry says already (ADR 0116). */
		final List<RowsSeenBefore.Entry> seen = new ArrayList<>();

		final List<RowOutcome> outcomes;

		/** Whether rows only a name and place tie to an agency wait for the end. */
		private final boolean mayDefer;

		/** The rows set aside, for the end of the import. */
		final List<NormalisedRow> setAside = new ArrayList<>();

		int merged;

		int rejected;

		int warnings;

		/** How many times each message ({@code field:code}) occurred. */
		final Map<String, Integer> problems = new HashMap<>();

		/** Whether these are the rows set aside, decided at the end. */
		private final boolean last;

		Decisions(Pool pool, int rows, boolean mayDefer, boolean last) {
			this.pool = pool;
			this.outcomes = new ArrayList<>(rows);
			this.mayDefer = mayDefer;
			this.last = last;
		}

		void take(NormalisedRow row) {
			AgencyValues given = row.agency();
			Pool.Decision decision = (given != null)
					? this.pool.decide(given, this.mayDefer, this.last, row.contact() != null) : null;
			if (decision != null && decision.setAside()) {
				this.setAside.add(row);
				return;
			}
			AgencyValues values = (decision != null) ? decision.values() : null;
			for (String message : row.messages()) {
				// a row's other problems reject it; cells past the header's columns
				// are left out of a row that is kept, as a bad field is
				if (!message.startsWith("row:") || message.equals("row:extra_cells")) {
					this.warnings++;
				}
				this.problems.merge(message, 1, Integer::sum);
			}
			if (values == null || decision == null) {
				this.rejected++;
				this.outcomes.add(new RowOutcome(row.number(), "REJECTED", null, row.messages(), List.of(), null,
						row.original(), null));
				return;
			}
			Candidate target = decision.target();
			Deduplication.Match match = decision.match();
			String status;
			if (decision.created() == null) {
				AgencyRecord whole = this.created.get(target);
				if (whole != null) {
					whole.fill(values);
				}
				else {
					this.reached.add(target.id());
				}
				if (whole == null && decision.changesStored()) {
					// an empty record gathers the values in row order: first value wins,
					// as the update applies them to empty columns only
					this.filled.computeIfAbsent(target, (c) -> new AgencyRecord(c.id(), true, "", "")).fill(values);
				}
				status = "MERGED";
				this.merged++;
				// the row is as surely another agency too: two records of one agency
				// that nothing had joined, for a person to merge
				Deduplication.Match other = decision.also();
				if (other != null) {
					this.duplicates.add(new PossibleDuplicate(target.id(), other.agency().id(), other.confidence(),
							other.reasons()));
				}
			}
			else {
				AgencyRecord agency = decision.created();
				this.created.put(target, agency);
				status = "CREATED";
				UUID id = agency.id;
				if (match != null) {
					this.duplicates
						.add(new PossibleDuplicate(id, match.agency().id(), match.confidence(), match.reasons()));
				}
				for (Deduplication.Match m : decision.namesakes()) {
					this.duplicates.add(new PossibleDuplicate(id, m.agency().id(), m.confidence(), m.reasons()));
				}
			}
			UUID prospect = target.id();
			long key = RowsSeenBefore.key(values);
			if (!this.pool.remembers(key, target)) {
				this.seen.add(new RowsSeenBefore.Entry(key, prospect));
			}
			if (row.contact() != null) {
				this.contacts.add(new NewContact(prospect, row.contact()));
			}
			this.outcomes.add(new RowOutcome(row.number(), status, prospect, row.messages(),
					(match != null) ? match.reasons() : List.of(), (match != null) ? match.confidence() : null,
					row.original(), values.packed()));
		}

	}

	/**
	 * Writes a decided batch in the caller's transaction, with {@code COPY} and set-based
	 * statements. Returns the nanoseconds it took.
	 */
	long write(UUID jobId, Plan plan) {
		long started = System.nanoTime();
		plan.created().into(this.template);
		this.agencies.fill(plan.filled());
		plan.linked().forEach((copy) -> copy.into(this.template));
		// after the contacts, which may have gone to an agency merged away meanwhile too
		this.agencies.intoSurvivors(plan.filled(), plan.reached());
		this.recorded.write(plan.rows());
		this.recorded.setAside(jobId, plan.setAsideNumbers());
		return System.nanoTime() - started;
	}

	/**
	 * What a batch decided: the agencies it creates (ready to copy), what it adds to
	 * agencies created before (empty records gathering the rows' values in row order),
	 * what refers to both (contacts, possible duplicates) and each row's outcome; the
	 * rows it set aside, and by how much it changes the job's count of rows set aside
	 * (down for the rows decided last).
	 */
	record Plan(int upTo, CopyIn created, List<AgencyRecord> filled, List<UUID> reached, List<CopyIn> linked,
			List<RecordedRows.Chunk> rows, List<NormalisedRow> setAside, int setAsideChange, int merged, int rejected,
			int warnings, Map<String, Integer> problems, long matchNanos) {

		/** The numbers of the rows set aside, in row order. */
		List<Integer> setAsideNumbers() {
			return this.setAside.stream().map(NormalisedRow::number).toList();
		}

	}

	/**
	 * The agencies a job can match, in memory for the whole job in their compact
	 * {@link Candidate} form: indexed by identity key (64-bit hashes in primitive
	 * arrays), postcode and town, re-indexed when a row fills them. Lists keep the order
	 * agencies came in, so ties are broken the same way on every run.
	 */
	static final class Pool {

		/**
		 * An identity key that more agencies of the organisation share (a group's
		 * switchboard) brings none of them to a row, outside the blocks.
		 */
		static final int HOT_KEY = 25;

		/**
		 * Blocks of this many agencies or more are searched through an index: reading a
		 * block whole costs up to a few hundred nanoseconds an agency, and a town of
		 * thousands of agencies without postcodes made every row of it read all the
		 * others (ADR 0025). Down from 2,048 since the index is lighter (ADR 0026): a
		 * million rows over a thousand postcodes spent 161 s matching, now 18 s.
		 */
		static final int INDEX_FROM = 256;

		/**
		 * In an indexed block, a word or a whole name that more of its agencies share, or
		 * an identity key that more agencies of the organisation share, brings none of
		 * them to a row ("Maison", "Habitat", or "Agence Immobilière" for thousands of
		 * agencies of one town): each row then reads a bounded number of agencies, where
		 * it read a growing share of the town. Blocks read whole compare every name that
		 * shares a word. Both indexes keep no more positions than this for such keys,
		 * only their count (ADR 0026).
		 */
		static final int COMMON_KEY = 256;

		private static final long SIRET = 0x9E3779B97F4A7C15L;

		private static final long SIREN = 0xC2B2AE3D27D4EB4FL;

		private static final long EMAIL = 0x165667B19E3779F9L;

		private static final long PHONE = 0x27D4EB2F165667C5L;

		private static final long DOMAIN = 0x85EBCA77C2B2AE63L;

		private static final long NAME = 0xD6E8FEB86659FD93L;

		/**
		 * A row of a name alone is put to a person against the agencies that bear its
		 * name and say more (a place, an identifier) only when there are this many or
		 * fewer: more, and the name is a common one, which tells no agency (ADR 0059).
		 */
		static final int NAMESAKES = 3;

		private final List<Candidate> all = new ArrayList<>();

		private final KeyIndex byKey = new KeyIndex();

		private final Map<String, PlaceBlock> byPostcode = new HashMap<>();

		private final Map<String, PlaceBlock> byCity = new HashMap<>();

		/**
		 * Agencies without a postcode, by town: the only town candidates of a row with
		 * one.
		 */
		private final Map<String, PlaceBlock> byCityWithoutPostcode = new HashMap<>();

		/**
		 * The index of large blocks: each member under its distinctive-word and name
		 * keys, combined with its block's ({@link PlaceBlock#key}). Their identity keys
		 * are {@link #byKey}'s.
		 */
		private final KeyIndex byWord = new KeyIndex();

		/**
		 * The agencies known by a name alone ({@link Candidate#nameOnly}), under their
		 * names' keys: no block holds them, and the same name alone in another row is the
		 * record again (ADR 0059). Made for the first of them: a pool is made for each
		 * agency added by hand too, and an empty index takes 170 KB.
		 */
		private @Nullable KeyIndex byBareName;

		/**
		 * The other agencies under their names' keys, up to {@link #NAMESAKES} a key and
		 * counted past it: built the first time an agency or a row of a name alone comes,
		 * so an import without any costs neither time nor memory (about 14 bytes an
		 * agency otherwise, ADR 0059).
		 */
		private @Nullable KeyIndex byName;

		/**
		 * Where the organisation's other imports put their rows, by row key: the pool's
		 * position of the agency ({@link #remember}, ADR 0116). None when they put none.
		 */
		private @Nullable RowHomes byRow;

		/** The size from which a block is searched through {@link #byWord}. */
		private final int indexFrom;

		private final List<Candidate> gathered = new ArrayList<>();

		Pool() {
			this(INDEX_FROM);
		}

		Pool(int indexFrom) {
			this.indexFrom = indexFrom;
		}

		/** Shared instances of postcodes and town keys, so each agency holds no copy. */
		private final Map<String, String> places = new HashMap<>();

		private int stamp;

		/** What its agencies hold, about ({@link Candidate#footprint}). */
		private long bytes;

		/** Reused by every row: the pool serves one thread, and rows come one by one. */
		private final int[] scratch = new int[128];

		private final List<Candidate> found = new ArrayList<>();

		private long[] keys = new long[16];

		private int keyCount;

		void add(Candidate agency) {
			agency.position = this.all.size();
			this.all.add(agency);
			this.bytes += agency.footprint();
			reindex(agency, false);
		}

		/**
		 * The bytes the pool holds, about: its agencies, its indexes, and the lists of
		 * the pool and of its blocks.
		 */
		long footprint() {
			return this.bytes + this.byKey.bytes() + this.byWord.bytes()
					+ ((this.byBareName != null) ? this.byBareName.bytes() : 0)
					+ ((this.byName != null) ? this.byName.bytes() : 0)
					+ ((this.byRow != null) ? this.byRow.bytes() : 0) + 16L * this.all.size();
		}

		/**
		 * Decides what a row becomes and updates the pool: merged into its best match
		 * when that match is automatic (the agency takes the row's matching values), a
		 * new agency otherwise. The one rule of an import, whoever writes the result.
		 */
		Decision decide(AgencyValues values) {
			return decide(values, false, false);
		}

		/**
		 * Decides a row as {@link #decide(AgencyValues)} does, unless {@code mayDefer}
		 * and only its name and place tie it to its best match: the pool is then left as
		 * it was, and the decision {@link Decision#setAside}. Decided at once, such a row
		 * gives an agency the identifiers of a namesake in the same place ("Agence
		 * Pierre" of Vannes, twice), through which the namesake's other rows join it.
		 * {@code last} for the rows set aside, decided at the end
		 * ({@link Deduplication.Probe#atTheEnd}).
		 */
		Decision decide(AgencyValues values, boolean mayDefer, boolean last) {
			return decide(values, mayDefer, last, false);
		}

		/**
		 * Decides a row as {@link #decide(AgencyValues, boolean, boolean)} does;
		 * {@code withContact} when the row brings a contact.
		 */
		Decision decide(AgencyValues values, boolean mayDefer, boolean last, boolean withContact) {
			Deduplication.Probe probe = last ? probe(values).atTheEnd() : probe(values);
			Deduplication.Ranking ranking = Deduplication.rank(probe, candidates(probe));
			Deduplication.Match match = ranking.best();
			if (mayDefer && match != null && match.automatic() && match.byNameAndPlaceOnly()
					&& namesNothingNew(probe.names(), match.agency().names)) {
				return new Decision(match, match.agency(), null, false, null, true, List.of(), values);
			}
			if (match != null && match.automatic()) {
				// a row set aside joins an agency its name gave to another one of its
				// agencies: a person says whether they are one
				Deduplication.Match also = (last && ranking.also() == null) ? ranking.byName() : ranking.also();
				return into(match, values, probe, also);
			}
			Deduplication.Match before = seenBefore(values, probe, withContact);
			if (before != null) {
				return into(before, values, probe, null);
			}
			AgencyRecord agency = AgencyRecord.create(values);
			agency.useNames(probe.names());
			Candidate target = Candidate.of(agency);
			add(target);
			return new Decision(match, target, agency, true, null, false, ranking.namesakes(), values);
		}

		/** The row merged into its match's agency, which takes its matching values. */
		private Decision into(Deduplication.Match match, AgencyValues values, Deduplication.Probe probe,
				Deduplication.@Nullable Match also) {
			Candidate target = match.agency();
			if (target.takesTheSign(values, probe.names(), match.similarity())) {
				values = values.withTradeName(values.name());
			}
			// asked before the row fills the candidate: would the stored agency change?
			boolean changesStored = target.wouldChange(values);
			this.bytes -= target.footprint();
			boolean changed = target.fill(values);
			this.bytes += target.footprint();
			if (changed) {
				reindex(target, true);
			}
			return new Decision(match, target, null, changesStored, also, false, List.of(), values);
		}

		/**
		 * The agency an earlier import put a row of these values in, or the one a person
		 * put it in since (a detached row's own, the survivor of a merge), merged into
		 * without more ado: only a row that would otherwise make a new agency is asked
		 * (ADR 0116). The row's score against it, when it has one, says why else they may
		 * be one.
		 */
		private Deduplication.@Nullable Match seenBefore(AgencyValues values, Deduplication.Probe probe,
				boolean withContact) {
			RowHomes rows = this.byRow;
			long key = RowsSeenBefore.key(values);
			int home = (rows != null) ? rows.get(key) : -1;
			// rows of one key that went to several agencies (a generic name alone,
			// kept apart) go to the first of them, unless the row brings a contact,
			// which may be another one's: its key does not tell (ADR 0117)
			if (home < 0 || (withContact && rows.several(key))) {
				return null;
			}
			Candidate agency = this.all.get(home);
			Deduplication.Match scored = Deduplication.score(probe, agency);
			return (scored != null && scored.confidence() >= Deduplication.REVIEW) ? scored.seenBefore()
					: Deduplication.Match.seenBefore(agency);
		}

		/**
		 * Whether the earlier imports' entries already put a row of this key in this
		 * agency: its entry would say nothing new.
		 */
		boolean remembers(long key, Candidate agency) {
			RowHomes rows = this.byRow;
			return rows != null && rows.get(key) == agency.position;
		}

		/**
		 * Takes in where the organisation's other imports put their rows: each entry's
		 * agency, or the agency it was merged into since ({@code survivors}, for the
		 * agencies of the entries that are not in the pool). A key whose rows ended in
		 * several agencies (rows of a generic name alone, a person's detachment of one of
		 * two identical rows) names the first of them in the pool (ADR 0117).
		 */
		void remember(RowsSeenBefore.Earlier earlier, Function<Set<UUID>, Map<UUID, UUID>> survivors) {
			int n = earlier.size();
			if (n == 0) {
				return;
			}
			int[] homes = new int[n];
			Arrays.fill(homes, -1);
			for (Candidate agency : this.all) {
				long high = agency.idHigh();
				long low = agency.idLow();
				for (int i = earlier.first(high, low); i >= 0 && i < n && earlier.agencyIs(i, high, low); i++) {
					homes[i] = agency.position;
				}
			}
			Set<UUID> away = new HashSet<>();
			for (int i = 0; i < n; i++) {
				if (homes[i] < 0) {
					away.add(earlier.agency(i));
				}
			}
			if (!away.isEmpty()) {
				Map<UUID, UUID> into = survivors.apply(away);
				Set<UUID> wanted = new HashSet<>(into.values());
				Map<UUID, Integer> at = new HashMap<>();
				for (Candidate agency : this.all) {
					if (!wanted.isEmpty() && wanted.contains(agency.id())) {
						at.put(agency.id(), agency.position);
					}
				}
				for (int i = 0; i < n; i++) {
					if (homes[i] < 0) {
						UUID survivor = into.get(earlier.agency(i));
						Integer position = (survivor != null) ? at.get(survivor) : null;
						homes[i] = (position != null) ? position : -1;
					}
				}
			}
			RowHomes rows = new RowHomes(n);
			for (int i = 0; i < n; i++) {
				if (homes[i] >= 0) {
					rows.put(earlier.key(i), homes[i]);
				}
			}
			this.byRow = rows;
		}

		/**
		 * Whether a row's names are names the agency has already. A row that brings
		 * another name (a trade name next to a company's legal one) is decided at once:
		 * its other rows may be known by that name only.
		 */
		private static boolean namesNothingNew(NameForms row, NameForms agency) {
			return known(row.nameKey(), agency) && known(row.tradeKey(), agency);
		}

		private static boolean known(String key, NameForms agency) {
			return key.isEmpty() || key.equals(agency.nameKey()) || key.equals(agency.tradeKey());
		}

		/**
		 * Indexes what the agency has and was not indexed under yet; {@code changed} when
		 * a row filled it, so that the large blocks it was already in learn its new keys.
		 */
		private void reindex(Candidate agency, boolean changed) {
			int position = agency.position;
			long[] keys = keys(agency);
			for (int i = 0, n = this.keyCount; i < n; i++) {
				// kept up to COMMON_KEY: large blocks find their members sharing a key
				// with a row here, where HOT_KEY would leave out a shared switchboard
				this.byKey.add(keys[i], position, COMMON_KEY);
			}
			boolean joinsPostcode = agency.postcode != null && !agency.indexedByPostcode;
			boolean joinsTown = agency.cityKey != null && !agency.indexedByCity;
			if (changed) {
				// what the agency gained (a name, an e-mail...) goes under the blocks
				// it was in already; its old keys stay, and lookups check members
				if (agency.indexedByPostcode) {
					indexMember(this.byPostcode.get(agency.postcode), agency);
				}
				if (agency.indexedByCity) {
					indexMember(this.byCity.get(agency.cityKey), agency);
					if (!agency.placedByPostcode()) {
						indexMember(this.byCityWithoutPostcode.get(agency.cityKey), agency);
					}
				}
			}
			if (joinsPostcode) {
				agency.postcode = place(agency.postcode);
				agency.indexedByPostcode = true;
				join(this.byPostcode.computeIfAbsent(agency.postcode,
						(place) -> new PlaceBlock(PlaceBlock.Kind.POSTCODE, place)), agency);
				if (agency.indexedByCity && agency.cityKey != null && agency.placedByPostcode()) {
					PlaceBlock withoutPostcode = this.byCityWithoutPostcode.get(agency.cityKey);
					if (withoutPostcode != null) {
						withoutPostcode.remove(agency);
					}
				}
			}
			if (joinsTown) {
				agency.cityKey = place(agency.cityKey);
				agency.indexedByCity = true;
				join(this.byCity.computeIfAbsent(agency.cityKey,
						(place) -> new PlaceBlock(PlaceBlock.Kind.TOWN, place)), agency);
				if (!agency.placedByPostcode()) {
					join(this.byCityWithoutPostcode.computeIfAbsent(agency.cityKey,
							(place) -> new PlaceBlock(PlaceBlock.Kind.TOWN_WITHOUT_POSTCODE, place)), agency);
				}
			}
			indexName(agency);
		}

		/**
		 * Puts an agency under its names' keys: in {@link #byBareName} when it is known
		 * by a name alone, in {@link #byName} otherwise once that exists. An agency that
		 * a row fills stays where it was put too: lookups check what it is now.
		 */
		private void indexName(Candidate agency) {
			if (agency.nameOnly()) {
				int position = agency.position;
				KeyIndex bare = this.byBareName;
				if (bare == null) {
					bare = new KeyIndex();
					this.byBareName = bare;
				}
				KeyIndex index = bare;
				forEachNameKey(agency.names, (key) -> index.add(key, position, COMMON_KEY));
				names();
			}
			else if (this.byName != null) {
				addName(this.byName, agency);
			}
		}

		private static void addName(KeyIndex index, Candidate agency) {
			if (Deduplication.telling(agency.names)) {
				int position = agency.position;
				forEachNameKey(agency.names, (key) -> index.add(key, position, NAMESAKES));
			}
		}

		/** {@link #byName}, built over the pool's agencies the first time it is asked. */
		private KeyIndex names() {
			KeyIndex names = this.byName;
			if (names == null) {
				names = new KeyIndex();
				for (Candidate agency : this.all) {
					if (!agency.nameOnly()) {
						addName(names, agency);
					}
				}
				this.byName = names;
			}
			return names;
		}

		/** The keys of a name and of a different trade name. */
		private static void forEachNameKey(NameForms names, LongConsumer action) {
			if (!names.nameKey().isEmpty()) {
				action.accept(nameKey(names.nameKey()));
			}
			if (!names.tradeKey().isEmpty() && !names.tradeKey().equals(names.nameKey())) {
				action.accept(nameKey(names.tradeKey()));
			}
		}

		private static long nameKey(String key) {
			long hash = Candidate.hash(key) ^ NAME;
			return (hash != 0) ? hash : NAME;
		}

		/** Adds a member to a block, and to its index once it has one. */
		private void join(PlaceBlock block, Candidate agency) {
			block.add(agency);
			if (block.indexed()) {
				indexMember(block, agency);
			}
		}

		/**
		 * Indexes a large block the first time a row reads it, not when it grows large: a
		 * town's block is read only by rows without a postcode, and a file that always
		 * gives one would hold the index of every large town for nothing.
		 */
		private void indexWhenLarge(PlaceBlock block) {
			if (!block.indexed() && block.size() >= this.indexFrom) {
				block.markIndexed();
				for (int i = 0, n = block.size(); i < n; i++) {
					indexMember(block, block.member(i));
				}
			}
		}

		/** Puts an agency under its name's keys in a block's index. */
		private void indexMember(@Nullable PlaceBlock block, Candidate agency) {
			if (block == null || !block.indexed()) {
				return;
			}
			int position = agency.position;
			DistinctiveWords.forEachKey(agency.names,
					(key) -> this.byWord.append(block.key(key), position, COMMON_KEY));
			DistinctiveWords.forEachNameKey(agency.names,
					(key) -> this.byWord.append(block.key(key), position, COMMON_KEY));
		}

		/**
		 * The identity keys of an agency, in the pool's own array (valid until the next
		 * call): the first {@link #keyCount} of them.
		 */
		private long[] keys(Candidate agency) {
			long[] keys = keyRoom(agency.listedCount());
			int n = identifiers(keys, agency.siret, agency.siren);
			n = agency.putContacts(keys, n, EMAIL, PHONE);
			long website = agency.domainIdentifies() ? agency.domain : 0;
			n = domainKey(keys, n, website);
			this.keyCount = domainKey(keys, n, (agency.emailDomain != website) ? agency.emailDomain : 0);
			return keys;
		}

		/** The identity keys of a row, as {@link #keys(Candidate)}. */
		private long[] keys(Deduplication.Probe probe, long identifyingDomain) {
			long[] emails = probe.emails();
			long[] phones = probe.phones();
			long[] keys = keyRoom(emails.length + phones.length);
			int n = identifiers(keys, probe.siret(), probe.siren());
			for (long email : emails) {
				keys[n++] = email ^ EMAIL;
			}
			for (long phone : phones) {
				keys[n++] = phone ^ PHONE;
			}
			n = domainKey(keys, n, identifyingDomain);
			long emailDomain = probe.emailDomain();
			this.keyCount = domainKey(keys, n, (emailDomain != identifyingDomain) ? emailDomain : 0);
			return keys;
		}

		/**
		 * The pool's array of keys, with room for the SIRET, SIREN, website and these.
		 */
		private long[] keyRoom(int listed) {
			int most = 4 + listed;
			if (this.keys.length < most) {
				this.keys = new long[Math.max(most, 2 * this.keys.length)];
			}
			return this.keys;
		}

		private static int identifiers(long[] keys, long siret, long siren) {
			int n = 0;
			if (siret != 0) {
				keys[n++] = siret ^ SIRET;
			}
			if (siren != 0) {
				keys[n++] = siren ^ SIREN;
			}
			return n;
		}

		private static int domainKey(long[] keys, int at, long domain) {
			if (domain == 0) {
				return at;
			}
			keys[at] = domain ^ DOMAIN;
			return at + 1;
		}

		private String place(String value) {
			String shared = this.places.putIfAbsent(value, value);
			return (shared != null) ? shared : value;
		}

		int size() {
			return this.all.size();
		}

		Deduplication.Probe probe(AgencyValues values) {
			return Deduplication.Probe.of(values, this.scratch);
		}

		/**
		 * The agencies a row could match. The list is the pool's own, valid until the
		 * next call.
		 */
		List<Candidate> candidates(Deduplication.Probe probe) {
			int mark = ++this.stamp;
			List<Candidate> found = this.found;
			found.clear();
			long domain = (!probe.domainShared() && (!probe.names().branded() || probe.domainPage())) ? probe.domain()
					: 0;
			long[] keys = keys(probe, domain);
			int keyCount = this.keyCount;
			for (int i = 0; i < keyCount; i++) {
				// a key shared by many agencies (a group's switchboard) identifies
				// none of them
				this.byKey.forEach(keys[i], HOT_KEY, (position) -> collect(this.all.get(position), mark, found));
			}
			if (probe.postcode() != null) {
				collectFromBlock(this.byPostcode.get(probe.postcode()), probe, mark, keys, keyCount);
			}
			if (Deduplication.nameOnly(probe)) {
				collectNamesakes(probe, mark);
			}
			else if (this.byBareName != null) {
				collectKnownByName(probe, mark);
			}
			String city = probe.cityKey();
			if (city != null) {
				// a row placed by its postcode looks in its town only for agencies no
				// postcode places
				Map<String, PlaceBlock> blocks = (probe.postcode() != null && !probe.cedex())
						? this.byCityWithoutPostcode : this.byCity;
				collectFromBlock(blocks.get(city), probe, mark, keys, keyCount);
			}
			return found;
		}

		/**
		 * The agencies of a place that can match the row at all
		 * ({@link Deduplication#mayMatch}, the first thing a score asks): in a large town
		 * most of the block cannot, and a million-row import visits its blocks about 70
		 * million times. Leaving them out here keeps the order of the rest, so the best
		 * match is the same. A large block gives, through its index, the members sharing
		 * an identity key or a {@link DistinctiveWords distinctive word} with the row:
		 * every member that can score, in the same order.
		 */
		private void collectFromBlock(@Nullable PlaceBlock block, Deduplication.Probe probe, int mark, long[] keys,
				int keyCount) {
			if (block == null) {
				return;
			}
			indexWhenLarge(block);
			List<Candidate> found = this.found;
			if (!block.indexed()) {
				for (int i = 0, n = block.size(); i < n; i++) {
					Candidate agency = block.member(i);
					if (agency.stamp != mark) {
						agency.stamp = mark;
						if (Deduplication.mayMatch(probe, agency)) {
							found.add(agency);
						}
					}
				}
				return;
			}
			List<Candidate> gathered = this.gathered;
			gathered.clear();
			for (int i = 0; i < keyCount; i++) {
				this.byKey.forEach(keys[i], COMMON_KEY, (position) -> gather(block, position, mark));
			}
			DistinctiveWords.forEachKey(probe.names(), (key) -> this.byWord.forEach(block.key(key), COMMON_KEY,
					(position) -> gather(block, position, mark)));
			DistinctiveWords.forEachNameKey(probe.names(), (key) -> this.byWord.forEach(block.key(key), COMMON_KEY,
					(position) -> gather(block, position, mark)));
			gathered.sort(PlaceBlock.BY_POSITION);
			for (Candidate agency : gathered) {
				if (Deduplication.mayMatch(probe, agency)) {
					found.add(agency);
				}
			}
		}

		/**
		 * For a row of a name alone: the agencies known by that name alone (the record
		 * again), and those that bear it and say more, when they are few (ADR 0059).
		 */
		private void collectNamesakes(Deduplication.Probe probe, int mark) {
			List<Candidate> found = this.found;
			KeyIndex names = names();
			KeyIndex known = this.byBareName;
			if (known != null) {
				forEachNameKey(probe.names(), (key) -> known.forEach(key, COMMON_KEY, (position) -> {
					Candidate agency = this.all.get(position);
					if (agency.nameOnly()) {
						collect(agency, mark, found);
					}
				}));
			}
			int bare = found.size();
			forEachNameKey(probe.names(),
					(key) -> names.forEach(key, NAMESAKES, (position) -> collect(this.all.get(position), mark, found)));
			if (found.size() - bare > NAMESAKES) {
				// more agencies than that bear its name and its trade name together
				found.subList(bare, found.size()).clear();
			}
			// oldest first, as blocks give them: of equal matches the first is kept
			found.sort(PlaceBlock.BY_POSITION);
		}

		/**
		 * For a row that says more than a name: the agencies known by its name alone,
		 * when few others bear it, as {@link #collectNamesakes} finds them the other way
		 * round.
		 */
		private void collectKnownByName(Deduplication.Probe probe, int mark) {
			List<Candidate> found = this.found;
			KeyIndex names = names();
			KeyIndex known = Objects.requireNonNull(this.byBareName);
			forEachNameKey(probe.names(), (key) -> known.forEach(key, COMMON_KEY, (position) -> {
				Candidate agency = this.all.get(position);
				// fewer than NAMESAKES agencies bear its names before this row's: so
				// that a name alone is put against that many at most
				if (agency.nameOnly() && namesakes(names, agency.names) < NAMESAKES) {
					collect(agency, mark, found);
				}
			}));
		}

		/**
		 * How many agencies bear a name or a trade name, about: one that bears both is
		 * counted twice, which can only leave a name alone out.
		 */
		private static int namesakes(KeyIndex names, NameForms forms) {
			int[] count = new int[1];
			forEachNameKey(forms, (key) -> count[0] += names.count(key));
			return count[0];
		}

		private void gather(PlaceBlock block, int position, int mark) {
			Candidate agency = this.all.get(position);
			if (agency.stamp != mark && block.holds(agency)) {
				agency.stamp = mark;
				this.gathered.add(agency);
			}
		}

		/**
		 * What a row became: merged into {@code target} (then {@code created} is null and
		 * {@code changesStored} tells whether the row brings the stored agency anything),
		 * or the new agency {@code created}. {@code match} is the best match found,
		 * automatic or not; {@code also}, for a merged row, another agency it matched as
		 * surely, to be reviewed as a duplicate of the one it merged into;
		 * {@code namesakes}, for a new agency of a name alone, the agencies other than
		 * its match that bear the name and say more: possible duplicates too (ADR 0059).
		 * {@code values} are the row's as the agency takes them: its name may be the
		 * agency's trade name ({@link Candidate#takesTheSign}).
		 */
		record Decision(Deduplication.@Nullable Match match, Candidate target, @Nullable AgencyRecord created,
				boolean changesStored, Deduplication.@Nullable Match also, boolean setAside,
				List<Deduplication.Match> namesakes, AgencyValues values) {
		}

		private static void collect(Candidate agency, int mark, List<Candidate> found) {
			if (agency.stamp != mark) {
				agency.stamp = mark;
				found.add(agency);
			}
		}

	}

}
