package fr.atlas.prospects.internal;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.core.io.ClassPathResource;

import static fr.atlas.prospects.internal.Specialty.COMMERCIAL;
import static fr.atlas.prospects.internal.Specialty.LAND;
import static fr.atlas.prospects.internal.Specialty.LUXURY;
import static fr.atlas.prospects.internal.Specialty.MANAGEMENT;
import static fr.atlas.prospects.internal.Specialty.NEW_BUILD;
import static fr.atlas.prospects.internal.Specialty.RENTAL;
import static fr.atlas.prospects.internal.Specialty.RESIDENTIAL;
import static org.assertj.core.api.Assertions.assertThat;

class SpecialtyTests {

	@Test
	void readsWhatAFileSaysWhateverTheCaseAccentsAndSeparators() {
		assertThat(Specialty.in("Transaction, Location")).containsExactly(RESIDENTIAL, RENTAL);
		assertThat(Specialty.in("RÉSIDENTIEL")).containsExactly(RESIDENTIAL);
		assertThat(Specialty.in("residentiel")).containsExactly(RESIDENTIAL);
		assertThat(Specialty.in("gestion-locative")).containsExactly(RENTAL, MANAGEMENT);
		assertThat(Specialty.in("Immobilier d'entreprise / bureaux")).containsExactly(COMMERCIAL);
		assertThat(Specialty.in("Programme neuf (VEFA)")).containsExactly(NEW_BUILD);
		assertThat(Specialty.in("Biens d’exception")).containsExactly(LUXURY);
		assertThat(Specialty.in("syndic de copropriété")).containsExactly(MANAGEMENT);
		assertThat(Specialty.in("Terrains à bâtir")).containsExactly(LAND);
		assertThat(Specialty.in("residential & new-build")).containsExactly(RESIDENTIAL, NEW_BUILD);
	}

	/** The forms suggest the labels: typed as suggested, each must read as its own. */
	@ParameterizedTest
	@ValueSource(strings = { "i18n/prospects.properties", "i18n/prospects_en.properties" })
	void eachLabelReadsAsItsSpecialty(String bundle) throws IOException {
		Properties labels = new Properties();
		try (Reader reader = new InputStreamReader(new ClassPathResource(bundle).getInputStream(),
				StandardCharsets.UTF_8)) {
			labels.load(reader);
		}
		for (Specialty specialty : Specialty.values()) {
			String label = labels.getProperty(specialty.labelCode());
			assertThat(label).as(specialty.labelCode()).isNotBlank();
			assertThat(Specialty.in(label)).as(label).containsExactly(specialty);
		}
	}

	@Test
	void aWordInsideAnotherNamesNothing() {
		assertThat(Specialty.in("préventes")).isEmpty();
		assertThat(Specialty.in("relocation")).isEmpty();
		assertThat(Specialty.in("viager")).isEmpty();
		assertThat(Specialty.in("")).isEmpty();
		assertThat(Specialty.in(null)).isEmpty();
	}

	@Test
	void aFilterNamesASpecialtyByItsCodeOrOneOfItsWords() {
		assertThat(Specialty.named("rental")).contains(RENTAL);
		assertThat(Specialty.named("NEW_BUILD")).contains(NEW_BUILD);
		assertThat(Specialty.named("new-build")).contains(NEW_BUILD);
		assertThat(Specialty.named("Location")).contains(RENTAL);
		assertThat(Specialty.named("Résidentiel")).contains(RESIDENTIAL);
		assertThat(Specialty.named("gestion locative")).contains(RENTAL);
		assertThat(Specialty.named("viager")).isEmpty();
		assertThat(Specialty.named(" ")).isEmpty();
	}

}
