package fr.atlas.prospects.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MappingPresetTests {

	static final MappingPreset CRM = preset("CRM", Map.of("Société", "name", "E-mail", "email", "Notes", "ignored"));

	@Test
	void appliesToTheFileHeadersWhateverTheirCaseAccentsAndPunctuation() {
		assertThat(CRM.forHeaders(List.of("SOCIETE", "e mail", "Ville"))).containsExactly(Map.entry("SOCIETE", "name"),
				Map.entry("e mail", "email"));
	}

	@Test
	void measuresHowWellItFitsAFile() {
		assertThat(CRM.fit(List.of("Société", "E-mail", "Notes"))).isEqualTo(1.0);
		assertThat(CRM.fit(List.of("Société", "E-mail", "Ville", "Notes"))).isEqualTo(0.75);
		assertThat(CRM.fit(List.of("Raison sociale"))).isZero();
		assertThat(CRM.covers(List.of("societe", "Notes", ""))).isTrue();
		assertThat(CRM.covers(List.of("Société", "Ville"))).isFalse();
	}

	@Test
	void suggestsTheBestFittingPresetAndNoneWithoutACommonHeader() {
		MappingPreset annuaire = preset("Annuaire", Map.of("Société", "trade_name", "Ville", "city"));
		MappingPreset other = preset("Autre", Map.of("Raison sociale", "name"));
		List<String> headers = List.of("Société", "Ville");
		assertThat(MappingPresets.best(List.of(CRM, annuaire, other), headers)).contains(annuaire);
		assertThat(MappingPresets.best(List.of(other), headers)).isEmpty();
		// equal fits go to the first name
		MappingPreset twin = preset("Bis", annuaire.mapping());
		assertThat(MappingPresets.best(List.of(twin, annuaire), headers)).contains(annuaire);
	}

	private static MappingPreset preset(String name, Map<String, String> mapping) {
		return new MappingPreset(UUID.randomUUID(), name, new LinkedHashMap<>(mapping));
	}

}
