package fr.atlas.prospects;

import java.util.List;
import java.util.Map;

import fr.atlas.support.ApiClient;
import fr.atlas.support.WebIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A register's extract names agencies by their companies, a portal by their signs: the
 * import that merges one into the other gives the company its sign as its trade name, in
 * one file or in a later one (ADR 0108), and the agency is found by either name.
 */
@WebIntegrationTest
class ImportSignIntegrationTests {

	@Autowired
	ApiClient api;

	@Autowired
	ProspectsApi prospects;

	@Test
	@SuppressWarnings("unchecked")
	void aSignMergedIntoACompanyInOneFileIsItsTradeName() {
		var tenant = this.api.newOrganisation("Registre et portail");
		Map<String, Object> job = this.prospects.importAndWait(tenant.token(), "marche.csv", """
				Raison sociale;Adresse;Code postal;Ville
				SA MORIN IMMO;5 CHE DES ECOLES;44000;NANTES
				Maison Morin;5 chemin des Écoles;44000;Nantes
				""");
		assertThat(job).containsEntry("status", "DONE").containsEntry("created", 1).containsEntry("merged", 1);
		String id = this.prospects.idOf(tenant.token(), "maison morin");
		Map<String, Object> agency = (Map<String, Object>) this.api.get(tenant.token(), "/api/v1/prospects/" + id)
			.getBody()
			.get("agency");
		assertThat(agency).containsEntry("name", "SA MORIN IMMO").containsEntry("tradeName", "Maison Morin");

		var other = this.api.newOrganisation("Autre registre");
		assertThat(this.prospects.names(other.token(), "/api/v1/prospects?q=maison morin")).isEmpty();
		assertThat(this.api.getText(other.token(), "/api/v1/prospects/" + id).getStatusCode().value()).isEqualTo(404);
	}

	@Test
	@SuppressWarnings("unchecked")
	void aLaterFilesSignFillsTheStoredCompanyOnce() {
		var tenant = this.api.newOrganisation("Registre puis portail");
		this.prospects.importAndWait(tenant.token(), "registre.csv", """
				Raison sociale;SIRET;Code postal;Ville
				SA MOREAU DURAND TRANSACTIONS;732 829 320 00074;37000;TOURS
				""");
		String portal = """
				Agence;SIRET;Code postal;Ville
				Orpi Moreau Immobilier;73282932000074;37000;Tours
				""";
		assertThat(this.prospects.importAndWait(tenant.token(), "portail.csv", portal)).containsEntry("created", 0)
			.containsEntry("merged", 1);
		List<String> found = this.prospects.names(tenant.token(), "/api/v1/prospects?q=orpi moreau");
		assertThat(found).containsExactly("SA MOREAU DURAND TRANSACTIONS");
		String id = this.prospects.idOf(tenant.token(), "orpi moreau");
		Map<String, Object> agency = (Map<String, Object>) this.api.get(tenant.token(), "/api/v1/prospects/" + id)
			.getBody()
			.get("agency");
		assertThat(agency).containsEntry("name", "SA MOREAU DURAND TRANSACTIONS")
			.containsEntry("tradeName", "Orpi Moreau Immobilier");

		// the same file again finds the agency by its sign and changes nothing
		assertThat(this.prospects.importAndWait(tenant.token(), "portail.csv", portal)).containsEntry("created", 0);
		assertThat(this.prospects.names(tenant.token(), "/api/v1/prospects")).hasSize(1);
	}

}
