package fr.atlas.prospects.internal;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A SIRET, a SIREN, an e-mail or a phone typed in the search box is looked for in those
 * fields alone: the names of half a million agencies are not read for it (ADR 0087).
 */
class IdentifierSearchTests {

	private static final UUID ORG = UUID.fromString("0195e8a4-7b1e-7000-8000-000000000001");

	@Test
	void aSiretOrASirenAsTypedIsComparedWithTheAgencysOwn() {
		IdentifierSearch siret = IdentifierSearch.of("542 051 180 00066", ORG);
		assertThat(siret.condition()).isEqualTo("a.siret = ?");
		assertThat(siret.args()).containsExactly("54205118000066");
		IdentifierSearch siren = IdentifierSearch.of("542.051.180", ORG);
		assertThat(siren.condition()).startsWith("a.siren = ?");
		assertThat(siren.args()).first().isEqualTo("542051180");
	}

	@Test
	void anEmailIsTheAgencysOrOneOfItsContactsInSmallLetters() {
		IdentifierSearch email = IdentifierSearch.of("S.Martin@Agence.fr", ORG);
		assertThat(email.condition()).contains("a.emails @>", "c.emails @>").doesNotContain("name");
		assertThat(email.args()).containsExactly("s.martin@agence.fr", ORG, "s.martin@agence.fr");
	}

	@Test
	void aPhoneInAnyFormatIsTheAgencysOrOneOfItsContactsInE164() {
		for (String typed : new String[] { "06 12 34 56 78", "06.12.34.56.78", "+33 (0)6 12 34 56 78", "0612345678" }) {
			IdentifierSearch phone = IdentifierSearch.of(typed, ORG);
			assertThat(phone.condition()).as(typed).contains("a.phones @>", "c.phones @>").doesNotContain("siret");
			assertThat(phone.args()).as(typed).containsExactly("+33612345678", ORG, "+33612345678");
		}
	}

	@Test
	void aTextThatMayBePartOfANameTakesTheBroadSearch() {
		for (String text : new String[] { "gare", "Century 21", "21", "75008", "agencedulac.fr", "orpi thonon",
				"contact@", "06 12", "Agence 06 12 34 56 78", "0000000000" }) {
			assertThat(IdentifierSearch.of(text, ORG)).as(text).isNull();
		}
	}

}
