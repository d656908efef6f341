package fr.atlas.prospects.internal;

import java.util.List;

import fr.atlas.platform.InvalidInputException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class WorkbookSheetsTests {

	static final List<String> SHEETS = List.of("Paris", "Lyon", "2");

	@Test
	void readsTheFirstSheetWhenNoneIsAsked() {
		assertThat(WorkbookSheets.resolve(null, FileProfile.Format.XLSX, SHEETS)).isZero();
		assertThat(WorkbookSheets.resolve(" ", FileProfile.Format.XLS, SHEETS)).isZero();
	}

	@Test
	void findsASheetByNameThenIgnoringCaseThenByPosition() {
		assertThat(WorkbookSheets.resolve("Lyon", FileProfile.Format.XLSX, SHEETS)).isEqualTo(1);
		assertThat(WorkbookSheets.resolve(" lyon ", FileProfile.Format.XLSX, SHEETS)).isEqualTo(1);
		assertThat(WorkbookSheets.resolve("1", FileProfile.Format.XLSX, SHEETS)).isZero();
		// a sheet called "2" is found by its name, not as the second sheet
		assertThat(WorkbookSheets.resolve("2", FileProfile.Format.XLSX, SHEETS)).isEqualTo(2);
		assertThat(WorkbookSheets.resolve("3", FileProfile.Format.XLSX, SHEETS)).isEqualTo(2);
	}

	@Test
	void refusesAnUnknownSheetListingTheOthers() {
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> WorkbookSheets.resolve("Marseille", FileProfile.Format.XLSX, SHEETS))
			.satisfies((ex) -> {
				assertThat(ex.problems()).singleElement().satisfies((p) -> {
					assertThat(p.field()).isEqualTo("sheet");
					assertThat(p.code()).isEqualTo("prospects.import.unknown-sheet");
					assertThat(p.arguments()).containsExactly("Marseille", "Paris, Lyon, 2");
				});
			});
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> WorkbookSheets.resolve("0", FileProfile.Format.XLSX, List.of("Paris")));
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> WorkbookSheets.resolve("4", FileProfile.Format.XLSX, SHEETS));
	}

	@Test
	void acceptsOnlyTheFirstSheetOfACsvFile() {
		assertThat(WorkbookSheets.resolve("1", FileProfile.Format.CSV, List.of())).isZero();
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> WorkbookSheets.resolve("Feuil1", FileProfile.Format.CSV, List.of()))
			.satisfies(
					(ex) -> assertThat(ex.problems().get(0).code()).isEqualTo("prospects.import.sheet-not-workbook"));
	}

}
