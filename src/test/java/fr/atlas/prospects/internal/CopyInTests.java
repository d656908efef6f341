package fr.atlas.prospects.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CopyInTests {

	@Test
	void escapesWhatCopysTextFormatReservesAndMarksNulls() {
		CopyIn copy = new CopyIn("t", "a, b, c, d");
		copy.value("plain").value((String) null).value("tab\there\nline\\slash\r").value(12).endRow();
		copy.value("second").value("").value("x").value((String) null).endRow();
		assertThat(copy.rows()).isEqualTo(2);
		assertThat(copy.text()).isEqualTo("plain\t\\N\ttab\\there\\nline\\\\slash\\r\t12\nsecond\t\tx\t\\N\n");
	}

	@Test
	void writesIdentifiersAndNumbersAsTheirTextAndTheirNullsAsNull() {
		UUID id = UUID.fromString("0192f3a4-5b6c-7d8e-9f00-112233445566");
		CopyIn copy = new CopyIn("t", "a, b, c, d, e, f");
		copy.value(id)
			.value(1_032_000_00L)
			.value(0.875f)
			.value((Object) "x\ty")
			.value(7)
			.value((Integer) null)
			.endRow();
		copy.value((UUID) null)
			.value((Long) null)
			.value((Object) null)
			.value("")
			.value(-3)
			.value(Integer.valueOf(5))
			.endRow();
		assertThat(copy.text()).isEqualTo(
				"0192f3a4-5b6c-7d8e-9f00-112233445566\t103200000\t0.875\tx\\ty\t7\t\\N\n" + "\\N\t\\N\t\\N\t\t-3\t5\n");
	}

	@Test
	void quotesEveryArrayElement() {
		CopyIn copy = new CopyIn("t", "a");
		copy.array(List.of("a,b", "say \"hi\"", "back\\slash")).endRow();
		copy.array(List.of()).endRow();
		// the array literal's own backslashes are escaped again for COPY
		assertThat(copy.text()).isEqualTo("{\"a,b\",\"say \\\\\"hi\\\\\"\",\"back\\\\\\\\slash\"}\n{}\n");
	}

	@Test
	void packsProvenanceBetweenSeparatorsNoValueCanHold() {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("name", "Agence \"Gare\"\\\t");
		fields.put("city", "Lyon\u001fbis\u001e");
		assertThat(RecordedRows.packed(fields))
			.isEqualTo("name\u001fAgence \"Gare\"\\ \u001ecity\u001fLyon bis \u001e");
	}

}
