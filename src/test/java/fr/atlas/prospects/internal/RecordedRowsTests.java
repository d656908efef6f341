package fr.atlas.prospects.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import fr.atlas.prospects.internal.RecordedRows.RecordedRow;
import fr.atlas.prospects.internal.RecordedRows.RowOutcome;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RecordedRowsTests {

	private static final UUID JOB = UUID.fromString("0190a5b2-0000-7000-8000-000000000001");

	private static final UUID GARE = UUID.fromString("0190a5b2-0000-7000-8000-0000000000a1");

	private static final UUID POSTE = UUID.fromString("0190a5b2-0000-7000-8000-0000000000b2");

	@Test
	void readsBackWhatItWroteWhateverTheValuesHold() {
		CopyText text = new CopyText(64);
		text.value("plain").value((String) null).value("tab\there\nline\\slash\r").value("\\N").endRow();
		text.value("").value("x").value("").value((String) null).endRow();

		List<String[]> rows = CopyText.rows(text.toString(), 4);

		assertThat(rows).hasSize(2);
		assertThat(rows.get(0)).containsExactly("plain", null, "tab\there\nline\\slash\r", "\\N");
		assertThat(rows.get(1)).containsExactly("", "x", "", null);
	}

	@Test
	void refusesTextOfAnotherShape() {
		assertThatIllegalArgumentException().isThrownBy(() -> CopyText.rows("a\tb\n", 3));
		assertThatIllegalArgumentException().isThrownBy(() -> CopyText.rows("a\tb\tc\td\n", 3));
		assertThat(CopyText.rows("", 3)).isEmpty();
	}

	@Test
	void packsABatchAndTheAgenciesItsRowsEndedIn() {
		Map<String, String> values = new LinkedHashMap<>();
		values.put("name", "Agence de la Gare");
		values.put("city", "Lyon");
		List<RowOutcome> outcomes = List.of(
				new RowOutcome(7, "CREATED", GARE, List.of("phone:invalid"), List.of(), null,
						"Agence de la Gare;\"multi\nline\";\t", RecordedRows.packed(values)),
				new RowOutcome(8, "MERGED", GARE, List.of(), List.of("siret", "name"), 0.97, "Gare;1", ""),
				new RowOutcome(9, "REJECTED", null, List.of("row:no_identity"), List.of(), null, ";;", null),
				new RowOutcome(11, "CREATED", POSTE, List.of(), List.of(), null, "Poste",
						RecordedRows.packed(Map.of("name", "Poste"))));

		RecordedRows.Chunk chunk = RecordedRows.pack(JOB, outcomes).getFirst();

		assertThat(chunk.firstRow()).isEqualTo(7);
		assertThat(chunk.lastRow()).isEqualTo(11);
		assertThat(chunk.count()).isEqualTo(4);
		assertThat(chunk.prospects()).isEqualTo("{" + GARE + "," + POSTE + "}");
		List<RecordedRow> read = new ArrayList<>();
		CopyText.read(chunk.rows(), 8, (row) -> read.add(RecordedRow.of(row)));
		assertThat(read).extracting(RecordedRow::number).containsExactly(7, 8, 9, 11);
		RecordedRow created = read.get(0);
		assertThat(created.status()).isEqualTo("CREATED");
		assertThat(created.prospectId()).isEqualTo(GARE);
		assertThat(created.messages()).isEqualTo("phone:invalid");
		assertThat(created.confidence()).isNull();
		assertThat(created.original()).isEqualTo("Agence de la Gare;\"multi\nline\";\t");
		assertThat(created.values()).containsExactly(Map.entry("name", "Agence de la Gare"), Map.entry("city", "Lyon"));
		RecordedRow merged = read.get(1);
		assertThat(merged.reasons()).isEqualTo("siret|name");
		assertThat(merged.confidence()).isEqualTo(0.97, org.assertj.core.data.Offset.offset(1e-6));
		assertThat(merged.values()).isEmpty();
		RecordedRow rejected = read.get(2);
		assertThat(rejected.prospectId()).isNull();
		assertThat(rejected.fields()).isNull();
		assertThat(rejected.values()).isEmpty();
	}

	@Test
	void anAgencyPacksTheValuesItsProvenanceLists() {
		AgencyValues values = new AgencyValues("Agence de la Gare", "gare", null, "542051180", "54205118000066", null,
				"1 rue de la\u0009Gare", "75008", "Paris", "75", "gare.fr", List.of("a@gare.fr", "b@gare.fr"),
				List.of("+33123456789"), null, 12, 150000000L, null, List.of("vip", "paris"), "salon");

		assertThat(values.packed()).isEqualTo(RecordedRows.packed(values.asFields()))
			.startsWith("name\u001fAgence de la Gare\u001esiren\u001f542051180\u001e")
			.contains("address\u001f1 rue de la Gare\u001e", "emails\u001fa@gare.fr b@gare.fr\u001e",
					"tags\u001fvip,paris\u001e")
			.endsWith("source\u001fsalon\u001e");
	}

	@Test
	void compressesAChunkToAFractionOfItsTextAndBackExactly() {
		StringBuilder text = new StringBuilder();
		for (int row = 1; row <= 300; row++) {
			text.append(row)
				.append("\tCREATED\t\\N\tsiret:invalid_checksum\t\t\\N\tImmobilière des Prés n°")
				.append(row)
				.append(";06 12 34 56 78;Sète\tname\u001fImmobilière des Prés\u001e\n");
		}
		byte[] packed = RecordedRows.compressed(text.toString());
		assertThat(packed.length).isLessThan(text.toString().getBytes(StandardCharsets.UTF_8).length / 3);
		assertThat(RecordedRows.decompressed(packed)).isEqualTo(text.toString());
		assertThat(RecordedRows.decompressed(RecordedRows.compressed(""))).isEmpty();
	}

	@Test
	void refusesACorruptChunkRatherThanReadingRubbish() {
		byte[] packed = RecordedRows.compressed("1\tCREATED\t\\N\t\t\t\\N\tAgence de la Gare\t\\N\n".repeat(20));
		byte[] truncated = Arrays.copyOf(packed, packed.length / 2);
		assertThatThrownBy(() -> RecordedRows.decompressed(truncated)).isInstanceOf(RuntimeException.class);
	}

	@Test
	void anEmptyBatchPacksNothing() {
		assertThat(RecordedRows.pack(JOB, List.of())).isEmpty();
	}

	@Test
	void cutsALargeBatchIntoChunksOfWholeRows() {
		List<RowOutcome> outcomes = new ArrayList<>();
		for (int number = 1; number <= 2500; number++) {
			outcomes.add(new RowOutcome(number, "CREATED", (number % 2 == 0) ? GARE : POSTE, List.of(), List.of(), null,
					"Agence numéro " + number + ";" + "x".repeat(100),
					RecordedRows.packed(Map.of("name", "A" + number))));
		}

		List<RecordedRows.Chunk> chunks = RecordedRows.pack(JOB, outcomes);

		assertThat(chunks).hasSizeGreaterThan(2)
			.allSatisfy((chunk) -> assertThat(chunk.rows().length()).isLessThan(CopyText.SEGMENT + 200));
		List<Integer> numbers = new ArrayList<>();
		int expectedFirst = 1;
		for (RecordedRows.Chunk chunk : chunks) {
			List<RecordedRow> rows = new ArrayList<>();
			CopyText.read(chunk.rows(), 8, (row) -> rows.add(RecordedRow.of(row)));
			assertThat(chunk.firstRow()).isEqualTo(expectedFirst);
			assertThat(chunk.count()).isEqualTo(rows.size());
			assertThat(chunk.lastRow()).isEqualTo(rows.getLast().number());
			assertThat(chunk.prospects().replaceAll("[{}]", "").split(",")).containsExactlyInAnyOrder(GARE.toString(),
					POSTE.toString());
			rows.forEach((row) -> numbers.add(row.number()));
			expectedFirst = chunk.lastRow() + 1;
		}
		assertThat(numbers).hasSize(2500).isSorted().doesNotHaveDuplicates();
	}

	@Test
	void keepsTheTextWholeAcrossSegments() {
		CopyText text = new CopyText(16);
		StringBuilder expected = new StringBuilder();
		for (int i = 0; i < 5000; i++) {
			text.value("ligne " + i).value("é\t" + i).endRow();
			expected.append("ligne ").append(i).append('\t').append("é\\t").append(i).append('\n');
		}
		assertThat(text.segments()).hasSizeGreaterThan(1)
			.allSatisfy((segment) -> assertThat(segment.length()).isLessThan(CopyText.SEGMENT + 100));
		assertThat(text.toString()).isEqualTo(expected.toString());
		assertThat(text.length()).isEqualTo(expected.toString().getBytes(StandardCharsets.UTF_8).length);
		assertThat(CopyText.rows(text.toString(), 2)).hasSize(5000);
	}

}
