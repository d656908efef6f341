package fr.atlas.cases;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import fr.atlas.support.ApiClient;
import fr.atlas.support.ApiClient.Tenant;
import fr.atlas.support.WebIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard's CSV through the API (ADR 0105): it was only a page's link, which an API
 * token could not reach (a redirect to the sign-in page).
 */
@WebIntegrationTest
@SuppressWarnings({ "unchecked", "rawtypes" })
class CaseReportCsvApiIntegrationTests {

	private static final String BOM = "\uFEFF";

	@Autowired
	ApiClient api;

	@Test
	void aTokenGetsTheSummaryAsCsvInItsLanguageAndOnlyItsOrganisationsNumbers() {
		Tenant tenant = this.api.newOrganisation("Agence Rapport en CSV");
		Tenant other = this.api.newOrganisation("Agence Rapport voisine");
		Leads.open(this.api, tenant, "T2 Guillotière");
		Leads.open(this.api, tenant, "T3 Jean-Macé");
		Leads.open(this.api, other, "Studio Bellecour");

		ResponseEntity<byte[]> french = csv(tenant, "/api/v1/cases/reports/summary.csv", null);
		assertThat(french.getStatusCode().value()).isEqualTo(200);
		assertThat(french.getHeaders().getContentType().toString()).startsWith("text/csv");
		assertThat(french.getHeaders().getFirst("Content-Disposition"))
			.startsWith("attachment; filename=\"atlas-dossiers-")
			.endsWith(".csv\"");
		String text = new String(french.getBody(), StandardCharsets.UTF_8);
		assertThat(text).startsWith(BOM + "Rubrique;Élément;Détail;Nombre;Taux ou heures")
			.contains("Dossiers;Dossiers ouverts;;2;")
			.contains("Conversion par étape;Lead acheteur;Nouveau;2;1");

		ResponseEntity<byte[]> english = csv(tenant, "/api/v1/cases/reports/summary.csv", "en");
		assertThat(new String(english.getBody(), StandardCharsets.UTF_8)).contains("Buyer lead")
			.doesNotContain("Lead acheteur");

		// the other organisation counts its own case only
		assertThat(new String(csv(other, "/api/v1/cases/reports/summary.csv", null).getBody(), StandardCharsets.UTF_8))
			.contains("Dossiers;Dossiers ouverts;;1;");

		// the summary's period rules: a period that ends before it starts is a 400
		// problem
		ResponseEntity<Map> refused = this.api.raw()
			.get()
			.uri("/api/v1/cases/reports/summary.csv?from=2026-12-01&to=2026-11-01")
			.headers((h) -> h.setBearerAuth(tenant.token()))
			.retrieve()
			.toEntity(Map.class);
		assertThat(refused.getStatusCode().value()).isEqualTo(400);
		assertThat(refused.getBody()).containsEntry("status", 400);
		assertThat(csv(tenant, "/api/v1/cases/reports/summary.csv?from=2026-13-01", null).getStatusCode().value())
			.isEqualTo(400);
	}

	private ResponseEntity<byte[]> csv(Tenant tenant, String path, String language) {
		return this.api.raw().get().uri(path).headers((h) -> {
			h.setBearerAuth(tenant.token());
			if (language != null) {
				h.set("Accept-Language", language);
			}
		}).retrieve().toEntity(byte[].class);
	}

}
