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
	void readsAnAddressAsMailClientsAndSpreadsheetsWrapIt() {
		for (String wrapped : new String[] { "Agence du Lac <Contact@Agence-du-Lac.fr>",
				"\"contact@agence-du-lac.fr;\"", "contact@agence-du-lac.fr.", "(contact@agence-du-lac.fr)",
				"« contact@agence-du-lac.fr »", "<mailto:contact@agence-du-lac.fr>", "contact@agence-du-lac.fr," }) {
			assertThat(EmailAddresses.normalise(wrapped).value()).as(wrapped).isEqualTo("contact@agence-du-lac.fr");
		}
		assertThat(EmailAddresses.normalise("Agence du Lac <>").problem()).isEqualTo("invalid");
	}

	@Test
	void rejectsMalformedAddresses() {
		for (String bad : new String[] { "contact@", "contact.agence.fr", "a@b", "jean dupont@orange.fr",
				"a..b@orange.fr", "a@orange.f" }) {
			assertThat(EmailAddresses.normalise(bad).problem()).as(bad).isEqualTo("invalid");
		}
	}

	/**
	 * A domain with accents is a domain (IDN), written as DNS and the website's host read
	 * it; accents before the @ remain a mistake.
	 */
	@Test
	void readsADomainWithAccentsAsDnsDoes() {
		assertThat(EmailAddresses.normalise("Contact@Immobilière-Dupont.fr").value())
			.isEqualTo("contact@xn--immobilire-dupont-zsb.fr");
		assertThat(EmailAddresses.ownDomain("contact@xn--immobilire-dupont-zsb.fr"))
			.isEqualTo(WebsiteDomain.normalise("https://www.immobilière-dupont.fr/").value());
		for (String bad : new String[] { "frédéric@orange.fr", "contact@immo-é-.fr", "contact@é" }) {
			assertThat(EmailAddresses.normalise(bad).problem()).as(bad).isEqualTo("invalid");
		}
	}

	@Test
	void blankIsNotAProblem() {
		assertThat(EmailAddresses.normalise("  ").isInvalid()).isFalse();
		assertThat(EmailAddresses.normalise("  ").value()).isNull();
	}

	@Test
	void checksTheShapeAsTheRegularExpression() {
		MessyText messy = new MessyText(4);
		String[] pieces = { "a", "contact", "jean", ".", "..", "@", "-", "_", "+", "!#$%&'*/=?^`{|}~", "agence", "gare",
				"fr", "com", "c", "0", "9", "-x", "x-", " ", "é", "\u0085", "\u00A0", "\"", "(", ",", ":",
				"abcdefghijklmnopqrstuvwxyz", "\u212A" };
		for (int i = 0; i < 100_000; i++) {
			// half of them shaped like an address, where the two could part on details
			String email = (i % 2 == 0) ? messy.of(pieces, 10) : messy.of(pieces, 4) + "@" + messy.of(pieces, 3) + "."
					+ messy.of(new String[] { "fr", "com", "c", "x1" }, 2);
			assertThat(EmailAddresses.hasShape(email)).as(email)
				.isEqualTo(EmailAddresses.SHAPE.matcher(email).matches());
		}
	}

	@Test
	void readsAnAddressWrittenAgainstRobots() {
		for (String hidden : new String[] { "contact[at]agence-du-lac.fr", "contact [at] agence-du-lac.fr",
				"contact(at)agence-du-lac(dot)fr", "contact (at) agence-du-lac (dot) fr", "contact[@]agence-du-lac.fr",
				"contact(arobase)agence-du-lac.fr", "contact @ agence-du-lac.fr", "contact at agence-du-lac.fr",
				"CONTACT [AT] AGENCE-DU-LAC [DOT] FR" }) {
			assertThat(EmailAddresses.normalise(hidden).value()).as(hidden).isEqualTo("contact@agence-du-lac.fr");
		}
		assertThat(EmailAddresses.normalise("contact at home").isInvalid()).isTrue();
	}

}
