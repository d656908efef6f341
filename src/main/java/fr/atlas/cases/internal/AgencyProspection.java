package fr.atlas.cases.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import fr.atlas.cases.internal.CaseParties.NewParty;
import fr.atlas.platform.CurrentTenant;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opens the prospection case of an agency from the agency's page: a case of the
 * {@value #TYPE} type, its fields filled from what Prospects knows of the agency, the
 * agency its party, assigned to the member who opens it. An agency already in an open
 * prospection case gets that case back rather than a second one.
 */
@Service
@Transactional
public class AgencyProspection {

	/** The seeded type of agency prospection cases. */
	static final String TYPE = "PROSPECTION";

	private final Cases cases;

	private final CaseParties parties;

	private final JdbcClient jdbc;

	AgencyProspection(Cases cases, CaseParties parties, JdbcClient jdbc) {
		this.cases = cases;
		this.parties = parties;
		this.jdbc = jdbc;
	}

	/** What the agency's page tells of the agency; only its id and name are required. */
	public record Facts(UUID agencyId, String agencyName, @Nullable String siren, @Nullable String city,
			@Nullable String email, @Nullable String contactName) {
	}

	/** The agency's prospection case, and whether it was open already. */
	public record Opened(CaseFile caseFile, boolean alreadyOpen) {
	}

	public Opened open(Facts facts, Actor actor) {
		UUID org = CurrentTenant.require().value();
		// two clicks at once open one case: the second waits here, then finds it
		this.jdbc.sql("select pg_advisory_xact_lock(hashtextextended(:key, 0))")
			.param("key", "agency-prospection:" + org + ":" + facts.agencyId())
			.query()
			.singleValue();
		Optional<UUID> open = this.jdbc.sql("""
				select c.id from case_party p join case_file c on c.org_id = p.org_id and c.id = p.case_id
				where p.org_id = :org and p.party_type = 'AGENCY' and p.party_ref = :agency
				  and c.case_type = :type and c.closed_at is null
				order by c.created_at desc limit 1""")
			.param("org", org)
			.param("agency", facts.agencyId().toString())
			.param("type", TYPE)
			.query(UUID.class)
			.optional();
		if (open.isPresent()) {
			return new Opened(this.cases.require(open.get()), true);
		}
		String name = facts.agencyName().strip();
		CaseFile created = this.cases.create(new Cases.NewCase(TYPE,
				(facts.city() != null && !facts.city().isBlank()) ? name + " (" + facts.city().strip() + ")" : name,
				(actor.userId() != null) ? actor.userId().value() : null, null, null, fields(facts), null, "MANUAL"),
				actor);
		this.parties.add(created.id(), new NewParty("AGENCY", facts.agencyId().toString(), name), actor);
		return new Opened(this.cases.require(created.id()), false);
	}

	/** The type's fields the facts fill; those the agency has no value for stay empty. */
	private static Map<String, Object> fields(Facts facts) {
		Map<String, Object> fields = new LinkedHashMap<>();
		put(fields, "agencyName", facts.agencyName());
		put(fields, "siren", facts.siren());
		put(fields, "city", facts.city());
		put(fields, "email", facts.email());
		put(fields, "contactName", facts.contactName());
		return fields;
	}

	private static void put(Map<String, Object> fields, String key, @Nullable String value) {
		if (value != null && !value.isBlank()) {
			fields.put(key, value.strip());
		}
	}

}
