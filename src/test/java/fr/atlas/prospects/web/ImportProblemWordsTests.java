package fr.atlas.prospects.web;

import java.util.Locale;

import org.junit.jupiter.api.Test;

import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

class ImportProblemWordsTests {

	ImportProblemWords words = new ImportProblemWords(bundles());

	@Test
	void saysABadValueWasLeftOut() {
		assertThat(this.words.of("siret:zeros", Locale.FRENCH)).isEqualTo("SIRET\u00A0: que des zéros, ignoré");
		assertThat(this.words.of("row:empty", Locale.FRENCH)).isEqualTo("Ligne vide, rejetée");
	}

	@Test
	void saysASiretWasRoundedInScientificNotation() {
		assertThat(this.words.of("siret:scientific_notation", Locale.FRENCH)).isEqualTo(
				"SIRET arrondi en notation scientifique par le tableur (ex. 4,01235E+13)\u00A0: chiffres perdus, "
						+ "mettez la colonne au format Texte, ignoré");
		assertThat(this.words.of("siret:scientific_notation", Locale.ENGLISH))
			.isEqualTo("SIRET rounded to scientific notation by the spreadsheet (e.g. 4.01235E+13): digits lost, "
					+ "format the column as Text, left out");
		assertThat(this.words.of("siren:scientific_notation", Locale.ENGLISH)).startsWith("SIREN rounded");
	}

	@Test
	void namesTheFieldOfAFormulaSavedWithoutItsValue() {
		assertThat(this.words.of("email:formula_without_value", Locale.FRENCH)).isEqualTo(
				"E-mail\u00A0: formule enregistrée sans son résultat, lue vide\u202F; ouvrez le fichier dans Excel et enregistrez-le à nouveau");
		assertThat(this.words.of("listing_count:formula_without_value", Locale.ENGLISH))
			.startsWith("Listing count: formula saved without its result, read as empty; open the file in Excel");
		// a field the bundles do not know is named by its code
		assertThat(this.words.of("other:formula_without_value", Locale.ENGLISH)).startsWith("other: formula");
	}

	private static ResourceBundleMessageSource bundles() {
		ResourceBundleMessageSource source = new ResourceBundleMessageSource();
		source.setBasename("i18n/prospects");
		source.setDefaultEncoding("UTF-8");
		source.setFallbackToSystemLocale(false);
		return source;
	}

}
