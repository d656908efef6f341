package fr.atlas.prospects;

import java.util.List;
import java.util.Map;

import fr.atlas.support.ApiClient;
import fr.atlas.support.WebIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A listings portal's scrape, then a CRM's export of the same market, imported one after
 * the other (ADR 0094, ADR 0095): a network's agency listed twice, once with its town
 * after its name or its town said for short, is one agency; two of one network's agencies
 * in one town stay two; a second file merges into what the first created.
 */
@WebIntegrationTest
class ImportPortalListingsIntegrationTests {

	static final String PORTAL = """
			Agence,Téléphone,Site web,Adresse,Code postal,Ville,Nb annonces
			Orpi Dubois Immobilier - Lyon 2ème,+33 (0)4 95 70 83 39,https://www.orpi.com/agence/dubois-immobilier-lyon,130 boulevard de la Liberté,69002,Lyon 2ème,149
			Guy Hoquet Boulogne-Billancourt Vieux Port,0122141074,https://www.guy-hoquet.com/agence/boulogne-billancourt-vieux-port,71 quai de la Gare,92100,Boulogne-Billancourt,6
			Orpi Bellecour - Lyon 2ème,04 78 00 00 01,https://www.orpi.com/agence/bellecour-lyon,4 place Bellecour,69002,Lyon 2ème,31
			Orpi Dubois Immobilier (Lyon),04.95.70.83.39,https://www.orpi.com/agence/dubois-immobilier-lyon,130 boulevard de la Liberté,,Lyon,149
			Guy Hoquet Boulogne-Billancourt Vieux Port,01 22 14 10 74,,71 quai de la Gare,92100,Boulogne,6
			""";

	static final String CRM = """
			Company,Phone,First name,Last name,City,Zip
			Orpi Dubois Immobilier,04 95 70 83 39,Camille,Dubois,Lyon,69002
			Orpi Bellecour (Lyon),0478000001,Hugo,Martin,Lyon,69002
			""";

	@Autowired
	ApiClient api;

	@Autowired
	ProspectsApi prospects;

	@Test
	void aPortalsRepeatedListingsAndALaterFileAreTheAgenciesOnce() {
		var tenant = this.api.newOrganisation("Portail et CRM");
		Map<String, Object> portal = this.prospects.importAndWait(tenant.token(), "portail.csv", PORTAL);
		assertThat(portal).containsEntry("status", "DONE").containsEntry("created", 3).containsEntry("merged", 2);
		List<String[]> rows = this.prospects.report(tenant.token(), (String) portal.get("id"));
		String dubois = rows.get(0)[2];
		String hoquet = rows.get(1)[2];
		String bellecour = rows.get(2)[2];
		assertThat(List.of(dubois, hoquet, bellecour)).doesNotHaveDuplicates();
		assertThat(rows.get(3)[2]).isEqualTo(dubois);
		assertThat(rows.get(4)[2]).isEqualTo(hoquet);

		Map<String, Object> crm = this.prospects.importAndWait(tenant.token(), "crm.csv", CRM);
		assertThat(crm).containsEntry("status", "DONE").containsEntry("created", 0).containsEntry("merged", 2);
		List<String[]> later = this.prospects.report(tenant.token(), (String) crm.get("id"));
		assertThat(later.get(0)[2]).isEqualTo(dubois);
		assertThat(later.get(1)[2]).isEqualTo(bellecour);

		// another organisation sees none of these agencies
		var other = this.api.newOrganisation("Autre réseau");
		assertThat(this.api.getText(other.token(), "/api/v1/prospects/" + dubois).getStatusCode().value())
			.isEqualTo(404);
	}

	/**
	 * A CRM's export, a row per contact, each with the person's own address at the
	 * network's domain in its one "Email" column (ADR 0100): one agency, each address its
	 * person's, the agency's box the agency's.
	 */
	@Test
	@SuppressWarnings("unchecked")
	void aCrmsRowPerContactAtANetworksDomainIsOneAgencyWithItsPeople() {
		var tenant = this.api.newOrganisation("CRM réseau");
		Map<String, Object> crm = this.prospects.importAndWait(tenant.token(), "crm.csv", """
				Company,Email,Phone,First name,Last name,City,Zip
				Century 21 Les Quais,HUGO.LEGRAND@CENTURY21.FR,04 76 00 00 01,Hugo,Legrand,Grenoble,38000
				Century 21 Les Quais,contact.les-quais-grenoble@century21.fr,,Léa,Martin,Grenoble,38000
				Century 21 Les Quais,l.martin@century21.fr,,Léa,Martin,Chambéry,73000
				""");
		assertThat(crm).containsEntry("status", "DONE").containsEntry("created", 2).containsEntry("merged", 1);
		List<String[]> rows = this.prospects.report(tenant.token(), (String) crm.get("id"));
		String grenoble = rows.get(0)[2];
		assertThat(rows.get(1)[2]).isEqualTo(grenoble);
		assertThat(rows.get(2)[2]).isNotEqualTo(grenoble);
		Map<String, Object> detail = this.api.get(tenant.token(), "/api/v1/prospects/" + grenoble).getBody();
		assertThat((List<String>) ((Map<String, Object>) detail.get("agency")).get("emails"))
			.containsExactly("contact.les-quais-grenoble@century21.fr");
		assertThat((List<Map<String, Object>>) detail.get("contacts"))
			.anySatisfy((c) -> assertThat(c).containsEntry("lastName", "Legrand")
				.containsEntry("emails", List.of("hugo.legrand@century21.fr")));

		var other = this.api.newOrganisation("Autre CRM");
		assertThat(this.api.getText(other.token(), "/api/v1/prospects/" + grenoble).getStatusCode().value())
			.isEqualTo(404);
	}

}
