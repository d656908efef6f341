package fr.atlas.cases.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;

import fr.atlas.platform.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CaseYamlTests {

	final CaseYaml yaml = new CaseYaml();

	@ParameterizedTest
	@ValueSource(strings = { "LEAD_ACHAT", "PROSPECTION", "LOCATION" })
	void writesSeedsThatReadBackIdentical(String key) throws IOException {
		Map<String, Object> seed;
		try (InputStream in = getClass().getResourceAsStream("/cases/seeds/" + key + ".json")) {
			seed = JsonMapper.builder().build().readValue(in, new TypeReference<LinkedHashMap<String, Object>>() {
			});
		}
		String text = this.yaml.write(seed);
		assertThat(text).startsWith("key: " + key).doesNotContain("---").doesNotContain("{\"");
		assertThat(this.yaml.parseDocument("document", text)).isEqualTo(seed);
	}

	@Test
	void keepsTextsThatLookLikeNumbersOrColoursAsTexts() {
		Map<String, Object> document = Map.of("colour", "#1f4fd1", "code", "75001", "flag", "no", "sla", "PT2H");
		assertThat(this.yaml.parseDocument("document", this.yaml.write(document))).isEqualTo(document);
	}

	@Test
	void reportsTheLineOfMalformedYaml() {
		String broken = """
				key: DEMO
				workflow:
				  states: [ {key: NEW
				  transitions: []
				""";
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> this.yaml.parseDocument("document", broken))
			.satisfies((ex) -> {
				var problem = ex.problems().getFirst();
				assertThat(problem.field()).isEqualTo("document");
				assertThat(problem.code()).isEqualTo("yaml.malformed");
				assertThat((int) problem.arguments()[0]).isBetween(3, 5);
			});
	}

	@Test
	void refusesDuplicateKeysEmptyDocumentsAndLists() {
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> this.yaml.parseDocument("document", "key: A\nkey: B\n"))
			.satisfies((ex) -> assertThat(ex.problems().getFirst().code()).isEqualTo("yaml.malformed"));
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> this.yaml.parseDocument("document", "  \n"))
			.satisfies((ex) -> assertThat(ex.problems().getFirst().code()).isEqualTo("yaml.empty"));
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> this.yaml.parseDocument("document", "- a\n- b\n"))
			.satisfies((ex) -> assertThat(ex.problems().getFirst().code()).isEqualTo("yaml.not-a-mapping"));
	}

}
