package fr.atlas.prospects.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FranchiseBrandsTests {

	@Test
	void recognisesNetworksInNameKeys() {
		assertThat(FranchiseBrands.of(NameKey.of("CENTURY 21 Agence du Port"))).contains("century 21");
		assertThat(FranchiseBrands.of(NameKey.of("Laforêt Immobilier Lyon 6"))).contains("laforet immo");
		assertThat(FranchiseBrands.of(NameKey.of("Stéphane Plaza Immobilier Nantes"))).isPresent();
		assertThat(FranchiseBrands.of(NameKey.of("ERA Immobilier"))).isPresent();
		assertThat(FranchiseBrands.of(NameKey.of("Agence de la Gare"))).isEmpty();
		// a word that merely contains a brand is not that brand
		assertThat(FranchiseBrands.of(NameKey.of("Sera Immo"))).isEmpty();
	}

	@Test
	void removesTheBrandFromTheKey() {
		assertThat(FranchiseBrands.withoutBrand(NameKey.of("Orpi Agence du Centre"))).isEqualTo("agence centre");
	}

}
