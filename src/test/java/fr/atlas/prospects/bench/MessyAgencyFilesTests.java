package fr.atlas.prospects.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import fr.atlas.platform.geo.FrenchGeography;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class MessyAgencyFilesTests {

	private static MessyAgencyFiles files;

	@TempDir
	Path directory;

	@BeforeAll
	static void loadGeography() {
		files = new MessyAgencyFiles(new FrenchGeography());
	}

	@Test
	void writesTheSameFileForTheSameSeed() throws IOException {
		Path first = this.directory.resolve("a.csv");
		Path second = this.directory.resolve("b.csv");
		Path other = this.directory.resolve("c.csv");
		files.write(first, null, 2_000, 42);
		files.write(second, null, 2_000, 42);
		files.write(other, null, 2_000, 43);
		assertThat(Files.readAllBytes(first)).isEqualTo(Files.readAllBytes(second));
		assertThat(Files.readAllBytes(first)).isNotEqualTo(Files.readAllBytes(other));
	}

	@Test
	void givesEveryRowItsTrueAgencyInTheTruthFile() throws IOException {
		Path csv = this.directory.resolve("agencies.csv");
		Path truthFile = this.directory.resolve("truth.csv");
		MessyAgencyFiles.Generated generated = files.write(csv, truthFile, 3_000, 7);
		List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
		List<String> truth = Files.readAllLines(truthFile, StandardCharsets.UTF_8);
		assertThat(lines).hasSize(3_001).first().isEqualTo(MessyAgencyFiles.HEADER);
		assertThat(truth).hasSize(3_001).first().isEqualTo("row;agency");
		Map<Integer, Integer> occurrences = new HashMap<>();
		for (int row = 1; row <= 3_000; row++) {
			int agency = generated.truth()[row - 1];
			assertThat(truth.get(row))
				.isEqualTo(row + ";" + ((agency == MessyAgencyFiles.INVALID) ? "invalid" : agency));
			assertThat(lines.get(row).split(";", -1)).hasSize(8);
			if (agency != MessyAgencyFiles.INVALID) {
				occurrences.merge(agency, 1, Integer::sum);
			}
		}
		assertThat(occurrences.keySet()).hasSize(generated.agencies()).allMatch((id) -> id < generated.agencies());
		assertThat(occurrences.values()).allMatch((count) -> count >= 1 && count <= 3);
		assertThat(occurrences.values()).contains(1, 2, 3);
		long invalid = java.util.Arrays.stream(generated.truth()).filter((a) -> a == MessyAgencyFiles.INVALID).count();
		assertThat(invalid).isBetween(20L, 120L);
	}

	@Test
	void makesAgenciesWithValidAndDistinctIdentifiers() {
		MessyAgencyFiles.Agencies agencies = files.agencies(5_000, 11);
		Set<String> sirens = new HashSet<>();
		Set<String> emails = new HashSet<>();
		Set<String> placedNames = new HashSet<>();
		for (int id = 0; id < agencies.count(); id++) {
			MessyAgencyFiles.Agency agency = files.agency(id, agencies.attempts()[id], 11);
			assertThat(agency.siret()).hasSize(14).startsWith(agency.siren());
			assertThat(MessyAgencyFiles.luhnValid(agency.siret())).isTrue();
			assertThat(MessyAgencyFiles.luhnValid(agency.siren())).isTrue();
			assertThat(agency.postcode()).matches("\\d{5}");
			assertThat(agency.phone()).matches("0[1-9]\\d{8}");
			assertThat(agency.email()).matches("[a-z0-9.-]+@[a-z0-9.-]+\\.[a-z]{2,}");
			if (agency.website() != null) {
				assertThat(agency.website()).matches("(www\\.)?[a-z0-9.-]+\\.[a-z]{2,}(/[a-z0-9/-]+)?");
			}
			assertThat(sirens.add(agency.siren())).isTrue();
			assertThat(emails.add(agency.email())).isTrue();
			assertThat(placedNames.add(agency.postcode() + "|" + MessyAgencyFiles.nameKey(agency.name()))).isTrue();
		}
	}

	@Test
	void makesFranchiseAgenciesInManyTowns() {
		MessyAgencyFiles.Agencies agencies = files.agencies(5_000, 3);
		Set<String> century21Towns = new HashSet<>();
		for (int id = 0; id < agencies.count(); id++) {
			MessyAgencyFiles.Agency agency = files.agency(id, agencies.attempts()[id], 3);
			if (agency.name().startsWith("Century 21 ")) {
				century21Towns.add(agency.city());
			}
		}
		assertThat(century21Towns).hasSizeGreaterThan(50);
	}

	@Test
	void checksSiretWithLuhn() {
		assertThat(MessyAgencyFiles.luhnValid("73282932000074")).isTrue();
		assertThat(MessyAgencyFiles.luhnValid("73282932000075")).isFalse();
		assertThat(MessyAgencyFiles.luhnDigit("7328293200007")).isEqualTo('4');
		assertThat(MessyAgencyFiles.nameKey("SARL L'Immobilière des Alpes")).isEqualTo("immo alpes");
	}

}
