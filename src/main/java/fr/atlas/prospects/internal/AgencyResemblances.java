package fr.atlas.prospects.internal;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import fr.atlas.platform.CurrentTenant;
import fr.atlas.platform.TimeOrderedIds;
import fr.atlas.platform.TransactionLock;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Matches an agency a person typed or corrected against the organisation's other agencies
 * by the import's rule ({@link Deduplication}), and puts the pair it finds in the review
 * queue. Callers run inside a transaction with the tenant bound.
 */
@Component
class AgencyResemblances {

	/**
	 * The fields by which agencies are matched: a change to another one (a tag, the
	 * revenue) cannot make an agency resemble another.
	 */
	static final Set<String> MATCHED = Set.of("name", "trade_name", "siren", "siret", "address", "postcode", "city",
			"website_domain", "emails", "phones");

	private final Agencies agencies;

	private final JdbcClient jdbc;

	AgencyResemblances(Agencies agencies, JdbcClient jdbc) {
		this.agencies = agencies;
		this.jdbc = jdbc;
	}

	/**
	 * Makes the organisation's creations and corrections take turns until the transaction
	 * ends: two people adding the same agency at once (or one double click) then make one
	 * agency, the second meeting the first.
	 */
	void takeTurn() {
		TransactionLock.take(this.jdbc, "agency-resemblance:" + org());
	}

	/**
	 * The agency of the organisation, other than {@code self}, these values match best,
	 * from the review threshold up, as an import row with them would: the agencies near
	 * them ({@link Agencies#near}) in the import's own pool, so the same blocks apply and
	 * the same keys are too shared to identify anyone.
	 */
	Optional<Resemblance> best(AgencyValues values, @Nullable UUID self) {
		List<AgencyRecord> near = this.agencies.near(values);
		ImportBatch.Pool pool = new ImportBatch.Pool();
		near.stream().filter((agency) -> !agency.id.equals(self)).forEach((agency) -> pool.add(Candidate.of(agency)));
		if (pool.size() == 0) {
			return Optional.empty();
		}
		Deduplication.Probe probe = pool.probe(values);
		return Deduplication.best(probe, pool.candidates(probe)).map(this::resemblance);
	}

	private Resemblance resemblance(Deduplication.Match match) {
		UUID id = match.agency().id();
		return this.jdbc.sql("select name, status from agency where org_id = :org and id = :id")
			.param("org", org())
			.param("id", id)
			.query((rs, row) -> new Resemblance(id, NameDisplay.of(rs.getString(1)), rs.getString(2),
					match.confidence(), List.copyOf(match.reasons())))
			.single();
	}

	/**
	 * Puts the agency and the one it resembles in the review queue, unless the pair is
	 * there already either way round, waiting or decided: a pair a person dismissed stays
	 * dismissed.
	 * @return whether the pair was queued
	 */
	boolean queue(UUID agency, Resemblance other) {
		return this.jdbc
			.sql("""
					insert into duplicate_candidate (org_id, id, agency_id, other_id, confidence, reasons)
					select :org, :id, :agency, :other, :confidence, :reasons
					where not exists (select 1 from duplicate_candidate d where d.org_id = :org
					  and (d.agency_id = :agency and d.other_id = :other or d.agency_id = :other and d.other_id = :agency))""")
			.param("org", org())
			.param("id", TimeOrderedIds.next())
			.param("agency", agency)
			.param("other", other.id())
			.param("confidence", (float) other.confidence())
			.param("reasons", String.join("|", other.reasons()))
			.update() == 1;
	}

	private static UUID org() {
		return CurrentTenant.require().value();
	}

}
