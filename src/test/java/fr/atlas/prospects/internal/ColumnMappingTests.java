package fr.atlas.prospects.internal;

import java.util.List;
import java.util.Map;

import fr.atlas.platform.InvalidInputException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ColumnMappingTests {

	@Test
	void detectsFrenchAndEnglishHeaders() {
		ColumnMapping mapping = ColumnMapping
			.detect(List.of("Raison sociale", "SIRET", "E-mail", "Téléphone", "Portable", "Code postal", "Ville",
					"Site web", "Nb annonces", "Chiffre d'affaires", "Zip code", "Whatever"), Map.of());
		assertThat(mapping.fields()).containsExactly(ImportField.NAME, ImportField.SIRET, ImportField.EMAIL,
				ImportField.PHONE, ImportField.MOBILE, ImportField.POSTCODE, ImportField.CITY, ImportField.WEBSITE,
				ImportField.LISTING_COUNT, ImportField.REVENUE, ImportField.POSTCODE, ImportField.IGNORED);
	}

	@Test
	void nomNextToPrenomAndACompanyIsTheContact() {
		ColumnMapping mapping = ColumnMapping.detect(List.of("Enseigne", "Prénom", "Nom", "Fonction"), Map.of());
		assertThat(mapping.fields()).containsExactly(ImportField.TRADE_NAME, ImportField.CONTACT_FIRST_NAME,
				ImportField.CONTACT_LAST_NAME, ImportField.CONTACT_ROLE);
		assertThat(ColumnMapping.detect(List.of("Nom", "Ville"), Map.of()).fields()).startsWith(ImportField.NAME);
	}

	@Test
	void aColumnMappedToNoFieldIsNamedInTheProblem() {
		java.util.HashMap<String, String> mapping = new java.util.HashMap<>();
		mapping.put("Ville", null);
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> ColumnMapping.detect(List.of("Société", "Ville"), mapping))
			.satisfies((ex) -> assertThat(ex.problems()).singleElement().satisfies((problem) -> {
				assertThat(problem.code()).isEqualTo("prospects.import.no-field");
				assertThat(problem.arguments()).containsExactly("Ville");
			}));
	}

	@Test
	void aColumnMappedToABlankFieldIsNamedInTheProblemAsOneMappedToNone() {
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> ColumnMapping.detect(List.of("Société", "Ville"), Map.of("Ville", " ")))
			.satisfies((ex) -> assertThat(ex.problems()).singleElement().satisfies((problem) -> {
				assertThat(problem.code()).isEqualTo("prospects.import.no-field");
				assertThat(problem.arguments()).containsExactly("Ville");
			}));
	}

	@Test
	void userOverridesWin() {
		ColumnMapping mapping = ColumnMapping.detect(List.of("Société", "Col X"), Map.of("Col X", "siret"));
		assertThat(mapping.fields()).containsExactly(ImportField.NAME, ImportField.SIRET);
		assertThat(mapping.asMap()).containsEntry("Col X", "siret");
	}

	@Test
	void fieldsMayBeNamedAsTheModelOrAHeaderNamesThem() {
		ColumnMapping mapping = ColumnMapping.detect(List.of("A", "B", "C", "D", "E", "F"), Map.of("A", "companyName",
				"B", "website_domain", "C", "Code postal", "D", "LISTING-COUNT", "E", "ignore", "F", "e-mail"));
		assertThat(mapping.fields()).containsExactly(ImportField.NAME, ImportField.WEBSITE, ImportField.POSTCODE,
				ImportField.LISTING_COUNT, ImportField.IGNORED, ImportField.EMAIL);
	}

	@Test
	void aMappingWrittenFieldToColumnIsReadTheOtherWayRound() {
		ColumnMapping mapping = ColumnMapping.detect(List.of("Col 1", "Col 2", "Ville"),
				Map.of("name", "Col 1", "siret", "Col 2"));
		assertThat(mapping.fields()).containsExactly(ImportField.NAME, ImportField.SIRET, ImportField.CITY);
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> ColumnMapping.detect(List.of("Col 1"), Map.of("name", "Col 9")))
			.satisfies((ex) -> assertThat(ex.problems()).extracting(InvalidInputException.FieldProblem::code)
				.contains("prospects.import.unknown-column"));
	}

	@Test
	void aColumnTheFileDoesNotHaveIsSaidWithTheColumnsItHas() {
		// columns by position, as some tools number them: the problem lists the headers
		// that name them
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> ColumnMapping.detect(List.of("Société", "", "Ville"), Map.of("0", "name")))
			.satisfies((ex) -> assertThat(ex.problems()).singleElement().satisfies((problem) -> {
				assertThat(problem.code()).isEqualTo("prospects.import.unknown-column");
				assertThat(problem.arguments()).containsExactly("0", "\"Société\", \"Ville\"", 0);
			}));
	}

	@Test
	void aColumnTheMappingGivesTwoFieldsIsNamedInTheProblem() {
		// two keys that name one column ("Col A", "col a "), or two fields naming it the
		// other way round: which one was meant is not for Atlas to guess
		Map<String, String> twice = new java.util.LinkedHashMap<>();
		twice.put("Col A", "name");
		twice.put("col a ", "city");
		Map<String, String> reversed = new java.util.LinkedHashMap<>();
		reversed.put("name", "Col A");
		reversed.put("city", "Col A");
		for (Map<String, String> mapping : List.of(twice, reversed)) {
			assertThatExceptionOfType(InvalidInputException.class)
				.isThrownBy(() -> ColumnMapping.detect(List.of("Col A", "Col B"), mapping))
				.satisfies((ex) -> assertThat(ex.problems()).singleElement().satisfies((problem) -> {
					assertThat(problem.field()).isEqualTo("mapping");
					assertThat(problem.code()).isEqualTo("prospects.import.column-mapped-twice");
					assertThat(problem.arguments()).containsExactly("Col A");
				}));
		}
		// the same field twice is one choice
		assertThat(ColumnMapping.detect(List.of("Col A", "Col B"), Map.of("Col A", "name", "col a", "Raison sociale"))
			.fields()).containsExactly(ImportField.NAME, ImportField.IGNORED);
	}

	@Test
	void refusesDuplicateHeadersAndUnknownFields() {
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> ColumnMapping.detect(List.of("Nom", "SIRET", "nom"), Map.of()))
			.satisfies((ex) -> assertThat(ex.problems()).extracting(InvalidInputException.FieldProblem::code)
				.contains("prospects.import.duplicate-header"));
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> ColumnMapping.detect(List.of("Nom"), Map.of("Nom", "shoe_size")));
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> ColumnMapping.detect(List.of("foo", "bar"), Map.of()));
	}

}
