package fr.atlas.prospects.internal;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CsvReaderTests {

	@Test
	void readsQuotedFieldsWithDelimitersQuotesAndLineBreaks() throws IOException {
		List<SourceRow> rows = read("Nom;Adresse\n\"Agence \"\"Gare\"\"\";\"1 rue A; bât B\nétage 2\"\r\nB;C\n", ';');
		assertThat(rows).hasSize(2);
		assertThat(rows.get(0).cells()).containsExactly("Agence \"Gare\"", "1 rue A; bât B\nétage 2");
		assertThat(rows.get(1).number()).isEqualTo(2);
	}

	@Test
	void readsACellExcelIsToldToKeepAsTextByItsText() throws IOException {
		// ="0612345678" keeps Excel from dropping a leading zero, quoted or not
		List<SourceRow> rows = read("Nom;SIRET;Téléphone;CP;Formule\n"
				+ "Agence;=\"40123456200015\";\"=\"\"0612345678\"\"\";=\"01500\";=\"a\"&\"b\"\n"
				+ "=\"\";=\"\"\"\";=0612345678;\"=\"\"x\";=\"\n", ';');
		assertThat(rows.get(0).cells()).containsExactly("Agence", "40123456200015", "0612345678", "01500",
				"=\"a\"&\"b\"");
		// nothing forced, or no such form: as written
		assertThat(rows.get(1).cells()).containsExactly("", "=\"\"\"\"", "=0612345678", "=\"x", "=\"");
		// the report keeps the line as the file wrote it
		assertThat(rows.get(0).original()).contains("=\"40123456200015\"");
	}

	@Test
	void numbersBlankLinesLikeASpreadsheetAndRejectsThem() throws IOException {
		List<SourceRow> rows = read("a,b\n\n1,2\n ,\n;\n3,4\n,\n\n", ',');
		assertThat(rows).extracting(SourceRow::number).containsExactly(1, 2, 3, 4, 5);
		assertThat(rows).extracting(SourceRow::problem).containsExactly("row:empty", null, "row:empty", null, null);
		assertThat(rows.get(4).cells()).containsExactly("3", "4");
	}

	/**
	 * A CR+LF file passed once more through a conversion to Windows line ends has
	 * {@code \r\r\n} at the end of each line: one line end, as a spreadsheet opens it,
	 * not a blank row between each two; an old Mac file ends its lines with {@code \r}
	 * alone. A CR inside a quoted cell is the cell's.
	 */
	@Test
	void readsARunOfCarriageReturnsBeforeALineFeedAsOneLineEnd() throws IOException {
		String twice = "Nom;Ville\r\r\nAgence A;Lyon\r\r\n\"Agence\r\r\nB\";Paris\r\r\r\nAgence C;Nice\r\r\n";
		List<SourceRow> rows = read(twice, ';');
		assertThat(rows).extracting(SourceRow::number).containsExactly(1, 2, 3);
		assertThat(rows).extracting(SourceRow::problem).containsOnlyNulls();
		assertThat(rows).extracting(SourceRow::cells)
			.containsExactly(List.of("Agence A", "Lyon"), List.of("Agence\r\r\nB", "Paris"),
					List.of("Agence C", "Nice"));
		assertThat(count(twice, ';')).isEqualTo(new RowCount(3, 0, 0)).isEqualTo(countByReading(twice, ';'));
		// a blank line of such a file is still a blank line, numbered and reported
		String blank = "Nom;Ville\r\r\nAgence A;Lyon\r\r\n\r\r\nAgence B;Paris\r\r\n;;\r\r\n\r\r\n";
		assertThat(read(blank, ';')).extracting(SourceRow::problem).containsExactly(null, "row:empty", null);
		assertThat(count(blank, ';')).isEqualTo(new RowCount(3, 1, 3)).isEqualTo(countByReading(blank, ';'));
		// old Mac: each CR ends a line, two of them leave a blank line between
		String mac = "Nom;Ville\rAgence A;Lyon\r\rAgence B;Paris\r";
		assertThat(read(mac, ';')).extracting(SourceRow::problem).containsExactly(null, "row:empty", null);
		assertThat(count(mac, ';')).isEqualTo(countByReading(mac, ';'));
		try (CsvReader reader = new CsvReader(new OneCharacterAtATime(twice), ';')) {
			assertThat(reader.next().cells()).containsExactly("Agence A", "Lyon");
			assertThat(reader.next().cells()).containsExactly("Agence\r\r\nB", "Paris");
			assertThat(reader.next().number()).isEqualTo(3);
			assertThat(reader.next()).isNull();
		}
	}

	/**
	 * The lines of separators alone that Excel writes below the data of a sheet whose
	 * formatting went further are no rows; between rows each is a blank line.
	 */
	@Test
	void leavesOutTheLinesOfSeparatorsThatEndAFile() throws IOException {
		String file = "Nom;Ville;CP\r\nAgence A;Lyon;69001\r\n;;\r\nAgence B;Paris;75001\r\n;;\r\n;;\r\n;;;;;;\r\n";
		assertThat(read(file, ';')).extracting(SourceRow::problem).containsExactly(null, "row:empty", null);
		assertThat(count(file, ';')).isEqualTo(new RowCount(3, 1, 3));
	}

	@Test
	void readsALineOfErrorValuesOnlyAsABlankLine() throws IOException {
		// a lookup formula copied below the data, exported: "#N/A" and friends, as a
		// sheet's row of them is read (SpreadsheetNumbering.empty)
		String file = "Nom;Ville;Dép\nAgence A;Lyon;69\n#N/A;#N/A;#VALEUR!\n\"#REF!\"; ;=\"#N/A\"\n"
				+ "Agence B;#N/A;69\n#N/A;Bron;\n#REF!;;#N/A\n\u2003#DIV/0! ;\"\";\n";
		List<SourceRow> rows = read(file, ';');
		assertThat(rows).extracting(SourceRow::number).containsExactly(1, 2, 3, 4, 5);
		assertThat(rows).extracting(SourceRow::problem).containsExactly(null, "row:empty", "row:empty", null, null);
		assertThat(rows.get(3).cells()).containsExactly("Agence B", "#N/A", "69");
		// one real value beside an error is a row
		assertThat(rows.get(4).cells()).containsExactly("#N/A", "Bron", "");
		assertThat(count(file, ';')).isEqualTo(new RowCount(5, 2, 3)).isEqualTo(countByReading(file, ';'));
		// the same with a comma, and only such lines after the header: no row at all
		assertThat(read("Nom,Ville\n#REF!,,#N/A\nAgence,Lyon\n", ',')).extracting(SourceRow::problem)
			.containsExactly("row:empty", null);
		assertThat(count("Nom,Ville\n#N/A,#N/A\n#VALUE!,\n", ',').rows()).isZero();
		// what looks like an error value but is not one is a value
		for (String value : List.of("#N/A x", "#n/a", "# N/A", "\"#N/A\"\"\"", " =\"#N/A\"", "#", "=\"#N/A\"x",
				"\"=\"\"#VALEUR!\"\"x\"", "#VALEUR!#VALEUR!#VALEUR!#VALEUR!")) {
			String one = "Nom;Ville\n" + value + ";#N/A\n";
			assertThat(read(one, ';')).as(value).extracting(SourceRow::problem).containsExactly((String) null);
			assertThat(count(one, ';')).as(value).isEqualTo(new RowCount(1, 0, 0));
		}
	}

	/**
	 * A spreadsheet's no-break spaces (a French thousands separator, a cell "emptied"
	 * with one) are white space to the import's values: a line of them and of error
	 * values is blank, as a sheet's row of them is.
	 */
	@Test
	void readsNoBreakSpacesAsWhiteSpaceOfABlankLine() throws IOException {
		String file = "Nom;Ville\nAgence A;Lyon\n\u00a0;\u202f\u00a0\n\u00a0#N/A\u00a0;\ufeff\nAgence B;\u00a0Bron\n";
		List<SourceRow> rows = read(file, ';');
		assertThat(rows).extracting(SourceRow::number).containsExactly(1, 2, 3, 4);
		assertThat(rows).extracting(SourceRow::problem).containsExactly(null, "row:empty", "row:empty", null);
		assertThat(count(file, ';')).isEqualTo(countByReading(file, ';'));
		assertThat(count("Nom;Ville\n\u00a0;\u00a0\n\u2007#REF!;\n", ';').rows()).isZero();
	}

	@Test
	void countsFilesOfErrorValuesAsTheyAreRead() throws IOException {
		Random random = new Random(7);
		String[] pieces = { "#N/A", "#REF!", "#VALEUR!", "#", "=", "\"", "\"\"", ";", "\n", "\r\n", " ", "\u2003", "a",
				"N/A", "\u00a0", "\u202f", "\r", "\r\r\n" };
		for (int i = 0; i < 3000; i++) {
			StringBuilder file = new StringBuilder("Nom;Ville\n");
			int length = random.nextInt(30);
			for (int j = 0; j < length; j++) {
				file.append(pieces[random.nextInt(pieces.length)]);
			}
			String text = file.toString();
			assertThat(count(text, ';')).as(text).isEqualTo(countByReading(text, ';'));
			try (CsvReader reader = new CsvReader(new OneCharacterAtATime(text), ';')) {
				List<SourceRow> byCharacter = new ArrayList<>();
				SourceRow row;
				while ((row = reader.next()) != null) {
					byCharacter.add(row);
				}
				assertThat(byCharacter).as(text).isEqualTo(read(text, ';'));
			}
		}
	}

	@Test
	void reportsAnOverlongRecordAndGoesOn() throws IOException {
		String huge = "x".repeat(CsvReader.MAX_RECORD + 10);
		List<SourceRow> rows = read("Nom\n" + huge + "\nAgence B\n", ',');
		assertThat(rows).hasSize(2);
		assertThat(rows.get(0).problem()).isEqualTo("row:too_long");
		assertThat(rows.get(0).original()).hasSizeLessThan(300);
		assertThat(rows.get(1).cells()).containsExactly("Agence B");
	}

	@Test
	void readsAQuoteThatNeverClosesAsACharacterInsteadOfSwallowingTheFile() throws IOException {
		String file = "Nom;E-mail;Ville\nQuote Un;q1@q.fr;Lyon\n\"Quote Ouverte;qo@q.fr;Paris\n"
				+ "Quote Trois;q3@q.fr;Lyon\r\nQuote Quatre;q4@q.fr;Nice\n";
		List<SourceRow> rows = read(file, ';');
		assertThat(rows).extracting(SourceRow::cells)
			.containsExactly(List.of("Quote Un", "q1@q.fr", "Lyon"), List.of("\"Quote Ouverte", "qo@q.fr", "Paris"),
					List.of("Quote Trois", "q3@q.fr", "Lyon"), List.of("Quote Quatre", "q4@q.fr", "Nice"));
		assertThat(rows).extracting(SourceRow::number).containsExactly(1, 2, 3, 4);
		assertThat(rows.get(1).original()).isEqualTo("\"Quote Ouverte;qo@q.fr;Paris");
		assertThat(count(file, ';')).isEqualTo(countByReading(file, ';'));
		// a quoted field that closes on a later line is still one cell
		assertThat(read("a;b\n\"x\ny\";z\n", ';')).extracting(SourceRow::cells).containsExactly(List.of("x\ny", "z"));
	}

	@Test
	void skipsAQuotedCellTooLongToKeepUpToItsClosingQuote() throws IOException {
		String file = "Raison sociale;Ville;Adresse\nAgence Un;Paris;a\nAgence Deux;Lyon;\""
				+ "y\n".repeat(CsvReader.MAX_RECORD / 2 + 10) + "\"\"fin\"\"\"\nAgence Trois;Nice;b\n";
		List<SourceRow> rows = read(file, ';');
		assertThat(rows).extracting(SourceRow::number).containsExactly(1, 2, 3);
		assertThat(rows).extracting(SourceRow::problem).containsExactly(null, "row:too_long", null);
		assertThat(rows.get(2).cells()).containsExactly("Agence Trois", "Nice", "b");
		assertThat(count(file, ';')).isEqualTo(countByReading(file, ';'));
	}

	@Test
	void readsTheRecordsAQuoteOpenedByMistakeSwallowedPastTheLimit() throws IOException {
		StringBuilder file = new StringBuilder("Nom;Ville\n\"Agence Ouverte;Paris\n");
		int records = CsvReader.MAX_RECORD / 20 + 100;
		for (int i = 0; i < records; i++) {
			file.append("Agence ").append(i).append(";Lyon\r\n");
		}
		List<SourceRow> rows = read(file.toString(), ';');
		assertThat(rows).hasSize(records + 1);
		assertThat(rows.get(0).cells()).containsExactly("\"Agence Ouverte", "Paris");
		assertThat(rows).allMatch((row) -> row.problem() == null);
		assertThat(rows.get(records).cells()).containsExactly("Agence " + (records - 1), "Lyon");
		assertThat(rows.get(records).number()).isEqualTo(records + 1);
		assertThat(count(file.toString(), ';')).isEqualTo(countByReading(file.toString(), ';'));
		try (CsvReader reader = new CsvReader(new OneCharacterAtATime(file.toString()), ';')) {
			List<SourceRow> byCharacter = new ArrayList<>();
			SourceRow row;
			while ((row = reader.next()) != null) {
				byCharacter.add(row);
			}
			assertThat(byCharacter).isEqualTo(rows);
		}
	}

	@Test
	void tellsRecordsFromTextInAQuotedCell() {
		assertThat(CsvReader.looksLikeRows("a;b\nc;d\ne", 0, ';')).isTrue();
		assertThat(CsvReader.looksLikeRows("une longue description\navec; un point-virgule\net\ndu texte", 0, ';'))
			.isFalse();
		assertThat(CsvReader.looksLikeRows("a;b sans fin de ligne", 0, ';')).isFalse();
		// lines ended twice over by a conversion, CR CR LF, are lines all the same
		assertThat(CsvReader.looksLikeRows("a;b\r\r\nc;d\r\r\ne", 0, ';')).isTrue();
	}

	@Test
	void countsRowsAsTheyAreRead() throws IOException {
		String huge = "x".repeat(CsvReader.MAX_RECORD + 10);
		List<String> files = List.of("Nom;Adresse\n\"Agence \"\"Gare\"\"\";\"1 rue A; bât B\nétage 2\"\r\nB;C\n",
				"a,b\n\n1,2\n ,\n;\n3,4\n,\n\n", "a,b\r\r\n\r1,2\r3,4", "a\n\"\"\n\" \"\n\"\"\"\"\n\t\n", "a\n\n\n",
				"a\n", "", "\n\nNom\nA\n", "Nom\n" + huge + "\nAgence B\n", "Nom\n\n" + huge + "\n",
				"Nom\n" + "y".repeat(CsvReader.MAX_RECORD) + "\n" + "y".repeat(CsvReader.MAX_RECORD),
				"Nom\n\"" + huge + "\nA\nB\"\nC\n", "Nom\n\u00a0\u2003\nA\n\"a\"b\"c\n");
		for (String file : files) {
			assertThat(count(file, ',')).as(file.length() > 200 ? file.substring(0, 200) : file)
				.isEqualTo(countByReading(file, ','));
		}
	}

	@Test
	void countsRandomFilesAsTheyAreRead() throws IOException {
		Random random = new Random(42);
		char[] alphabet = { 'a', ' ', ';', '"', '"', '\n', '\r', '\r', '\t', 'é' };
		for (int i = 0; i < 2000; i++) {
			StringBuilder file = new StringBuilder();
			int length = random.nextInt(40);
			for (int j = 0; j < length; j++) {
				file.append(alphabet[random.nextInt(alphabet.length)]);
			}
			assertThat(count(file.toString(), ';')).as(file.toString()).isEqualTo(countByReading(file.toString(), ';'));
		}
	}

	/**
	 * Lines of bytes that are no text (ADR 0130) are judged alike when counted, read by
	 * lines and read a character at a time, the state a binary line leaves included.
	 */
	@Test
	void judgesBinaryLinesAlikeCountedAndRead() throws IOException {
		Random random = new Random(7);
		char[] alphabet = { 'a', ' ', ';', ';', '"', '\n', '\n', '\r', '\u0001', '\u0002', '\u001B', '\u000B', '\u0085',
				'\uFFFD', '\u007F', '\t', 'é', '#', '\u200B', '\u00A0' };
		for (int i = 0; i < 2000; i++) {
			StringBuilder file = new StringBuilder("a;b;c\n");
			int length = random.nextInt(60);
			for (int j = 0; j < length; j++) {
				file.append(alphabet[random.nextInt(alphabet.length)]);
			}
			String text = file.toString();
			assertThat(count(text, ';'))
				.as(text.chars()
					.mapToObj((c) -> (c < 32 || c > 126) ? String.format("\\u%04X", c) : String.valueOf((char) c))
					.collect(java.util.stream.Collectors.joining()))
				.isEqualTo(countByReading(text, ';'));
			List<SourceRow> slowly = new ArrayList<>();
			try (CsvReader reader = new CsvReader(new OneCharacterAtATime(text), ';')) {
				SourceRow row;
				while ((row = reader.next()) != null) {
					slowly.add(row);
				}
			}
			assertThat(read(text, ';')).as(text).isEqualTo(slowly);
		}
		List<SourceRow> rows = read("Nom;Ville\nA;Lyon\n\u0001x\u0002y;z\nPK\nB;Nice\n", ';');
		assertThat(rows).extracting(SourceRow::problem).containsExactly(null, "row:binary", "row:binary", null);
		assertThat(rows.get(1).original()).isEqualTo("\uFFFDx\uFFFDy;z");
	}

	@Test
	void countsTheRowsLeftAfterSomeWereRead() throws IOException {
		String file = "a;b\n\n\n1;2\n\n3;4\n";
		try (CsvReader reader = new CsvReader(new StringReader(file), ';')) {
			assertThat(reader.next().problem()).isEqualTo("row:empty");
			// the next blank row and the row after it were read ahead: rows 2 to 5 are
			// left
			assertThat(reader.countRows()).isEqualTo(new RowCount(4, 2, 3));
		}
	}

	@Test
	void detectsTheDelimiter() {
		assertThat(FileProfile.detectDelimiter(List.of("a;b;c", "1;2;3"))).isEqualTo(';');
		assertThat(FileProfile.detectDelimiter(List.of("a,b,c", "1,2,3"))).isEqualTo(',');
		assertThat(FileProfile.detectDelimiter(List.of("a\tb", "1,5\t2"))).isEqualTo('\t');
		assertThat(FileProfile.detectDelimiter(List.of("a|b|c", "1|2,5|3"))).isEqualTo('|');
		// "1,5 M€" in a semicolon file does not make it a comma file
		assertThat(FileProfile.detectDelimiter(List.of("Nom;CA", "A;1,5 M€", "B;2"))).isEqualTo(';');
	}

	@Test
	void takesTheDelimiterExcelIsToldAndSkipsItsLine() throws IOException {
		assertThat(FileProfile.detectDelimiter(List.of("sep=,", "Nom;Ville,CA", "A;Sète,2"))).isEqualTo(',');
		assertThat(FileProfile.detectDelimiter(List.of("SEP=|", "a;b|c"))).isEqualTo('|');
		assertThat(FileProfile.detectDelimiter(List.of("sep=\t", "a;b\tc"))).isEqualTo('\t');
		// a header that starts so is a header
		assertThat(FileProfile.delimiterHint("sep=;Nom")).isNull();
		assertThat(FileProfile.delimiterHint("Nom;Ville")).isNull();

		String file = "sep=;\r\nRaison sociale;Ville\r\nAgence Sep;Paris\r\n";
		try (CsvReader reader = new CsvReader(new StringReader(file), ';')) {
			assertThat(reader.header()).containsExactly("Raison sociale", "Ville");
			SourceRow first = reader.next();
			assertThat(first.number()).isEqualTo(1);
			assertThat(first.cells()).containsExactly("Agence Sep", "Paris");
			assertThat(reader.next()).isNull();
		}
		assertThat(count(file, ';').rows()).isEqualTo(1);
		// blank lines around it change nothing
		try (CsvReader reader = new CsvReader(new StringReader("\nsep=;\n\nNom\nA\n"), ';')) {
			assertThat(reader.header()).containsExactly("Nom");
		}
	}

	private static RowCount count(String text, char delimiter) throws IOException {
		try (CsvReader reader = new CsvReader(new StringReader(text), delimiter)) {
			return reader.countRows();
		}
	}

	/** The count of the rows {@link CsvReader#next()} returns. */
	private static RowCount countByReading(String text, char delimiter) throws IOException {
		RowCount.Tally tally = new RowCount.Tally();
		for (SourceRow row : read(text, delimiter)) {
			tally.row(row.number(), row.problem() != null);
		}
		return tally.result();
	}

	private static List<SourceRow> read(String text, char delimiter) throws IOException {
		List<SourceRow> rows = new ArrayList<>();
		try (CsvReader reader = new CsvReader(new StringReader(text), delimiter)) {
			SourceRow row;
			while ((row = reader.next()) != null) {
				rows.add(row);
			}
		}
		return rows;
	}

	@Test
	void readsByLinesAsCharacterByCharacter() throws IOException {
		// a reader that gives one character a call never has a whole line in its buffer,
		// so every record takes the general path
		MessyText messy = new MessyText(8);
		String[] pieces = { "a", "bc", "é", ";", ",", "\"", "\"\"", "\n", "\r\n", "\r", " ", "\t", "x".repeat(5000),
				"\u2028", "\n\n", ";;", "\r\r\n", "\r\r" };
		for (int i = 0; i < 300; i++) {
			StringBuilder file = new StringBuilder();
			while (file.length() < 150_000) {
				file.append(messy.of(pieces, 12));
			}
			String text = file.toString();
			char delimiter = (i % 2 == 0) ? ';' : ',';
			List<SourceRow> expected = new ArrayList<>();
			try (CsvReader reader = new CsvReader(new OneCharacterAtATime(text), delimiter)) {
				SourceRow row;
				while ((row = reader.next()) != null) {
					expected.add(row);
				}
				assertThat(new CsvReader(new StringReader(text), delimiter).header()).isEqualTo(reader.header());
			}
			assertThat(read(text, delimiter)).isEqualTo(expected);
		}
	}

	private static final class OneCharacterAtATime extends java.io.Reader {

		private final String text;

		private int position;

		OneCharacterAtATime(String text) {
			this.text = text;
		}

		@Override
		public int read(char[] buffer, int offset, int length) {
			if (this.position == this.text.length()) {
				return -1;
			}
			buffer[offset] = this.text.charAt(this.position++);
			return 1;
		}

		@Override
		public void close() {
		}

	}

}
