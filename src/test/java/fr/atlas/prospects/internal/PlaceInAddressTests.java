package fr.atlas.prospects.internal;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class PlaceInAddressTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|', nullValues = "-",
			textBlock = """
							12 rue de la Paix, 75002 Paris                  | 12 rue de la Paix         | 75002 | Paris
							3 place Bellecour 69002 LYON CEDEX 02           | 3 place Bellecour         | 69002 | LYON
							16 Place Voltaire 75012 PARIS 12                | 16 Place Voltaire         | 75012 | PARIS 12
							41 Rue Gambetta - 69009 Lyon 9e                 | 41 Rue Gambetta           | 69009 | Lyon 9e
							2 rue Thiers, 75008 Paris 8ème arrondissement   | 2 rue Thiers              | 75008 | Paris 8ème arrondissement
							116 Boulevard de l'Église 13002 Marseille 2e    | 116 Boulevard de l'Église | 13002 | Marseille 2e
							5 rue Neuve 69034 Lyon 3e Cedex 9               | 5 rue Neuve               | 69034 | Lyon 3e
							75002 Paris 2e                                  | -                         | 75002 | Paris 2e
					164, Boulevard de la Liberté - 6000 Nice        | 164, Boulevard de la Liberté | 06000 | Nice
					31 ter Route Général Leclerc, 1100 Oyonnax      | 31 ter Route Général Leclerc | 01100 | Oyonnax
							5 avenue Foch - 06000 Nice                      | 5 avenue Foch             | 06000 | Nice
							ZA des Pins; 33 700 Mérignac                    | ZA des Pins               | 33700 | Mérignac
							1 rue du 8 Mai 1945, 38080 L'Isle-d'Abeau       | 1 rue du 8 Mai 1945       | 38080 | L'Isle-d'Abeau
							Le Bourg 20000 Ajaccio                          | Le Bourg                  | 20000 | Ajaccio
							14 quai des Chartrons 33000                     | 14 quai des Chartrons     | 33000 | -
							75002 Paris                                     | -                         | 75002 | Paris
							""")
	void readsThePostcodeAndTownAnAddressEndsWith(String address, String street, String postcode, String city) {
		assertThat(PlaceInAddress.of(address)).contains(new PlaceInAddress(street, postcode, city));
	}

	@ParameterizedTest
	@ValueSource(strings = { "12 rue de la Paix", "Route nationale 7", "12 rue de la Paix, 00100 Nulle part", "BP 4000",
			"1250 Route de Lyon", "Lotissement 1250 Les Pins", "75002 Paris 2e arrondissement 3", "" })
	void leavesAnAddressWithoutAPostcodeAtItsEndAsItIs(String address) {
		assertThat(PlaceInAddress.of(address)).isEmpty();
	}

	@Test
	void aFileWithoutPostcodeColumnPlacesItsAgenciesByTheirAddress() {
		RowNormaliser normaliser = new RowNormaliser(
				ColumnMapping.detect(List.of("Raison sociale", "Adresse complète"), Map.of()));
		AgencyValues agency = normaliser
			.normalise(new SourceRow(1, List.of("Agence du Port", "4 quai Rambaud, 69002 Lyon Cedex"), "", null))
			.agency();
		assertThat(agency.address()).isEqualTo("4 quai Rambaud");
		assertThat(agency.postcode()).isEqualTo("69002");
		assertThat(agency.city()).isEqualTo("Lyon");
		assertThat(agency.department()).isEqualTo("69");
	}

	@Test
	void theColumnsWinOverTheAddressAndAnAddressRepeatingThemReadsAsTheStreet() {
		RowNormaliser normaliser = new RowNormaliser(
				ColumnMapping.detect(List.of("Raison sociale", "Adresse", "Code postal", "Ville"), Map.of()));
		AgencyValues repeated = normaliser
			.normalise(new SourceRow(1, List.of("Agence A", "4 quai Rambaud 69002 LYON", "69002", "Lyon"), "", null))
			.agency();
		assertThat(repeated.address()).isEqualTo("4 quai Rambaud");
		assertThat(repeated.city()).isEqualTo("Lyon");
		AgencyValues other = normaliser
			.normalise(new SourceRow(2, List.of("Agence B", "4 quai Rambaud 69002 Lyon", "69003", "Lyon"), "", null))
			.agency();
		assertThat(other.address()).isEqualTo("4 quai Rambaud 69002 Lyon");
		assertThat(other.postcode()).isEqualTo("69003");
	}

	@Test
	void aPostcodeColumnHoldingTheTownToo() {
		RowNormaliser normaliser = new RowNormaliser(
				ColumnMapping.detect(List.of("Raison sociale", "Code postal"), Map.of()));
		NormalisedRow row = normaliser.normalise(new SourceRow(1, List.of("Agence A", "13001 Marseille"), "", null));
		assertThat(row.messages()).isEmpty();
		assertThat(row.agency().postcode()).isEqualTo("13001");
		assertThat(row.agency().city()).isEqualTo("Marseille");
		assertThat(normaliser.normalise(new SourceRow(2, List.of("Agence B", "Marseille"), "", null)).messages())
			.containsExactly("postcode:invalid");
	}

}
