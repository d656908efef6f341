package fr.atlas.prospects.web;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ShownDomainsTests {

	@Test
	void showsAStoredDomainWithItsAccents() {
		assertThat(ShownDomains.host("xn--lafort-mva.fr")).isEqualTo("laforêt.fr");
		assertThat(ShownDomains.email("contact@xn--immobilire-66a.fr")).isEqualTo("contact@immobilière.fr");
		assertThat(ShownDomains.emails(List.of("a@xn--lafort-mva.fr", "b@orpi.fr"))).containsExactly("a@laforêt.fr",
				"b@orpi.fr");
		assertThat(ShownDomains.text("a@xn--lafort-mva.fr, www.xn--lafort-mva.fr"))
			.isEqualTo("a@laforêt.fr, www.laforêt.fr");
	}

	@Test
	void leavesOtherTextAsItIs() {
		assertThat(ShownDomains.host("orpi.fr")).isEqualTo("orpi.fr");
		assertThat(ShownDomains.email("sans-arobase")).isEqualTo("sans-arobase");
		assertThat(ShownDomains.host(null)).isNull();
		assertThat(ShownDomains.text("Agence xn--")).isEqualTo("Agence xn--");
	}

}
