package fr.atlas.prospects.internal;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FranchiseBrandsTests {

	@Test
	void recognisesNetworksInNameKeys() {
		assertThat(FranchiseBrands.of(NameKey.of("CENTURY 21 Agence du Port"))).contains("century 21");
		assertThat(FranchiseBrands.of(NameKey.of("Laforêt Immobilier Lyon 6"))).contains("laforet");
		assertThat(FranchiseBrands.of(NameKey.of("Stéphane Plaza Immobilier Nantes"))).isPresent();
		assertThat(FranchiseBrands.of(NameKey.of("ERA Immobilier"))).isPresent();
		assertThat(FranchiseBrands.of(NameKey.of("Agence de la Gare"))).isEmpty();
		// a word that merely contains a brand is not that brand
		assertThat(FranchiseBrands.of(NameKey.of("Sera Immo"))).isEmpty();
	}

	@Test
	void waysOfWritingOneBrandAreOneNetwork() {
		assertThat(FranchiseBrands.of(NameKey.of("Stéphane Plaza Immobilier Vannes")))
			.isEqualTo(FranchiseBrands.of(NameKey.of("Stéphane Plaza Vannes")));
		assertThat(FranchiseBrands.of(NameKey.of("ERA Immobilier Pau"))).isEqualTo(FranchiseBrands.of("era pau"));
		assertThat(FranchiseBrands.of(NameKey.of("L'Adresse Nantes"))).isEqualTo(FranchiseBrands.of("adresse nantes"));
		assertThat(FranchiseBrands.withoutBrand(NameKey.of("Laforêt Immobilier Lyon"))).isEqualTo("lyon");
	}

	@Test
	void aLongBrandOneTypoOffIsStillItsNetwork() {
		NameForms centuryy = NameForms.of(NameKey.of("Centuryy 21 Launois-sur-Vence"), null);
		assertThat(centuryy.brand()).isEqualTo("century 21");
		assertThat(centuryy.strippedName())
			.isEqualTo(NameForms.of(NameKey.of("Century 21 Launois-sur-Vence"), null).strippedName());
		assertThat(NameForms.of(NameKey.of("STÉHPANE PLAZA IMMOBILIER LE PORT"), null).strippedName())
			.isEqualTo(NameForms.of(NameKey.of("Stéphane Plaza Immobilier Le Port"), null).strippedName());
		assertThat(NameForms.of(NameKey.of("Squarre Habitat Passirac"), null).brand()).isEqualTo("square habitat");
		// short brands are not guessed: "Opri" may be a word of its own
		assertThat(NameForms.of(NameKey.of("Opri Gare"), null).brand()).isNull();
		assertThat(NameForms.of(NameKey.of("Agence Centrale"), null).brand()).isNull();
		assertThat(NameForms.of(NameKey.of("Cabinet Fontaine"), null).brand()).isNull();
	}

	@Test
	void removesTheBrandFromTheKey() {
		assertThat(FranchiseBrands.withoutBrand(NameKey.of("Orpi Agence du Centre"))).isEqualTo("agence centre");
	}

	@Test
	void findsTheBrandThePaddedSearchFinds() {
		MessyText messy = new MessyText(9);
		String[] pieces = { "stephane", "plaza", "immo", "square", "habitat", "century", "21", "guy", "hoquet",
				"laforet", "orpi", "era", "sera", "eras", "foncia", "iad", "l", "adresse", "abc", "4", "pieds",
				"sotheby", "s", "arthurimmo", "com", "agence", "gare", "lyon", "é", " ", " ", " ", " ", "  " };
		for (int i = 0; i < 50_000; i++) {
			String key = messy.of(pieces, 8).toLowerCase(java.util.Locale.ROOT);
			assertThat(FranchiseBrands.of(key)).as(key)
				.isEqualTo(paddedSearch(key).flatMap((brand) -> FranchiseBrands.of(brand)));
			assertThat(FranchiseBrands.withoutBrand(key)).as(key)
				.isEqualTo(paddedSearch(key).map((brand) -> (" " + key + " ").replace(" " + brand + " ", " ").strip())
					.orElse(key));
		}
	}

	/** The brand as it was found: the first of the list whose " brand " is in " key ". */
	private static java.util.Optional<String> paddedSearch(String key) {
		List<String> brands = FranchiseBrands.BRANDS;
		String padded = " " + key + " ";
		return brands.stream().filter((brand) -> padded.contains(" " + brand + " ")).findFirst();
	}

}
