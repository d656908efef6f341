package fr.atlas.cases.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A prospection case's title: "name (town)", shortened to what a case's title takes. */
class AgencyProspectionTitleTests {

	@Test
	void namesTheAgencyAndItsTown() {
		assertThat(AgencyProspection.title("Agence des Cimes", "Annecy")).isEqualTo("Agence des Cimes (Annecy)");
		assertThat(AgencyProspection.title("Agence des Cimes", " ")).isEqualTo("Agence des Cimes");
		assertThat(AgencyProspection.title("Agence des Cimes", null)).isEqualTo("Agence des Cimes");
	}

	@Test
	void shortensALongNameAndKeepsTheTown() {
		String title = AgencyProspection.title("Agence ".repeat(100), "Annecy");
		assertThat(title).hasSize(200).endsWith("… (Annecy)").startsWith("Agence Agence");
		assertThat(AgencyProspection.title("x".repeat(500), "y".repeat(150))).hasSize(200).endsWith("x…");
		assertThat(AgencyProspection.title("x".repeat(200), null)).hasSize(200).doesNotContain("…");
	}

}
