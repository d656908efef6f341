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
	void keepsTheAgencyPageOfASiteManyAgenciesShare() {
		assertThat(WebsiteDomain.normalise("https://www.Century21.fr/agence/Port-Marseille/?utm=x").value())
			.isEqualTo("century21.fr/agence/port-marseille");
		assertThat(WebsiteDomain.normalise("www.facebook.com/AgenceDeLaGare").value())
			.isEqualTo("facebook.com/agencedelagare");
		assertThat(WebsiteDomain.normalise("abc-immo.fr/agences/lyon-part-dieu").value())
			.isEqualTo("abc-immo.fr/agences/lyon-part-dieu");
		// the network's home, its list of agencies, a platform's generic page: no agency
		assertThat(WebsiteDomain.normalise("https://www.century21.fr/").value()).isEqualTo("century21.fr");
		assertThat(WebsiteDomain.normalise("https://www.century21.fr/agences").value()).isEqualTo("century21.fr");
		assertThat(WebsiteDomain.normalise("facebook.com/profile.php?id=1234").value()).isEqualTo("facebook.com");
		// an agency's own site: its domain, whatever the page
		assertThat(WebsiteDomain.normalise("agence-gare.fr/nos-biens/vente").value()).isEqualTo("agence-gare.fr");
		assertThat(WebsiteDomain.normalise("agence-gare.fr/agence").value()).isEqualTo("agence-gare.fr");
		assertThat(WebsiteDomain.isPage("century21.fr/agence/port-marseille")).isTrue();
		assertThat(WebsiteDomain.isPage("century21.fr")).isFalse();
	}

	@Test
	void knowsTheDomainASubdomainBelongsTo() {
		assertThat(WebsiteDomain.parent("nantes.ladresseimmobilier44.immo")).isEqualTo("ladresseimmobilier44.immo");
		assertThat(WebsiteDomain.parent("ladresseimmobilier44.immo")).isNull();
		assertThat(WebsiteDomain.parent("orpi.com/agence/lyon-3")).isNull();
		assertThat(WebsiteDomain.parent(null)).isNull();
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

	@Test
	void givesTheHostOfTheRegularExpressionsAndIdn() {
		MessyText messy = new MessyText(3);
		String[] pieces = { "http://", "https://", "HTTPS://", "ftp+x.y-z://", "1a://", "://", "//", "/", "www.",
				"WWW.", "agence", "-", "gare", ".", "..", "fr", "com", "immobilier", "?x=1", "#top", ":8080", ":",
				":80a", "@", "user:pass@", "a", "0", "forêt", "é", " ", "x".repeat(63), "y".repeat(64), "\u0085",
				"\u2028", "_", "%20", "\uFF0E", "。", "xn--fort-immo-n4a", "a".repeat(25) };
		for (int i = 0; i < 20_000; i++) {
			String raw = messy.of(pieces, 10);
			assertThat(WebsiteDomain.normalise(raw)).as(raw).isEqualTo(byPatterns(raw));
		}
	}

	/** The normalisation as it was, through regular expressions and IDN only. */
	private static Checked<String> byPatterns(String raw) {
		String text = CleanText.of(raw);
		if (text == null) {
			return Checked.blank();
		}
		String host = text.toLowerCase(java.util.Locale.ROOT);
		if (host.contains("@") && !host.contains("/")) {
			return Checked.invalid("invalid");
		}
		Checked<String> domain = WebsiteDomain.byPatterns(host);
		String page = (domain.value() != null) ? WebsiteDomain.page(host, domain.value()) : null;
		return (page != null) ? Checked.ok(page) : domain;
	}

}
