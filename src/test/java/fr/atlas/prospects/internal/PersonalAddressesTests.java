package fr.atlas.prospects.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PersonalAddressesTests {

	@Test
	void spellsAPersonInTheUsualShapes() {
		assertThat(PersonalAddresses.spells("hugo.legrand", "Hugo", "Legrand")).isTrue();
		assertThat(PersonalAddresses.spells("legrand.hugo", "Hugo", "Legrand")).isTrue();
		assertThat(PersonalAddresses.spells("hlegrand", "Hugo", "Legrand")).isTrue();
		assertThat(PersonalAddresses.spells("h-legrand3", "Hugo", "Legrand")).isTrue();
		assertThat(PersonalAddresses.spells("legrandh", "Hugo", "Legrand")).isTrue();
		assertThat(PersonalAddresses.spells("jeanmarc.lefevre", "Jean-Marc", "Lefèvre")).isTrue();
		assertThat(PersonalAddresses.spells("helene.darc", "Hélène", "d'Arc")).isTrue();
	}

	@Test
	void anythingElseIsNotThePersons() {
		assertThat(PersonalAddresses.spells("contact", "Hugo", "Legrand")).isFalse();
		assertThat(PersonalAddresses.spells("legrand", "Hugo", "Legrand")).isFalse();
		assertThat(PersonalAddresses.spells("hugo", "Hugo", "Legrand")).isFalse();
		assertThat(PersonalAddresses.spells("lea.martin", "Hugo", "Legrand")).isFalse();
		assertThat(PersonalAddresses.spells("hugo.legrand", null, "Legrand")).isFalse();
		assertThat(PersonalAddresses.spells("hugo.l", "Hugo", "L")).isFalse();
		assertThat(PersonalAddresses.spells("besancon.1044", "Hugo", "Legrand")).isFalse();
	}

	@Test
	void onlyAtANetworksOrAPlatformsDomain() {
		assertThat(PersonalAddresses.atNetwork("hugo.legrand@century21.fr", "Hugo", "Legrand")).isTrue();
		assertThat(PersonalAddresses.atNetwork("hugo.legrand@orpi.com", "Hugo", "Legrand")).isTrue();
		assertThat(PersonalAddresses.atNetwork("hugo.legrand@agence-legrand.fr", "Hugo", "Legrand")).isFalse();
		assertThat(PersonalAddresses.atNetwork("hugo.legrand@gmail.com", "Hugo", "Legrand")).isFalse();
	}

}
