package fr.atlas.cases.internal;

import java.util.List;
import java.util.UUID;

import fr.atlas.platform.CurrentTenant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The cases an agency (a prospect) is a party to, open ones first, for the agency's page.
 */
@Service
@Transactional(readOnly = true)
public class AgencyCases {

	/** An agency of a network may be in many cases: the page lists the latest. */
	static final int SHOWN = 20;

	private final JdbcClient jdbc;

	private final Workflows workflows;

	AgencyCases(JdbcClient jdbc, Workflows workflows) {
		this.jdbc = jdbc;
		this.workflows = workflows;
	}

	/** The agency's cases, each with its state as the given language names it. */
	public List<AgencyCase> of(UUID agency, String language) {
		return this.jdbc
			.sql("""
					select c.id, c.reference, c.title, c.case_type, c.workflow_version, c.state, c.closed_at is not null as closed
					from case_party p join case_file c on c.org_id = p.org_id and c.id = p.case_id
					where p.org_id = :org and p.party_type = 'AGENCY' and p.party_ref = :agency
					order by c.closed_at is not null, c.created_at desc limit :shown""")
			.param("org", CurrentTenant.require().value())
			.param("agency", agency.toString())
			.param("shown", SHOWN)
			.query((rs, row) -> new AgencyCase(rs.getObject("id", UUID.class), rs.getString("reference"),
					rs.getString("title"),
					stateLabel(rs.getString("case_type"), rs.getInt("workflow_version"), rs.getString("state"),
							language),
					rs.getBoolean("closed")))
			.list();
	}

	private String stateLabel(String caseType, int version, String state, String language) {
		return this.workflows.engine(caseType, version)
			.definition()
			.state(state)
			.map((definition) -> definition.label(language))
			.orElse(state);
	}

	/**
	 * A case of the agency.
	 *
	 * @param state its state's label
	 */
	public record AgencyCase(UUID id, String reference, String title, String state, boolean closed) {
	}

}
