package fr.atlas.prospects.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NameKeyTests {

	@Test
	void dropsCaseAccentsPunctuationAndLegalForms() {
		assertThat(NameKey.of("SARL L'Agence de la Gare")).isEqualTo("agence gare");
		assertThat(NameKey.of("agence gare")).isEqualTo("agence gare");
		assertThat(NameKey.of("Agence-de-la-Gare, S.A.R.L.")).isEqualTo("agence gare");
		// a list typed on a French keyboard writes the Nordic or Polish name without its
		// stroke
		assertThat(NameKey.of("Bjørn & Łukasiewicz Immobilier")).isEqualTo(NameKey.of("BJORN ET LUKASIEWICZ IMMO"));
	}

	@Test
	void dropsEveryCommonLegalForm() {
		for (String form : new String[] { "SARL", "SAS", "SASU", "EURL", "SCI", "SA", "SNC", "S.A.S.", "Sàrl" }) {
			assertThat(NameKey.of("Immo Sud " + form)).as(form).isEqualTo("immo sud");
		}
	}

	/**
	 * Registers and deeds write the form out: the same key as its initials (ADR 0102).
	 */
	@Test
	void dropsLegalFormsWrittenOut() {
		assertThat(NameKey.of("Société Civile Immobilière Martin Immobilier")).isEqualTo("martin immo")
			.isEqualTo(NameKey.of("SCI Martin Immobilier"));
		assertThat(NameKey.of("SOCIETE A RESPONSABILITE LIMITEE AGENCE DU LAC"))
			.isEqualTo(NameKey.of("SARL Agence du Lac"));
		assertThat(NameKey.of("Cap Habitat Sud, société par actions simplifiée unipersonnelle"))
			.isEqualTo("cap habitat sud");
		assertThat(NameKey.of("Dupont Immobilier Société par actions simplifiée")).isEqualTo("dupont immo");
		assertThat(NameKey.of("Entreprise unipersonnelle à responsabilité limitée Les Toits d'Annecy"))
			.isEqualTo(NameKey.of("EURL Les Toits d'Annecy"));
		assertThat(NameKey.of("Moreau Transactions Société Anonyme")).isEqualTo(NameKey.of("SA Moreau Transactions"));
		assertThat(NameKey.of("Payet & Meunier Société en nom collectif")).isEqualTo("payet meunier");
		assertThat(NameKey.of("Entreprise individuelle Jean Roux")).isEqualTo("jean roux");
		assertThat(NameKey.of("Société d'exercice libéral à responsabilité limitée Notaires du Port"))
			.isEqualTo("notaires port");
		// the words of a name, not a form: a company's whole name stays
		assertThat(NameKey.of("L'Entreprise Immobilière du Lac")).isEqualTo("entreprise immo lac");
		assertThat(NameKey.of("Société Civile Immobilière")).isNotEmpty();
		assertThat(NameKey.registered("Société Civile Immobilière Martin")).isTrue();
		assertThat(NameKey.registered("L'Entreprise Immobilière du Lac")).isFalse();
	}

	@Test
	void equatesImmobilierAndImmo() {
		assertThat(NameKey.of("Forêt Immobilière")).isEqualTo(NameKey.of("FORET IMMO"));
	}

	@Test
	void equatesTheUsualAbbreviations() {
		assertThat(NameKey.of("Cab. Carpentier et Ass.")).isEqualTo(NameKey.of("Cabinet Carpentier & Associés"));
		assertThat(NameKey.of("Agce Immo Hervé")).isEqualTo(NameKey.of("Agence Immobilière Hervé"));
		assertThat(NameKey.of("Ag. du Lac")).isEqualTo(NameKey.of("Agence du Lac"));
		assertThat(NameKey.of("Lambert & Fils")).isEqualTo(NameKey.of("Lambert et Fils"));
		assertThat(NameKey.of("Cbt Émeraude Transac.")).isEqualTo(NameKey.of("Cabinet Émeraude Transactions"));
	}

	@Test
	void leavesOutTheTownANameEndsWithInThatTown() {
		assertThat(NameKey.withoutTown("Cabinet Rousseau Immobilier – Montreuil", "MONTREUIL"))
			.isEqualTo(NameKey.of("Cabinet Rousseau Immobilier"));
		assertThat(NameKey.withoutTown("Dumont et Fils (PARIS 9)", "Paris 9ème")).isEqualTo("dumont fils");
		assertThat(NameKey.withoutTown("Moulin Immobilier / Divonne-les-Bains", "Divonne les Bains"))
			.isEqualTo("moulin immo");
		assertThat(NameKey.withoutTown("Agence du Centre, Saint-Denis", "St Denis")).isEqualTo("agence centre");
		// a town the name is made of, another town, a network's agency, nothing
		// distinctive left: the whole key
		assertThat(NameKey.withoutTown("Les Toits de Vannes", "Vannes")).isEqualTo("toits vannes");
		assertThat(NameKey.withoutTown("Cabinet Rousseau - Montreuil", "Vincennes"))
			.isEqualTo("cabinet rousseau montreuil");
		assertThat(NameKey.withoutTown("Orpi - Montreuil", "Montreuil")).isEqualTo("orpi montreuil");
		assertThat(NameKey.withoutTown("Orpi Immobilier (Montreuil)", "Montreuil")).isEqualTo("orpi immo montreuil");
		assertThat(NameKey.withoutTown("Immobilier - Montreuil", "Montreuil")).isEqualTo("immo montreuil");
		assertThat(NameKey.withoutTown("Agence Centre - Montreuil", null)).isEqualTo("agence centre montreuil");
	}

	/**
	 * A portal writes a network's agency with its town after it: named beyond the brand,
	 * it is that agency of the town, as any agency's name is (ADR 0094).
	 */
	@Test
	void leavesOutTheTownANetworksAgencyNamedBeyondItsBrandEndsWith() {
		assertThat(NameKey.withoutTown("Orpi Dubois Immobilier - Lyon 2ème", "Lyon 2ème"))
			.isEqualTo("orpi dubois immo");
		assertThat(NameKey.withoutTown("Orpi Dubois Immobilier (Lyon)", "Lyon")).isEqualTo("orpi dubois immo");
		assertThat(NameKey.withoutTown("Foncia Grenoble Part-Dieu (Grenoble)", "GRENOBLE"))
			.isEqualTo(NameKey.of("Foncia Grenoble Part-Dieu"));
		assertThat(NameKey.withoutTown("Century 21 Les Quais - Dijon", "Dijon")).isEqualTo("century 21 quais");
		// a town that reads as a network's brand keeps the key it had
		assertThat(NameKey.withoutTown("Cabinet Marchal & Associés - Sainte-Adresse", "SAINTE ADRESSE"))
			.isEqualTo(NameKey.of("Cabinet Marchal & Associés Sainte-Adresse"));
		// in another town, the town stays: it is part of what the row says
		assertThat(NameKey.withoutTown("Century 21 Les Quais - Dijon", "Beaune")).isEqualTo("century 21 quais dijon");
	}

	@Test
	void keepsDigitsOfBrands() {
		assertThat(NameKey.of("CENTURY 21 Agence du Port")).isEqualTo("century 21 agence port");
	}

	@Test
	void nameOfLittleWordsStillHasAKey() {
		assertThat(NameKey.of("SAS")).isEqualTo("sas");
	}

	@Test
	void givesTheKeyOfTheRegularExpressions() {
		MessyText messy = new MessyText(2);
		String[] pieces = { "agence", "immo", "immobilière", "sarl", "s.a.r.l.", "S.A.S", "s.a", "a.b.c", "l'", "de",
				"la", " ", " ", "  ", ".", "..", "-", "&", "_", "a", "b.", ".c", "x.y", "1.2", "a1.b", "é.", "è", "st",
				"ste", "Œuvre", "ß", "ø.a", "a.ø", "\u0301", "e\u0301.a", "a.\u0301", "Σ.", "\uD83C\uDFE0", "21",
				"century", "'s", "A.", ".B", "_.a", "a._", "j.-p.", "\u00A0", "\u2028", "(", ")", "/" };
		for (int i = 0; i < 50_000; i++) {
			String name = messy.of(pieces, 9);
			String expected = NameKey.byPatterns(CleanText.foldByNormalizer(name).replace("&", " et "));
			assertThat(NameKey.of(name)).as(name).isEqualTo(expected);
		}
	}

	@Test
	void aTypoInAWordEveryAgencyUsesIsThatWord() {
		assertThat(NameKey.of("Cabinet Martin Immobillier")).isEqualTo(NameKey.of("Cabinet Martin Immobilier"))
			.isEqualTo("cabinet martin immo");
		assertThat(NameKey.of("Qmmobilière des Alpes")).isEqualTo(NameKey.of("Immobilière des Alpes"));
		assertThat(NameKey.of("Agnece de la Gare")).isEqualTo(NameKey.of("Amence de la Gare"))
			.isEqualTo(NameKey.of("Agence de la Gare"));
		assertThat(NameKey.of("Cbinet Robin")).isEqualTo("cabinet robin");
		assertThat(NameKey.of("Gestin Transactons")).isEqualTo("gestion transaction");
		assertThat(NameKey.of("Cabines Dupont")).isEqualTo("cabinet dupont");
		// a word two edits away is a word of the name
		assertThat(NameKey.of("Agenais Immobilier")).isEqualTo("agenais immo");
		assertThat(NameKey.of("Cabanon Dupont")).isEqualTo("cabanon dupont");
		assertThat(NameKey.of("Agence du Lac")).isEqualTo("agence lac");
	}

	@Test
	void oneEditApartIsAReplacedAddedRemovedOrSwappedCharacter() {
		assertThat(NameKey.oneEditApart("agence", "agnece")).isTrue();
		assertThat(NameKey.oneEditApart("agence", "agencee")).isTrue();
		assertThat(NameKey.oneEditApart("agence", "gence")).isTrue();
		assertThat(NameKey.oneEditApart("agence", "amence")).isTrue();
		assertThat(NameKey.oneEditApart("agence", "agence")).isFalse();
		assertThat(NameKey.oneEditApart("agence", "gaence")).isTrue();
		assertThat(NameKey.oneEditApart("agence", "gaenec")).isFalse();
		assertThat(NameKey.oneEditApart("agence", "agenceee")).isFalse();
		assertThat(NameKey.oneEditApart("agence", "avenue")).isFalse();
		MessyText messy = new MessyText(3);
		String[] pieces = { "a", "b", "c", "ab", "ba", "e" };
		for (int i = 0; i < 20_000; i++) {
			String a = messy.of(pieces, 4);
			String b = messy.of(pieces, 4);
			if (!a.isEmpty() && !b.isEmpty()) {
				boolean expected = !a.equals(b) && Deduplication.editDistance(a, b, 1) <= 1;
				assertThat(NameKey.oneEditApart(a, b)).as(a + " " + b).isEqualTo(expected);
			}
		}
	}

	@Test
	void numbersWrittenAsWordsAreNumbers() {
		assertThat(NameKey.of("Les Neuf Arches")).isEqualTo(NameKey.of("Les 9 Arches")).isEqualTo("9 arches");
		assertThat(NameKey.of("Les Deux Rives Immobilier")).isEqualTo(NameKey.of("Les 2 Rives Immobilier"));
	}

}
