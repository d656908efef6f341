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
	void saysTheTownOnceWhenTheNameHasIt() {
		assertThat(AgencyProspection.title("ERA Immobilier Sainte-Foy-lès-Lyon", "Sainte-Foy-lès-Lyon"))
			.isEqualTo("ERA Immobilier Sainte-Foy-lès-Lyon");
		assertThat(AgencyProspection.title("Orpi Sainte Foy les Lyon", "SAINTE-FOY-LÈS-LYON"))
			.isEqualTo("Orpi Sainte Foy les Lyon");
		assertThat(AgencyProspection.title("Century 21 Lyon Centre", "Villeurbanne"))
			.isEqualTo("Century 21 Lyon Centre (Villeurbanne)");
		assertThat(AgencyProspection.title("La Lyonnaise Immobilière", "Lyon"))
			.isEqualTo("La Lyonnaise Immobilière (Lyon)");
	}

	@Test
	void shortensALongNameAndKeepsTheTown() {
		String title = AgencyProspection.title("Agence ".repeat(100), "Annecy");
		assertThat(title).hasSize(200).endsWith("… (Annecy)").startsWith("Agence Agence");
		assertThat(AgencyProspection.title("x".repeat(500), "y".repeat(150))).hasSize(200).endsWith("x…");
		assertThat(AgencyProspection.title("x".repeat(200), null)).hasSize(200).doesNotContain("…");
	}

}
