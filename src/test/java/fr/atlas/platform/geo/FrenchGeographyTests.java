package fr.atlas.platform.geo;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FrenchGeographyTests {

	static final FrenchGeography geography = new FrenchGeography();

	@Test
	void loadsEveryCurrentCommune() {
		assertThat(geography.communeCount()).isBetween(34_000, 36_000);
		assertThat(geography.commune("75056")).get().extracting(Commune::name).isEqualTo("Paris");
	}

	@Test
	void matchesPostcodeAndCityAsPeopleWriteThem() {
		assertThat(geography.commune("75015", "PARIS 15E")).get().extracting(Commune::inseeCode).isEqualTo("75056");
		assertThat(geography.commune("42000", "St Etienne")).get().extracting(Commune::name).isEqualTo("Saint-Étienne");
		assertThat(geography.commune("13001", "Marseille 1er arrondissement")).isPresent();
		assertThat(geography.commune("69001", "lyon")).isPresent();
	}

	@Test
	void refusesAPostcodeOfAnotherCity() {
		assertThat(geography.commune("75001", "Lyon")).isEmpty();
	}

	@Test
	void derivesTheDepartmentIncludingCorsicaAndOverseas() {
		assertThat(geography.departmentOfPostcode("20000")).get().extracting(Department::code).isEqualTo("2A");
		assertThat(geography.departmentOfPostcode("20200")).get().extracting(Department::code).isEqualTo("2B");
		assertThat(geography.departmentOfPostcode("97400")).get().extracting(Department::code).isEqualTo("974");
		assertThat(geography.departmentOfPostcode("01400")).get().extracting(Department::name).isEqualTo("Ain");
		assertThat(geography.departmentOfPostcode("33913")).get().extracting(Department::code).isEqualTo("33");
		assertThat(geography.departmentOfPostcode("ABCDE")).isEmpty();
	}

	@Test
	void keysPlaceNamesWithoutAccentsCasePunctuationOrCedex() {
		assertThat(PlaceName.key("Saint-Étienne")).isEqualTo(PlaceName.key("ST ETIENNE CEDEX 2"));
		assertThat(PlaceName.key("L'Haÿ-les-Roses")).isEqualTo(PlaceName.key("l hay les roses"));
	}

}
