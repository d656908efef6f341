package fr.atlas.prospects.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EmailAddressesTests {

	@Test
	void lowerCasesAndTrims() {
		assertThat(EmailAddresses.normalise("  Contact@Agence-Gare.FR ").value()).isEqualTo("contact@agence-gare.fr");
		assertThat(EmailAddresses.normalise("mailto:JEAN.DUPONT@orange.fr").value()).isEqualTo("jean.dupont@orange.fr");
	}

	@Test
	void rejectsMalformedAddresses() {
		for (String bad : new String[] { "contact@", "contact.agence.fr", "a@b", "jean dupont@orange.fr",
				"a..b@orange.fr", "a@orange.f" }) {
			assertThat(EmailAddresses.normalise(bad).problem()).as(bad).isEqualTo("invalid");
		}
	}

	@Test
	void blankIsNotAProblem() {
		assertThat(EmailAddresses.normalise("  ").isInvalid()).isFalse();
		assertThat(EmailAddresses.normalise("  ").value()).isNull();
	}

}
