package fr.atlas.tenancy.internal;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which names read as a web address in a mail (ADR 0075): agencies' names, with their
 * initials, abbreviations and ampersands, are kept.
 */
class LinkInNameTests {

	@ParameterizedTest
	@ValueSource(strings = { "Immo & Co", "L'Agence du Port", "L’Agence du Port", "Square Habitat", "ImmoLyon",
			"Immo Lyon .fr", "S.A.R.L. Dupont", "Dupont S.A.", "J.-P. Martin Immobilier", "Agence St.Jean",
			"Immobilière Ste.Marie", "Cabinet M. Durand", "Agence 2.0", "Century 21 Côte d'Azur", "Immo.Dupont",
			"Orpi Agence de l’Hôtel de Ville", "Dupont & Fils S.A.R.L.", "Camille Martin", "Jean-Pierre O'Neil",
			"Agence n° 3.2", "Immo : Lyon" })
	void keepsTheNamesOfAgenciesAndPeople(String name) {
		assertThat(LinkInName.found(name)).as(name).isFalse();
		assertThat(LinkInName.defused(name)).isEqualTo(name);
	}

	@ParameterizedTest
	@ValueSource(strings = { "ImmoLyon.fr", "https://atlas-securite.example", "Agence http://piege", "www.piege",
			"Agence WWW.Piege", "secure-atlas-login.com", "Support Atlas: atlas-support.net/login", "Immo.Paris",
			"Agence mailto:x", "contact@piege.fr", "Agence 192.168.10.4", "ｗｗｗ．piege", "piege\u200B.com", "piege。com",
			"Agence Évian.immo", "bit.ly/xyz" })
	void refusesWhatAMailClientWouldLink(String name) {
		assertThat(LinkInName.found(name)).as(name).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "Agence https://piege.fr/connexion", "Agence www.piege.fr" })
	void quotesAnAddressOfANameWrittenBeforeTheRuleSoThatNoClientLinksIt(String name) {
		String defused = LinkInName.defused(name);
		assertThat(defused).contains("piege[.]fr").doesNotContain("piege.fr").doesNotContain("://");
		assertThat(LinkInName.found(defused)).isFalse();
	}

}
