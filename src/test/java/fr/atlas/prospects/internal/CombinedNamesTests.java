package fr.atlas.prospects.internal;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class CombinedNamesTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			textBlock = """
					SARL VCA IMMO - Cabinet du Lac                         | SARL VCA IMMO                | Cabinet du Lac
					PHILIPPE FLEURY CONSEIL SAS / Grand Angle Immobilier   | PHILIPPE FLEURY CONSEIL SAS  | Grand Angle Immobilier
					Orpi Gare (ORPI GARE TRANSACTIONS SARL)                | ORPI GARE TRANSACTIONS SARL  | Orpi Gare
					AUBERT IMMOBILIER TRANSACTIONS SARL / Agence Aubert    | AUBERT IMMOBILIER TRANSACTIONS SARL | Agence Aubert
					""")
	void readsALegalNameAndATradeNameInOneCell(String cell, String legal, String trade) {
		assertThat(CombinedNames.of(cell)).contains(new CombinedNames(legal, trade));
	}

	@ParameterizedTest
	@ValueSource(strings = { "Cabinet Rousseau – Montreuil", "SARL Agence Dupont - Lyon", "Dupont & Fils (Paris 9)",
			"Agence du Lac", "SARL X - SAS Y", "Immobilière des Alpes / Grenoble" })
	void leavesANameAndItsTownAsTheyAre(String cell) {
		assertThat(CombinedNames.of(cell)).isEmpty();
	}

	@Test
	void theRowKeepsBothNames() {
		RowNormaliser normaliser = new RowNormaliser(
				ColumnMapping.detect(List.of("Raison sociale", "Code postal"), Map.of()));
		AgencyValues agency = normaliser
			.normalise(new SourceRow(1, List.of("SARL VCA IMMO - Cabinet du Lac", "06500"), "", null))
			.agency();
		assertThat(agency.name()).isEqualTo("SARL VCA IMMO");
		assertThat(agency.tradeName()).isEqualTo("Cabinet du Lac");
	}

}
