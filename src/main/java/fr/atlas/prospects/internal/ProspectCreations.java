package fr.atlas.prospects.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import fr.atlas.platform.ConflictException;
import fr.atlas.platform.CurrentTenant;
import fr.atlas.platform.InvalidInputException;
import fr.atlas.platform.InvalidInputException.FieldProblem;
import fr.atlas.platform.OrgId;
import fr.atlas.platform.TimeOrderedIds;
import fr.atlas.prospects.ProspectCreated;
import fr.atlas.prospects.ProspectId;
import fr.atlas.prospects.internal.Agencies.PossibleDuplicate;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An agency a person adds by hand: a salesperson met it at a fair, or it is missing from
 * every file. Its values go through the import's rules ({@link ProspectEdits#apply}), and
 * it is matched against the organisation's agencies by the import's rule
 * ({@link Deduplication}), so that typing an agency the base has already does not make a
 * second one:
 * <ul>
 * <li>an agency the import would merge it into (same SIRET, same e-mail...) refuses the
 * creation, naming that agency, unless the person says it is another one
 * ({@code allowDuplicate}); the two then wait in the review queue;</li>
 * <li>an agency it only resembles is created, the pair put in the review queue.</li>
 * </ul>
 * Each value is recorded as a source of kind USER with who set it, and the creation is
 * audited.
 */
@Service
@Transactional
public class ProspectCreations {

	/** The agency a new one would duplicate, as the refusal names it. */
	public record Existing(UUID id, String name, String status, double confidence, List<String> reasons) {
	}

	/** A new agency, and the agency it resembles, now in the review queue with it. */
	public record Created(UUID id, Optional<Existing> resembles) {
	}

	private final Agencies agencies;

	private final Owners owners;

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	private final ApplicationEventPublisher events;

	ProspectCreations(Agencies agencies, Owners owners, JdbcClient jdbc, JdbcTemplate template,
			ApplicationEventPublisher events) {
		this.agencies = agencies;
		this.owners = owners;
		this.jdbc = jdbc;
		this.template = template;
		this.events = events;
	}

	/**
	 * Creates an agency from the fields a person gave, named as {@code PATCH} names them
	 * (a name at least).
	 * @throws InvalidInputException for a missing name or a value the import's rules
	 * refuse, with each field's reason
	 * @throws ConflictException {@code prospects.create.duplicate} when the organisation
	 * has the agency already and {@code allowDuplicate} is not set; its details name it
	 */
	public Created create(Map<String, @Nullable Object> fields, @Nullable UUID by) {
		Map<String, @Nullable Object> wanted = new LinkedHashMap<>(fields);
		Object allow = wanted.remove("allowDuplicate");
		List<FieldProblem> problems = new ArrayList<>();
		TypedRow.checkFields(wanted, ProspectEdits.KNOWN, "prospects.create.nothing", problems);
		if (allow != null && !(allow instanceof Boolean)) {
			problems.add(new FieldProblem("allowDuplicate", "prospects.create.not-boolean"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		if (!wanted.containsKey("name")) {
			// blank is refused by the rules below, like an edit that clears it
			problems.add(new FieldProblem("name", "prospects.create.name-required"));
		}
		AgencyRecord agency = new AgencyRecord(TimeOrderedIds.next(), false, "", "");
		ProspectEdits.apply(agency, wanted, problems);
		if (problems.isEmpty() && agency.nameKey.isEmpty()) {
			// a name the rules reduce to nothing ("SARL") names no agency
			problems.add(new FieldProblem("name", "prospects.create.name-required"));
		}
		UUID owner = this.owners.of(wanted.get("owner"), problems);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		// two people adding the same agency at once (or one double click): the second
		// waits here, then meets the first one's agency
		this.jdbc.sql("select pg_advisory_xact_lock(hashtextextended(:key, 0))")
			.param("key", "agency-creation:" + org())
			.query()
			.singleValue();
		Optional<Existing> resembles = resemblance(ProspectMerges.values(agency));
		if (resembles.isPresent() && resembles.get().confidence() >= Deduplication.AUTO_MERGE
				&& !Boolean.TRUE.equals(allow)) {
			Existing existing = resembles.get();
			throw new ConflictException("prospects.create.duplicate",
					Map.of("existingId", existing.id(), "existingName", existing.name(), "existingStatus",
							existing.status(), "confidence", existing.confidence(), "reasons", existing.reasons()),
					existing.name());
		}
		this.agencies.newAgencies(List.of(agency), owner).into(this.template);
		this.agencies.addSources(sources(agency, owner, by));
		resembles
			.ifPresent(
					(existing) -> this.agencies
						.possibleDuplicates(List.of(new PossibleDuplicate(agency.id, existing.id(),
								existing.confidence(), existing.reasons())), null)
						.into(this.template));
		this.events.publishEvent(new ProspectCreated(new OrgId(org()), new ProspectId(agency.id), agency.name,
				resembles.map(Existing::id).map(ProspectId::new).orElse(null)));
		return new Created(agency.id, resembles);
	}

	/**
	 * The agency of the organisation these values match best, from the review threshold
	 * up, as an import row with them would.
	 */
	private Optional<Existing> resemblance(AgencyValues values) {
		List<AgencyRecord> near = this.agencies.near(values);
		if (near.isEmpty()) {
			return Optional.empty();
		}
		// the import's own pool over the agencies near: the same blocks, the same keys
		// too shared to identify anyone
		ImportBatch.Pool pool = new ImportBatch.Pool();
		near.forEach((agency) -> pool.add(Candidate.of(agency)));
		Deduplication.Probe probe = pool.probe(values);
		return Deduplication.rank(probe, pool.candidates(probe)).best().map(this::existing);
	}

	private Existing existing(Deduplication.Match match) {
		UUID id = match.agency().id();
		return this.jdbc.sql("select name, status from agency where org_id = :org and id = :id")
			.param("org", org())
			.param("id", id)
			.query((rs, row) -> new Existing(id, NameDisplay.of(rs.getString(1)), rs.getString(2), match.confidence(),
					List.copyOf(match.reasons())))
			.single();
	}

	/**
	 * Each value the agency was created with, as a USER source: who typed it, and when.
	 */
	private static List<Agencies.FieldSource> sources(AgencyRecord agency, @Nullable UUID owner, @Nullable UUID by) {
		List<Agencies.FieldSource> sources = new ArrayList<>();
		ProspectMerges.values(agency).asFields().forEach((field, value) -> {
			if (value != null) {
				sources.add(new Agencies.FieldSource(agency.id, field, value, "USER", null, null, by, null));
			}
		});
		if (owner != null) {
			sources
				.add(new Agencies.FieldSource(agency.id, "owner_id", owner.toString(), "USER", null, null, by, null));
		}
		return sources;
	}

	private static UUID org() {
		return CurrentTenant.require().value();
	}

}
