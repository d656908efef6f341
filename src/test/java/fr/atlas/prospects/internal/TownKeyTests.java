package fr.atlas.prospects.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TownKeyTests {

	@Test
	void anArrondissementIsItsTown() {
		for (String paris : new String[] { "Paris", "PARIS 8EME", "Paris 8ème", "Paris 08", "paris 8e",
				"Paris 8e arrondissement", "Paris 1er" }) {
			assertThat(TownKey.of(paris)).as(paris).isEqualTo("paris");
		}
		assertThat(TownKey.of("Lyon 5ème")).isEqualTo("lyon");
		assertThat(TownKey.of("Marseille 13e")).isEqualTo("marseille");
	}

	@Test
	void aCedexIsItsTownAndItsPostcodeNoPlace() {
		assertThat(TownKey.of("Saint Denis Cedex")).isEqualTo(TownKey.of("Saint-Denis"));
		assertThat(TownKey.of("Deauville Cedex 9")).isEqualTo("deauville");
		assertThat(TownKey.cedex("DEAUVILLE CEDEX 9")).isTrue();
		assertThat(TownKey.cedex("Deauville")).isFalse();
		assertThat(TownKey.cedex(null)).isFalse();
	}

	@Test
	void steIsSainte() {
		assertThat(TownKey.of("Sainte-Maxime")).isEqualTo(TownKey.of("Ste Maxime")).isEqualTo("ste maxime");
		assertThat(TownKey.of("Sainte-Foy-lès-Lyon")).isEqualTo(TownKey.of("STE-FOY-LES-LYON"));
		assertThat(TownKey.of("Rives-Sainte-Croix")).isEqualTo("rives ste croix");
	}

	@Test
	void keepsTheNumbersAndWordsThatNameATown() {
		assertThat(TownKey.of("Saint-Jean-de-Luz")).isEqualTo("st jean de luz");
		assertThat(TownKey.of("Villeneuve-d'Ascq")).isEqualTo("villeneuve d ascq");
		assertThat(TownKey.of("75")).isEqualTo("75");
		assertThat(TownKey.of("Paris 123")).isEqualTo("paris 123");
		assertThat(TownKey.of(null)).isNull();
	}

}
