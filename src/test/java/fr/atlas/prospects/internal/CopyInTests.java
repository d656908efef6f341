package fr.atlas.prospects.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CopyInTests {

	@Test
	void escapesWhatCopysTextFormatReservesAndMarksNulls() {
		CopyIn copy = new CopyIn("t", "a, b, c, d");
		copy.value("plain").value(null).value("tab\there\nline\\slash\r").value(12).endRow();
		copy.value("second").value("").value("x").value(null).endRow();
		assertThat(copy.rows()).isEqualTo(2);
		assertThat(copy.text()).isEqualTo("plain\t\\N\ttab\\there\\nline\\\\slash\\r\t12\nsecond\t\tx\t\\N\n");
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
