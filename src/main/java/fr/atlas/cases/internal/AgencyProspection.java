package fr.atlas.cases.internal;

import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import fr.atlas.cases.internal.CaseParties.NewParty;
import fr.atlas.platform.AgencyFacts;
import fr.atlas.platform.CurrentTenant;
import fr.atlas.platform.TransactionLock;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opens the prospection case of an agency from the agency's page: a case of the
 * {@value #TYPE} type, its fields filled from what Prospects knows of the agency, the
 * agency its party, assigned to the member who opens it (or to another member). An agency
 * already in an open prospection case gets that case back rather than a second one.
 */
@Service
@Transactional
public class AgencyProspection {

	/** The seeded type of agency prospection cases. */
	static final String TYPE = "PROSPECTION";

	/**
	 * The organisation's open cases of the type, by the agencies that are their parties.
	 */
	private static final String OPEN_CASES = """
			from case_party p join case_file c on c.org_id = p.org_id and c.id = p.case_id
			where p.org_id = :org and p.party_type = 'AGENCY' and c.case_type = :type and c.closed_at is null""";

	/** The longest title a case takes ({@link Cases#create}). */
	private static final int TITLE_MOST = 200;

	private final Cases cases;

	private final CaseParties parties;

	private final JdbcClient jdbc;

	AgencyProspection(Cases cases, CaseParties parties, JdbcClient jdbc) {
		this.cases = cases;
		this.parties = parties;
		this.jdbc = jdbc;
	}

	/** The agency's prospection case, and whether it was open already. */
	public record Opened(CaseFile caseFile, boolean alreadyOpen) {
	}

	/** Opens the agency's prospection case, assigned to the member who opens it. */
	public Opened open(AgencyFacts facts, Actor actor) {
		return open(facts, actor, (actor.userId() != null) ? actor.userId().value() : null, null);
	}

	/**
	 * Opens the agency's prospection case, assigned to {@code assignee} (null: the type's
	 * assignment rules choose), as one of a {@code batch} opened together if any.
	 */
	public Opened open(AgencyFacts facts, Actor actor, @Nullable UUID assignee, @Nullable UUID batch) {
		UUID org = CurrentTenant.require().value();
		// two clicks at once open one case: the second waits here, then finds it
		TransactionLock.take(this.jdbc, "agency-prospection:" + org + ":" + facts.agencyId());
		Optional<UUID> open = openCase(facts.agencyId());
		if (open.isPresent()) {
			return new Opened(this.cases.require(open.get()), true);
		}
		String name = facts.agencyName().strip();
		Cases.NewCase command = new Cases.NewCase(TYPE, title(name, facts.city()), assignee, null, null, fields(facts),
				null, "MANUAL");
		CaseFile created = (batch != null) ? this.cases.createInBatch(command, actor, batch)
				: this.cases.create(command, actor);
		this.parties.add(created.id(), new NewParty("AGENCY", facts.agencyId().toString(), title(name, null)), actor);
		return new Opened(this.cases.require(created.id()), false);
	}

	/** The agency's open prospection case, the latest if several. */
	@Transactional(readOnly = true)
	public Optional<UUID> openCase(UUID agency) {
		return this.jdbc
			.sql("select c.id " + OPEN_CASES + " and p.party_ref = :agency order by c.created_at desc limit 1")
			.param("org", CurrentTenant.require().value())
			.param("agency", agency.toString())
			.param("type", TYPE)
			.query(UUID.class)
			.optional();
	}

	/** The organisation's agencies in an open prospection case. */
	@Transactional(readOnly = true)
	public Set<UUID> agenciesInProspection() {
		// an AGENCY party names an agency by its id; anything else an API client linked
		// is no agency of Prospects
		return new HashSet<>(this.jdbc
			.sql("select distinct p.party_ref::uuid " + OPEN_CASES
					+ " and p.party_ref ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'")
			.param("org", CurrentTenant.require().value())
			.param("type", TYPE)
			.query(UUID.class)
			.list());
	}

	/**
	 * "Name (town)", the name shortened when both would not fit a case's title: an import
	 * takes names of any length.
	 */
	static String title(String name, @Nullable String city) {
		boolean named = city == null || city.isBlank() || folded(name).contains(folded(city));
		// "ERA Immobilier Sainte-Foy-lès-Lyon" says its town already
		String town = named ? "" : " (" + city.strip() + ")";
		if (town.length() > TITLE_MOST / 2) {
			town = "";
		}
		int room = TITLE_MOST - town.length();
		String shown = (name.length() <= room) ? name : name.substring(0, room - 1).strip() + "…";
		return shown + town;
	}

	/**
	 * Its words in lower case without accents, each between spaces, so that a town is
	 * found as whole words: Sainte-Foy-lès-Lyon is found in "ERA Immobilier Sainte Foy
	 * les Lyon".
	 */
	private static String folded(String text) {
		return " " + Normalizer.normalize(text, Normalizer.Form.NFD)
			.replaceAll("\\p{M}+", "")
			.toLowerCase(Locale.ROOT)
			.replaceAll("[^a-z0-9]+", " ")
			.strip() + " ";
	}

	/** The type's fields the facts fill; those the agency has no value for stay empty. */
	private static Map<String, Object> fields(AgencyFacts facts) {
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
