package fr.atlas.prospects.internal;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HeaderBelowTitleTests {

	static final String TITLED = """
			Export des agences du 12/03/2024

			Raison sociale;Téléphone;Ville
			Agence Titre;01 23 45 67 81;Paris

			Agence Suite;01 23 45 67 82;Lyon
			""";

	@Test
	void findsTheHeaderBelowATitleAndNumbersRowsFromIt() throws IOException {
		try (TabularReader reader = HeaderBelowTitle.of(csv(TITLED))) {
			assertThat(reader.header()).containsExactly("Raison sociale", "Téléphone", "Ville");
			List<SourceRow> rows = TabularRows.readAll(reader);
			assertThat(rows).extracting(SourceRow::number).containsExactly(1, 2, 3);
			assertThat(rows).extracting(SourceRow::problem).containsExactly(null, "row:empty", null);
			assertThat(rows.get(0).cells()).containsExactly("Agence Titre", "01 23 45 67 81", "Paris");
			assertThat(rows.get(2).original()).isEqualTo("Agence Suite;01 23 45 67 82;Lyon");
		}
		try (TabularReader reader = HeaderBelowTitle.of(csv(TITLED))) {
			RowCount count = reader.countRows();
			assertThat(count.rows()).isEqualTo(3);
			assertThat(count.problems()).isEqualTo(1);
		}
	}

	@Test
	void findsTheHeaderBelowATitleAndItsDate() throws IOException {
		String dated = "Export des agences;12/03/2024\nRaison sociale;Ville\nAgence A;Paris\n";
		try (TabularReader reader = HeaderBelowTitle.of(csv(dated))) {
			assertThat(reader.header()).containsExactly("Raison sociale", "Ville");
			assertThat(TabularRows.readAll(reader)).extracting(SourceRow::number).containsExactly(1);
		}
	}

	@Test
	void findsTheHeaderBelowBandsOverGroupsOfColumns() throws IOException {
		// a header of two levels; the bands, merged over their columns, name a column
		// each ("Société" a name, "Contact" a person), which made them the header
		String twoLevels = "Société;;Contact;;\nRaison sociale;SIRET;Téléphone;E-mail;Ville\n"
				+ "Agence A;54205118000066;0612345678;a@a.fr;Lyon\n";
		try (TabularReader reader = HeaderBelowTitle.of(csv(twoLevels))) {
			assertThat(reader.header()).containsExactly("Raison sociale", "SIRET", "Téléphone", "E-mail", "Ville");
			List<SourceRow> rows = TabularRows.readAll(reader);
			assertThat(rows).extracting(SourceRow::number).containsExactly(1);
			assertThat(rows.get(0).cells()).startsWith("Agence A");
		}
		// bands that name no column, a blank line below them
		try (TabularReader reader = HeaderBelowTitle
			.of(csv("Identité;;Coordonnées;;;Activité\n\nRaison sociale;SIRET;Téléphone;E-mail;Ville;Nb annonces\n"
					+ "Agence A;;;;Lyon;12\n"))) {
			assertThat(reader.header()).startsWith("Raison sociale", "SIRET");
			assertThat(TabularRows.readAll(reader)).extracting(SourceRow::number).containsExactly(1);
		}
		// a header with a blank column over a row of data: as it is
		try (TabularReader reader = HeaderBelowTitle.of(csv("Raison sociale;;Ville\nAgence A;x;Lyon\nB;;Paris\n"))) {
			assertThat(reader.header()).containsExactly("Raison sociale", "", "Ville");
			List<SourceRow> rows = TabularRows.readAll(reader);
			assertThat(rows).extracting(SourceRow::number).containsExactly(1, 2);
			assertThat(rows.get(0).cells()).containsExactly("Agence A", "x", "Lyon");
		}
		// a name over its two columns, then data
		try (TabularReader reader = HeaderBelowTitle.of(csv("Raison sociale;;Ville\nAgence;Ville;Lyon\n"))) {
			assertThat(reader.header()).containsExactly("Raison sociale", "", "Ville");
			assertThat(TabularRows.readAll(reader)).extracting(SourceRow::number).containsExactly(1);
		}
	}

	@Test
	void readsAnyOtherFileAsItIs() throws IOException {
		// a header Atlas knows: the same reader
		CsvReader known = csv("Raison sociale;Ville\nA;Paris\n");
		assertThat(HeaderBelowTitle.of(known)).isSameAs(known);
		// a header of unknown names (the user maps them) over rows that happen to hold
		// usual headers; and one of two such names over a row of data
		String unknown = "Col1;Col2;Col3\nVille;E-mail;x\nA;B;C\n";
		try (TabularReader reader = HeaderBelowTitle.of(csv(unknown))) {
			assertThat(reader.header()).containsExactly("Col1", "Col2", "Col3");
			assertThat(TabularRows.readAll(reader)).extracting(SourceRow::number).containsExactly(1, 2);
		}
		try (TabularReader reader = HeaderBelowTitle.of(csv("Col1;Col2\nAgence A;Paris\nVille;E-mail\n"))) {
			assertThat(reader.header()).containsExactly("Col1", "Col2");
			assertThat(TabularRows.readAll(reader)).extracting(SourceRow::number).containsExactly(1, 2);
		}
		// a title over data with no header Atlas knows: rows as they were, counted once
		String untitled = "Liste\nAgence A;Paris\nAgence B;Lyon\n";
		try (TabularReader reader = HeaderBelowTitle.of(csv(untitled))) {
			assertThat(reader.header()).containsExactly("Liste");
			assertThat(TabularRows.readAll(reader)).extracting(SourceRow::number).containsExactly(1, 2);
		}
		try (TabularReader reader = HeaderBelowTitle.of(csv(untitled))) {
			assertThat(reader.countRows().rows()).isEqualTo(2);
		}
		// one usual header is not enough to take a row for the header
		try (TabularReader reader = HeaderBelowTitle.of(csv("Liste\nVille\nParis\n"))) {
			assertThat(reader.header()).containsExactly("Liste");
		}
	}

	@Test
	void looksOnlyAFewLinesDown() throws IOException {
		String far = "Titre\n" + "\n".repeat(HeaderBelowTitle.LOOK_AHEAD + 1) + "Raison sociale;Ville\nA;Paris\n";
		try (TabularReader reader = HeaderBelowTitle.of(csv(far))) {
			assertThat(reader.header()).containsExactly("Titre");
		}
	}

	@Test
	void detectsTheDelimiterBelowATitle() {
		assertThat(FileProfile.detectDelimiter(List.of("Export du 12/03/2024", "Nom,Ville", "A,Paris"))).isEqualTo(',');
	}

	private static CsvReader csv(String text) throws IOException {
		return new CsvReader(new StringReader(text), text.contains(",") && !text.contains(";") ? ',' : ';');
	}

}
