package fr.atlas.prospects.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WebsiteDomainTests {

	@Test
	void reducesAUrlToItsDomain() {
		assertThat(WebsiteDomain.normalise("HTTPS://www.Agence-Gare.fr/contact?x=1").value())
			.isEqualTo("agence-gare.fr");
		assertThat(WebsiteDomain.normalise("www.agence-gare.fr").value()).isEqualTo("agence-gare.fr");
		assertThat(WebsiteDomain.normalise("agence-gare.fr/").value()).isEqualTo("agence-gare.fr");
		assertThat(WebsiteDomain.normalise("http://agence-gare.fr:8080").value()).isEqualTo("agence-gare.fr");
	}

	@Test
	void encodesAccentedDomains() {
		assertThat(WebsiteDomain.normalise("www.forêt-immo.fr").value()).isEqualTo("xn--fort-immo-n4a.fr");
	}

	@Test
	void rejectsWhatIsNotAWebsite() {
		assertThat(WebsiteDomain.normalise("contact@agence.fr").problem()).isEqualTo("invalid");
		assertThat(WebsiteDomain.normalise("n/a").problem()).isEqualTo("invalid");
		assertThat(WebsiteDomain.normalise("localhost").problem()).isEqualTo("invalid");
	}

}
