package fr.atlas.prospects.internal;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import fr.atlas.platform.OrgId;
import fr.atlas.prospects.ProspectsApi;
import fr.atlas.support.ApiClient;
import fr.atlas.support.ApiClient.Tenant;
import fr.atlas.support.TenantSql;
import fr.atlas.support.WebIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The import's fill ({@code Agencies.fill}, ADRs 0017 and 0018): empty columns take the
 * rows' values, values already there stay, lists gain what they lack in order, and an
 * organisation cannot fill another's agency even when it names its id.
 */
@WebIntegrationTest
class AgencyFillIntegrationTests {

	private static final String CSV = """
			Raison sociale;E-mail;Téléphone;Code postal;Ville
			Agence de la Gare;gare@exemple.fr;01 42 00 00 01;75008;Paris
			""";

	@Autowired
	TenantSql sql;

	@Autowired
	Agencies agencies;

	@Autowired
	ApiClient api;

	@Autowired
	ProspectsApi prospects;

	@Test
	void fillsOnlyWhatIsEmptyAndAddsWhatListsLack() {
		OrgId org = organisationWithOneAgency("Remplissage");
		UUID agency = onlyAgency(org);
		AgencyRecord values = new AgencyRecord(agency, true, "Autre nom", "autre nom");
		values.tradeName = "Gare Immo";
		values.postcode = "69001";
		values.emails.add("contact@gare.fr");
		values.emails.add("gare@exemple.fr");
		values.phones.add("+33142000001");
		values.listingCount = 42;

		fill(org, values);

		Map<String, Object> row = agency(org, agency);
		assertThat(row).containsEntry("name", "Agence de la Gare")
			.containsEntry("trade_name", "Gare Immo")
			.containsEntry("postcode", "75008")
			.containsEntry("emails", "gare@exemple.fr,contact@gare.fr")
			.containsEntry("phones", "+33142000001")
			.containsEntry("listing_count", 42)
			.containsEntry("version", 1);

		// nothing new: the agency is left as it is
		fill(org, values);
		assertThat(agency(org, agency)).containsEntry("version", 1);

		// lists that share nothing with the agency's are appended, in order
		AgencyRecord more = new AgencyRecord(agency, true, "", "");
		more.emails.add("vente@gare.fr");
		more.emails.add("location@gare.fr");
		more.phones.add("+33612345678");
		more.tags.add("salon 2026");
		assertThat(fill(org, more)).isOne();
		assertThat(agency(org, agency))
			.containsEntry("emails", "gare@exemple.fr,contact@gare.fr,vente@gare.fr,location@gare.fr")
			.containsEntry("phones", "+33142000001,+33612345678")
			.containsEntry("tags", "salon 2026")
			.containsEntry("trade_name", "Gare Immo")
			.containsEntry("version", 2);
	}

	@Test
	void cannotFillTheAgencyOfAnotherOrganisation() {
		OrgId owner = organisationWithOneAgency("Propriétaire");
		UUID agency = onlyAgency(owner);
		OrgId other = OrgId.of(this.api.newOrganisation("Intrus").orgId());
		AgencyRecord values = new AgencyRecord(agency, true, "", "");
		values.tradeName = "Détournée";
		values.emails.add("intrus@exemple.fr");

		assertThat(fill(other, values)).isZero();
		assertThat(this.sql.count(other, "select count(*) from agency"))
			.as("no agency made up in the other organisation")
			.isZero();

		assertThat(agency(owner, agency)).containsEntry("trade_name", null)
			.containsEntry("emails", "gare@exemple.fr")
			.containsEntry("version", 0);
	}

	/** An organisation with one agency, imported through the API as a user would. */
	private OrgId organisationWithOneAgency(String name) {
		Tenant tenant = this.api.newOrganisation(name);
		this.prospects.importAndWait(tenant.token(), "fill.csv", CSV);
		return OrgId.of(tenant.orgId());
	}

	private UUID onlyAgency(OrgId org) {
		return this.sql.as(org, (jdbc) -> jdbc.sql("select id from agency").query(UUID.class).single());
	}

	private int fill(OrgId org, AgencyRecord values) {
		return this.sql.as(org, (jdbc) -> {
			long before = jdbc.sql("select coalesce(sum(version), 0) from agency").query(Long.class).single();
			this.agencies.fill(List.of(values));
			long after = jdbc.sql("select coalesce(sum(version), 0) from agency").query(Long.class).single();
			return (int) (after - before);
		});
	}

	private Map<String, Object> agency(OrgId org, UUID id) {
		return this.sql.as(org, (jdbc) -> jdbc.sql("""
				select name, trade_name, postcode, array_to_string(emails, ',') as emails,
				  array_to_string(phones, ',') as phones, array_to_string(tags, ',') as tags, listing_count, version
				from agency where id = :id""").param("id", id).query().singleRow());
	}

}
