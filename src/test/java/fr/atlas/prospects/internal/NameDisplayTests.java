package fr.atlas.prospects.internal;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NameDisplayTests {

	@Test
	void keepsAMixedCaseNameAsItWasFirstSeen() {
		assertThat(NameDisplay.best("Agence de la Gare", List.of("AGENCE DE LA GARE"))).isEqualTo("Agence de la Gare");
		assertThat(NameDisplay.of("ORPI Agence du Port")).isEqualTo("ORPI Agence du Port");
	}

	@Test
	void prefersALaterMixedCaseSpellingOfTheSameNameOverCapitals() {
		assertThat(NameDisplay.best("AGENCE FORET ELYSEE",
				List.of("AGENCE FORET ELYSEE", "agence foret elysee", "Agence Forêt Élysée")))
			.isEqualTo("Agence Forêt Élysée");
	}

	@Test
	void neverShowsADifferentNameThanTheStoredOne() {
		assertThat(NameDisplay.best("AGENCE DE LA GARE", List.of("Immobilière du Centre")))
			.isEqualTo("Agence de la Gare");
	}

	@Test
	void titleCasesCapitalsTheFrenchWay() {
		assertThat(NameDisplay.of("SARL L'AGENCE DE LA GARE")).isEqualTo("SARL L'Agence de la Gare");
		assertThat(NameDisplay.of("IMMOBILIERE D’ARMOR")).isEqualTo("Immobiliere d’Armor");
		assertThat(NameDisplay.of("CABINET SAINT-JEAN-DE-LUZ")).isEqualTo("Cabinet Saint-Jean-de-Luz");
		assertThat(NameDisplay.of("LE CLOS DES VIGNES SAS")).isEqualTo("Le Clos des Vignes SAS");
		assertThat(NameDisplay.of("century 21 agence du port")).isEqualTo("Century 21 Agence du Port");
	}

	@Test
	void showsTheWebsiteOrEMailThatNamesANamelessAgencyAsWritten() {
		assertThat(NameDisplay.of("agence.de.la.gare.chambourcy@sfr.fr"))
			.isEqualTo("agence.de.la.gare.chambourcy@sfr.fr");
		assertThat(NameDisplay.of("agence-de-la-gare-meslan.fr")).isEqualTo("agence-de-la-gare-meslan.fr");
		assertThat(NameDisplay.of("squarehabitat.fr/agence/passirac")).isEqualTo("squarehabitat.fr/agence/passirac");
		// a name that only looks a little like one is still a name
		assertThat(NameDisplay.of("IMMO.COM AGENCE")).isEqualTo("Immo.Com Agence");
		assertThat(NameDisplay.of("GARE.IMMO")).isEqualTo("Gare.Immo");
	}

	@Test
	void showsTownsInCapitalsOrLowerCaseTitleCasedAndOthersAsWritten() {
		assertThat(NameDisplay.town("LYON")).isEqualTo("Lyon");
		assertThat(NameDisplay.town("AIX-EN-PROVENCE")).isEqualTo("Aix-en-Provence");
		assertThat(NameDisplay.town("la bastide-de-besplas")).isEqualTo("La Bastide-de-Besplas");
		assertThat(NameDisplay.town("SAINT-ÉTIENNE")).isEqualTo("Saint-Étienne");
		// an arrondissement's ordinal in lower case, a brand's letters after digits kept
		assertThat(NameDisplay.town("LYON 2E")).isEqualTo("Lyon 2e");
		assertThat(NameDisplay.town("PARIS 8EME")).isEqualTo("Paris 8ème");
		assertThat(NameDisplay.town("MARSEILLE 1ER")).isEqualTo("Marseille 1er");
		assertThat(NameDisplay.of("IMMOBILIERE 3F")).isEqualTo("Immobiliere 3F");
		assertThat(NameDisplay.town("Luçay-le-Mâle")).isEqualTo("Luçay-le-Mâle");
		assertThat(NameDisplay.town("Paris 8e")).isEqualTo("Paris 8e");
		assertThat(NameDisplay.town(null)).isNull();
	}

}
