package fr.atlas.prospects.internal;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RowNormaliserTests {

	RowNormaliser normaliser = new RowNormaliser(
			ColumnMapping.detect(
					List.of("Raison sociale", "SIRET", "SIREN", "E-mail", "Téléphone", "Code postal", "Ville",
							"Site web", "Chiffre d'affaires", "Prénom", "Nom du contact", "Portable", "LinkedIn"),
					Map.of()));

	@Test
	void normalisesEveryField() {
		NormalisedRow row = normalise("SARL Agence de la Gare", "542 051 180 00066", "", "CONTACT@GARE.FR",
				"01.23.45.67.89", "75 008", "Paris", "https://www.gare.fr/", "1,5 M€", "Jean", "Dupont",
				"06 12 34 56 78", "linkedin.com/in/jdupont?trk=x");
		assertThat(row.messages()).isEmpty();
		AgencyValues agency = row.agency();
		assertThat(agency.nameKey()).isEqualTo("agence gare");
		assertThat(agency.siret()).isEqualTo("54205118000066");
		assertThat(agency.siren()).isEqualTo("542051180");
		assertThat(agency.emails()).containsExactly("contact@gare.fr");
		assertThat(agency.phones()).containsExactly("+33123456789");
		assertThat(agency.department()).isEqualTo("75");
		assertThat(agency.websiteDomain()).isEqualTo("gare.fr");
		assertThat(agency.revenueCents()).isEqualTo(150_000_000L);
		assertThat(row.contact().phones()).containsExactly("+33612345678");
		assertThat(row.contact().linkedin()).isEqualTo("https://www.linkedin.com/in/jdupont");
	}

	/**
	 * The wizard's preview shows each cell as the import reads it: a phone that lost its
	 * leading zero as dialled, a SIRET in groups, an e-mail in lower case; a cell read as
	 * written, a bad one and an ignored column have no reading of their own.
	 */
	@Test
	void readsEachCellAsTheImportWill() {
		RowNormaliser preview = new RowNormaliser(
				ColumnMapping.detect(List.of("Raison sociale", "SIRET", "E-mail", "Téléphone", "Code postal",
						"Site web", "Chiffre d'affaires", "Tranche d'effectif", "Remarque"), Map.of()));
		assertThat(preview.readings(new SourceRow(1,
				List.of("  Agence   du Lac ", "54205118000066", "Contact@Lac.FR", "450123456", "1500",
						"https://www.lac.fr/", "1,5 M€", "12", "à rappeler"),
				"", null)))
			.containsExactly("Agence du Lac", "542 051 180 00066", "contact@lac.fr", "04 50 12 34 56", "01500",
					"lac.fr", "1\u00a0500\u00a0000 €", "20-49", null);
		assertThat(preview.readings(new SourceRow(2,
				List.of("Agence du Lac", "12345", "pas-un-email", "06 12", "N/A", "", "", "", ""), "", null)))
			.containsExactly("Agence du Lac", null, null, null, null, null, null, null, null);
	}

	@Test
	void readsTheNumbersASpreadsheetMangled() {
		// scientific notation with every digit, a phone and a postcode that lost their
		// leading zero, spaces that do not break
		NormalisedRow row = normalise("Agence du Tableur", "5,4205118000066E+13", "", "", "6.12345678E+8", "1500",
				"Bourg-en-Bresse", "", "1\u202F234\u202F567,50 €", "", "", "06\u00A012\u00A034\u00A056\u00A079", "");
		assertThat(row.messages()).isEmpty();
		assertThat(row.agency().siret()).isEqualTo("54205118000066");
		assertThat(row.agency().siren()).isEqualTo("542051180");
		assertThat(row.agency().phones()).containsExactly("+33612345678", "+33612345679");
		assertThat(row.agency().postcode()).isEqualTo("01500");
		assertThat(row.agency().department()).isEqualTo("01");
		assertThat(row.agency().revenueCents()).isEqualTo(123_456_750L);
		// nine digits in scientific notation in the SIRET column are a SIREN
		NormalisedRow siren = normalise("Agence du Tableur", "5.4205118E+8", "", "", "", "", "", "", "", "", "", "",
				"");
		assertThat(siren.messages()).containsExactly("siret:siren_only");
		assertThat(siren.agency().siren()).isEqualTo("542051180");
	}

	@Test
	void saysASiretASpreadsheetRoundedCannotBeRead() {
		NormalisedRow row = normalise("Agence Arrondie", "5,42051E+13", "5,42051E+8", "", "", "", "", "", "", "", "",
				"", "");
		assertThat(row.rejected()).isFalse();
		assertThat(row.messages()).containsExactly("siret:scientific_notation", "siren:scientific_notation");
		assertThat(row.agency().siret()).isNull();
		assertThat(row.agency().siren()).isNull();
	}

	@Test
	void readsASpreadsheetsErrorValueAsAnEmptyCell() {
		// a formula that failed: no value, as "#N/A" already is, rather than a bad one
		NormalisedRow row = normalise("Agence Erreurs", "#VALUE!", "#N/A", "#REF!", "#DIV/0!", "#NOM?", "#VALEUR!",
				"#NAME?", "#NUM!", "", "", "", "");
		assertThat(row.messages()).isEmpty();
		assertThat(row.agency().siret()).isNull();
		assertThat(row.agency().city()).isNull();
		// a row of errors alone identifies nothing
		assertThat(normalise("#REF!", "#VALUE!", "", "", "#N/A", "", "", "", "", "", "", "", "").messages())
			.containsExactly("row:no_identity");
		// "#1 Immobilier" is a name
		assertThat(normalise("#1 Immobilier", "", "", "", "", "", "", "", "", "", "", "", "").agency().name())
			.isEqualTo("#1 Immobilier");
	}

	@Test
	void aDateInAPhoneColumnIsOneBadPhone() {
		// a date cell, read as the sheet shows it, is no three numbers
		assertThat(normalise("Agence Datée", "", "", "", "05/01/2024", "", "", "", "", "", "", "", "").messages())
			.containsExactly("phone:invalid");
		// numbers a slash separates still are several
		assertThat(normalise("Agence Deux", "", "", "", "01 23 45 67 89/06 12 34 56 78", "", "", "", "", "", "", "", "")
			.agency()
			.phones()).containsExactly("+33123456789", "+33612345678");
	}

	@Test
	void anAgencyInMonacoHasNoDepartmentAndItsNumbersWithoutCountryCodeAreMonacos() {
		NormalisedRow row = normalise("Monaco Properties", "", "", "contact@monaco-properties.mc", "93 15 20 00",
				"98000", "Monaco", "", "", "Jean", "Rossi", "+377 6 12 34 56 78", "");
		assertThat(row.messages()).isEmpty();
		assertThat(row.agency().postcode()).isEqualTo("98000");
		assertThat(row.agency().department()).isNull();
		assertThat(row.agency().phones()).containsExactly("+37793152000");
		assertThat(row.contact().phones()).containsExactly("+377612345678");
		// the town alone says Monaco too; a French number stays French
		NormalisedRow byTown = normalise("Agence du Rocher", "", "", "", "93 25 00 00 / 04 93 00 00 00", "",
				"MONTE-CARLO", "", "", "", "", "", "");
		assertThat(byTown.messages()).isEmpty();
		assertThat(byTown.agency().phones()).containsExactly("+37793250000", "+33493000000");
		// elsewhere, eight digits are still a bad French number
		assertThat(normalise("Agence de Nice", "", "", "", "93 15 20 00", "06000", "Nice", "", "", "", "", "", "")
			.messages()).containsExactly("phone:invalid");
		assertThat(normalise("Agence de Nice", "", "", "", "+377 93 15 20 00", "06000", "Nice", "", "", "", "", "", "")
			.agency()
			.phones()).containsExactly("+37793152000");
	}

	@Test
	void aCellLongerThanItsFieldHoldsIsLeftOutWithTheRestOfTheRowKept() {
		String page = "Agence de la Gare, spécialiste du centre-ville depuis 1987 ".repeat(4);
		NormalisedRow row = normalise(page, "", "", "contact@gare.fr", "", "75008", "Paris", "", "", "Jean",
				"D".repeat(101), "", "");
		assertThat(row.messages()).containsExactly("name:too_long", "contact_last_name:too_long");
		assertThat(row.agency().name()).isNull();
		assertThat(row.agency().emails()).containsExactly("contact@gare.fr");
		assertThat(row.contact().firstName()).isEqualTo("Jean");
		assertThat(row.contact().lastName()).isNull();
		// as long as a field holds is still a value
		assertThat(normalise("A".repeat(200), "", "", "", "", "", "", "", "", "", "", "", "").agency().name())
			.hasSize(200);
		// with nothing else to identify it, the row is rejected, saying why
		assertThat(normalise(page, "", "", "", "", "", "Paris", "", "", "", "", "", "").messages())
			.containsExactly("name:too_long", "row:no_identity");
	}

	@Test
	void aSecondColumnOfNamesIsTheTradeNameWhenTheFileHasNone() {
		RowNormaliser twoNames = new RowNormaliser(
				ColumnMapping.detect(List.of("Raison sociale", "Nom de l'agence", "E-mail"), Map.of()));
		NormalisedRow row = twoNames
			.normalise(new SourceRow(1, List.of("SARL Dupont et Fils", "Agence du Port", "a@port.fr"), "", null));
		assertThat(row.agency().name()).isEqualTo("SARL Dupont et Fils");
		assertThat(row.agency().tradeName()).isEqualTo("Agence du Port");
		NormalisedRow same = twoNames
			.normalise(new SourceRow(2, List.of("Agence du Port", "AGENCE DU PORT", "a@port.fr"), "", null));
		assertThat(same.agency().tradeName()).isNull();
		NormalisedRow onlySecond = twoNames.normalise(new SourceRow(3, List.of("", "Agence du Port", ""), "", null));
		assertThat(onlySecond.agency().name()).isEqualTo("Agence du Port");
		assertThat(onlySecond.agency().tradeName()).isNull();
		RowNormaliser withTrade = new RowNormaliser(
				ColumnMapping.detect(List.of("Raison sociale", "Nom de l'agence", "Enseigne"), Map.of()));
		assertThat(
				withTrade.normalise(new SourceRow(4, List.of("SARL Dupont", "Agence du Port", "Orpi Port"), "", null))
					.agency()
					.tradeName())
			.isEqualTo("Orpi Port");
	}

	/**
	 * A column of INSEE's bands stores the range a code stands for; a column of counts
	 * keeps its numbers: "12" is 20 to 49 people in one and 12 in the other (ADR 0042).
	 */
	@Test
	void aColumnOfInseeBandsStoresTheRangeOfEachCode() {
		for (String header : List.of("Tranche d'effectif salarié", "trancheEffectifsUniteLegale",
				"trancheEffectifsEtablissement", "Headcount band", "Effectif (tranche)")) {
			ColumnMapping mapping = ColumnMapping.detect(List.of("Raison sociale", header), Map.of());
			assertThat(mapping.fields()).as(header).containsExactly(ImportField.NAME, ImportField.HEADCOUNT_BAND);
			RowNormaliser bands = new RowNormaliser(mapping);
			assertThat(bands.normalise(new SourceRow(1, List.of("Agence du Port", "12"), "", null))
				.agency()
				.headcountBand()).as(header).isEqualTo("20-49");
			assertThat(bands.normalise(new SourceRow(2, List.of("Agence du Port", "NN"), "", null))
				.agency()
				.headcountBand()).isEqualTo("0");
			assertThat(bands.normalise(new SourceRow(3, List.of("Agence du Port", "10 à 19 salariés"), "", null))
				.agency()
				.headcountBand()).isEqualTo("10 à 19 salariés");
		}
		RowNormaliser counts = new RowNormaliser(ColumnMapping.detect(List.of("Raison sociale", "Effectif"), Map.of()));
		assertThat(
				counts.normalise(new SourceRow(1, List.of("Agence du Port", "12"), "", null)).agency().headcountBand())
			.isEqualTo("12");
	}

	/**
	 * A column whose header names no band ("Effectif", "Taille") holds INSEE's codes when
	 * the user says so in the wizard or the mapping; a column of counts mapped by an
	 * older preset under a header that names bands still reads them as codes.
	 */
	@Test
	void aColumnMappedByHandToBandsReadsCodes() {
		RowNormaliser byHand = new RowNormaliser(
				ColumnMapping.detect(List.of("Raison sociale", "Effectif"), Map.of("Effectif", "headcount_band")));
		assertThat(
				byHand.normalise(new SourceRow(1, List.of("Agence du Port", "12"), "", null)).agency().headcountBand())
			.isEqualTo("20-49");
		assertThat(
				byHand.normalise(new SourceRow(2, List.of("Agence du Port", "PME"), "", null)).agency().headcountBand())
			.as("a text that is no code is kept as written")
			.isEqualTo("PME");
		RowNormaliser older = new RowNormaliser(ColumnMapping.detect(List.of("Raison sociale", "Tranche d'effectif"),
				Map.of("Tranche d'effectif", "headcount")));
		assertThat(
				older.normalise(new SourceRow(1, List.of("Agence du Port", "12"), "", null)).agency().headcountBand())
			.isEqualTo("20-49");
		RowNormaliser both = new RowNormaliser(
				ColumnMapping.detect(List.of("Raison sociale", "Effectif", "Tranche d'effectif"), Map.of()));
		assertThat(both.normalise(new SourceRow(1, List.of("Agence du Port", "14", "11"), "", null))
			.agency()
			.headcountBand()).as("the count, more exact than the band").isEqualTo("14");
		assertThat(both.normalise(new SourceRow(2, List.of("Agence du Port", "", "11"), "", null))
			.agency()
			.headcountBand()).isEqualTo("10-19");
	}

	@Test
	void keepsEveryAddressOfACellThatHoldsSeveralAndOfASecondColumn() {
		RowNormaliser numbered = new RowNormaliser(
				ColumnMapping.detect(List.of("Nom", "E-mail", "E-mail 2", "Téléphone2"), Map.of()));
		NormalisedRow row = numbered.normalise(new SourceRow(1,
				List.of("Agence Double", "a@double.fr, B@Double.fr", "c@double.fr", "02 98 00 00 01"), "", null));
		assertThat(row.messages()).isEmpty();
		assertThat(row.agency().emails()).containsExactly("a@double.fr", "b@double.fr", "c@double.fr");
		assertThat(row.agency().phones()).containsExactly("+33298000001");
		NormalisedRow bad = numbered
			.normalise(new SourceRow(2, List.of("Agence Double", "a@double.fr; contact@", "", ""), "", null));
		assertThat(bad.messages()).containsExactly("email:invalid");
		assertThat(bad.agency().emails()).containsExactly("a@double.fr");
	}

	@Test
	void keepsEveryNumberOfACellThatHoldsSeveralHoweverTheyAreSeparated() {
		RowNormaliser numbered = new RowNormaliser(ColumnMapping.detect(List.of("Nom", "Téléphone"), Map.of()));
		for (String cell : new String[] { "04 10 13 41 35\n+33 7 69 94 36 10", "04.10.13.41.35 - 0769943610",
				"0410134135, 07 69 94 36 10", "04 10 13 41 35 – +33 (0)7 69 94 36 10" }) {
			NormalisedRow row = numbered.normalise(new SourceRow(1, List.of("Agence Double", cell), "", null));
			assertThat(row.messages()).as(cell).isEmpty();
			assertThat(row.agency().phones()).as(cell).containsExactly("+33410134135", "+33769943610");
		}
		// one number and something else is still a bad number
		assertThat(numbered.normalise(new SourceRow(2, List.of("Agence Double", "04 10 13 41 35 - 06 12"), "", null))
			.messages()).containsExactly("phone:invalid");
	}

	@Test
	void aCityWideCodeIsTheTownOnly() {
		RowNormaliser placed = new RowNormaliser(
				ColumnMapping.detect(List.of("Nom", "Code postal", "Ville"), Map.of()));
		AgencyValues paris = placed.normalise(new SourceRow(1, List.of("Agence X", "75000", ""), "", null)).agency();
		assertThat(paris.postcode()).isNull();
		assertThat(paris.city()).isEqualTo("Paris");
		assertThat(paris.department()).isEqualTo("75");
		AgencyValues lyon = placed.normalise(new SourceRow(2, List.of("Agence X", "69000", "LYON"), "", null)).agency();
		assertThat(lyon.postcode()).isNull();
		assertThat(lyon.city()).isEqualTo("LYON");
		assertThat(placed.normalise(new SourceRow(3, List.of("Agence X", "31000", "Toulouse"), "", null))
			.agency()
			.postcode()).isEqualTo("31000");
	}

	@Test
	void leavesOutAFaxNumberAndAnExtension() {
		RowNormaliser numbered = new RowNormaliser(ColumnMapping.detect(List.of("Nom", "Téléphone"), Map.of()));
		for (String cell : new String[] { "04 10 13 41 35 / 04 10 13 41 36 (fax)",
				"04 10 13 41 35 ; Fax 04 10 13 41 36", "04 10 13 41 35 poste 12", "04.10.13.41.35 (poste 186)" }) {
			NormalisedRow row = numbered.normalise(new SourceRow(1, List.of("Agence Double", cell), "", null));
			assertThat(row.messages()).as(cell).isEmpty();
			assertThat(row.agency().phones()).as(cell).containsExactly("+33410134135");
		}
	}

	@Test
	void readsAnAddressAfterItsLabelTheFirstOfSeveralSitesAndACountInWords() {
		RowNormaliser normaliser = new RowNormaliser(
				ColumnMapping.detect(List.of("Nom", "E-mail", "Site web", "Nb annonces"), Map.of()));
		NormalisedRow row = normaliser.normalise(new SourceRow(1,
				List.of("Agence Un", "Contact : contact@un.fr", "www.un.fr / www.un-immo.fr", "12 annonces"), "",
				null));
		assertThat(row.messages()).isEmpty();
		assertThat(row.agency().emails()).containsExactly("contact@un.fr");
		assertThat(row.agency().websiteDomain()).isEqualTo("un.fr");
		assertThat(row.agency().listingCount()).isEqualTo(12);
		for (String count : new String[] { "env. 40", "≈ 40", "~40", "40+", "environ 40 biens", "40 annonces" }) {
			assertThat(normaliser.normalise(new SourceRow(1, List.of("Agence Un", "", "", count), "", null))
				.agency()
				.listingCount()).as(count).isEqualTo(40);
		}
		// what is no such thing is still refused, with its reason
		NormalisedRow bad = normaliser.normalise(new SourceRow(1,
				List.of("Agence Un", "Contact : pas une adresse", "pas un site", "quarante annonces"), "", null));
		assertThat(bad.messages()).containsExactlyInAnyOrder("email:invalid", "website:invalid",
				"listing_count:invalid_number");
		assertThat(normaliser.normalise(new SourceRow(1, List.of("Agence Un", "", "", "1,5 annonce"), "", null))
			.messages()).containsExactly("listing_count:invalid_number");
	}

	@Test
	void readsAPhoneAmongWordsAPostcodeInTheTownColumnAndAfterItsCountry() {
		RowNormaliser normaliser = new RowNormaliser(
				ColumnMapping.detect(List.of("Nom", "Téléphone", "Code postal", "Ville"), Map.of()));
		NormalisedRow row = normaliser.normalise(
				new SourceRow(1, List.of("Agence A", "+33 6 12 34 56 03 (portable)", "", "75008 PARIS"), "", null));
		assertThat(row.messages()).isEmpty();
		assertThat(row.agency().phones()).containsExactly("+33612345603");
		assertThat(row.agency().postcode()).isEqualTo("75008");
		assertThat(row.agency().city()).isEqualTo("PARIS");
		assertThat(row.agency().department()).isEqualTo("75");
		NormalisedRow abroad = normaliser
			.normalise(new SourceRow(1, List.of("Agence B", "01 23 45 67 02", "F-69003", "Lyon"), "", null));
		assertThat(abroad.messages()).isEmpty();
		assertThat(abroad.agency().postcode()).isEqualTo("69003");
		assertThat(Postcodes.normalise("FR 69003").value()).isEqualTo("69003");
		NormalisedRow abroadInTown = normaliser
			.normalise(new SourceRow(1, List.of("Agence B", "01 23 45 67 02", "", "F-69003 Lyon"), "", null));
		assertThat(abroadInTown.agency().postcode()).isEqualTo("69003");
		assertThat(abroadInTown.agency().city()).isEqualTo("Lyon");
		// a town's name that starts with an F is no country
		assertThat(
				normaliser.normalise(new SourceRow(1, List.of("Agence B", "", "", "Fréjus"), "", null)).agency().city())
			.isEqualTo("Fréjus");
		// a town's other postcode is left to the postcode column, and extra digits make
		// no phone
		NormalisedRow other = normaliser
			.normalise(new SourceRow(1, List.of("Agence C", "06 12 34 56 78 90", "69003", "69001 Lyon"), "", null));
		assertThat(other.messages()).containsExactly("phone:invalid");
		assertThat(other.agency().postcode()).isEqualTo("69003");
	}

	@Test
	void keepsTheNumberBesideAFaxInOneCell() {
		RowNormaliser numbered = new RowNormaliser(ColumnMapping.detect(List.of("Nom", "Téléphone"), Map.of()));
		for (String cell : new String[] { "Fax : 04 75 15 08 07 - Tél : 04 10 13 41 35",
				"Tél. 04 10 13 41 35 - Fax. 04 75 15 08 07", "04 75 15 08 07 (fax) 04 10 13 41 35",
				"Télécopie : 04 75 15 08 07, standard : 04.10.13.41.35", "fax 0475150807 tel 0410134135" }) {
			NormalisedRow row = numbered.normalise(new SourceRow(1, List.of("Agence Fax", cell), "", null));
			assertThat(row.messages()).as(cell).isEmpty();
			assertThat(row.agency().phones()).as(cell).containsExactly("+33410134135");
		}
		// a fax alone is still no phone
		NormalisedRow fax = numbered
			.normalise(new SourceRow(1, List.of("Agence Fax", "Fax : 04 75 15 08 07"), "", null));
		assertThat(fax.agency().phones()).isEmpty();
	}

	@Test
	void readsAPlaceholderAsAnEmptyCell() {
		RowNormaliser normaliser = new RowNormaliser(
				ColumnMapping.detect(List.of("Nom", "Téléphone", "E-mail", "Code postal", "Nb annonces"), Map.of()));
		for (String placeholder : new String[] { "N/A", "#N/A", "-", "?", "NC", "n.c.", "À compléter", "Non renseigné",
				"null", "---" }) {
			NormalisedRow row = normaliser
				.normalise(new SourceRow(1, List.of(placeholder, placeholder, placeholder, "75008", ""), "", null));
			assertThat(row.messages()).as(placeholder).containsExactly("row:no_identity");
		}
		// a value is a value, even short: none listed is "0"
		NormalisedRow agency = normaliser
			.normalise(new SourceRow(2, List.of("NC Immobilier", "-", "", "75008", "0"), "", null));
		assertThat(agency.messages()).isEmpty();
		assertThat(agency.agency().name()).isEqualTo("NC Immobilier");
		assertThat(agency.agency().listingCount()).isZero();
	}

	@Test
	void warnsOfCellsBeyondTheHeaderAndOfAFractionOfListings() {
		RowNormaliser counted = new RowNormaliser(
				ColumnMapping.detect(List.of("Raison sociale", "Nb annonces", "Chiffre d'affaires"), Map.of()));
		// "1,5 M€" unquoted in a comma file: the row has a cell too many
		NormalisedRow shifted = counted.normalise(
				new SourceRow(1, List.of("Agence Décalée", "12", "1", "5 M€"), "Agence Décalée,12,1,5 M€", null));
		assertThat(shifted.messages()).containsExactly("row:extra_cells");
		assertThat(shifted.agency().listingCount()).isEqualTo(12);
		// empty cells after the last column are no warning
		assertThat(counted.normalise(new SourceRow(2, List.of("Agence Vide", "12", "", "", " "), "", null)).messages())
			.isEmpty();
		NormalisedRow half = counted.normalise(new SourceRow(3, List.of("Agence Moitié", "1,5", "12.0"), "", null));
		assertThat(half.messages()).containsExactly("listing_count:invalid_number");
		assertThat(counted.normalise(new SourceRow(4, List.of("Agence Ronde", "12.0", ""), "", null))
			.agency()
			.listingCount()).isEqualTo(12);
	}

	@Test
	void dropsABadFieldWithAWarningAndKeepsTheRow() {
		NormalisedRow row = normalise("Agence B", "54205118000067", "", "pas-un-email", "12", "", "", "", "", "", "",
				"", "");
		assertThat(row.rejected()).isFalse();
		assertThat(row.messages()).containsExactly("siret:invalid_checksum", "email:invalid", "phone:invalid");
		assertThat(row.agency().siret()).isNull();
		assertThat(row.agency().emails()).isEmpty();
	}

	@Test
	void readsARevenueWithItsCurrencyBeforeOrAfter() {
		for (String written : List.of("€250k", "250 k€", "250K €", "EUR 250 000", "€ 0,25M", "0.25M€")) {
			NormalisedRow row = normalise("Agence B", "", "", "", "", "", "", "", written, "", "", "", "");
			assertThat(row.messages()).as(written).isEmpty();
			assertThat(row.agency().revenueCents()).as(written).isEqualTo(25_000_000L);
		}
		assertThat(normalise("Agence B", "", "", "", "", "", "", "", "-€5k", "", "", "", "").messages())
			.containsExactly("revenue:invalid_number");
	}

	@Test
	void aNegativeRevenueIsDroppedWithAWarning() {
		NormalisedRow row = normalise("Agence B", "", "", "", "", "", "", "", "-5 k€", "", "", "", "");
		assertThat(row.messages()).containsExactly("revenue:invalid_number");
		assertThat(row.agency().revenueCents()).isNull();
	}

	@Test
	void rejectsARowWithNothingToIdentifyAnAgency() {
		NormalisedRow row = normalise("", "", "", "", "", "75008", "Paris", "", "", "", "", "", "");
		assertThat(row.rejected()).isTrue();
		assertThat(row.messages()).containsExactly("row:no_identity");
	}

	@Test
	void aRowWithOnlyAnEmailIsKept() {
		NormalisedRow row = normalise("", "", "", "x@y.fr", "", "", "", "", "", "", "", "", "");
		assertThat(row.rejected()).isFalse();
		assertThat(row.agency().displayName()).isEqualTo("x@y.fr");
	}

	@Test
	void aSirenInTheSiretColumnIsTakenAsSiren() {
		NormalisedRow row = normalise("A", "542051180", "", "", "", "", "", "", "", "", "", "", "");
		assertThat(row.agency().siren()).isEqualTo("542051180");
		assertThat(row.messages()).containsExactly("siret:siren_only");
	}

	@Test
	void flagsASirenThatContradictsTheSiret() {
		NormalisedRow row = normalise("A", "54205118000066", "732829320", "", "", "", "", "", "", "", "", "", "");
		assertThat(row.agency().siren()).isEqualTo("542051180");
		assertThat(row.messages()).containsExactly("siren:mismatch");
	}

	@Test
	void readsACellAnExportDefusedWithoutItsApostrophe() {
		// Atlas's export, and others, keep "=", "+", "-" and "@" from running as a
		// formula with an apostrophe, which is no part of the value
		NormalisedRow row = normalise("'@gence Immo", "", "", "", "'+32 2 234 56 78", "", "", "", "", "", "", "", "");
		assertThat(row.agency().name()).isEqualTo("@gence Immo");
		assertThat(row.agency().phones()).containsExactly("+3222345678");
		assertThat(normalise("'=HYPERLINK(\"http://evil\")", "", "", "", "", "", "", "", "", "", "", "", "").agency()
			.name()).isEqualTo("=HYPERLINK(\"http://evil\")");
		// an apostrophe before anything else is the name's own
		assertThat(normalise("'t Hooft Immo", "", "", "", "", "", "", "", "", "", "", "", "").agency().name())
			.isEqualTo("'t Hooft Immo");
	}

	/**
	 * A CRM's row per contact gives the contact's own address in its one "Email" column:
	 * at a network's domain it is the person's (it tells which person, not which of the
	 * network's agencies), an agency's box or an address at the agency's own domain stays
	 * the agency's (ADR 0100).
	 */
	@Test
	void givesAPersonsAddressAtANetworksDomainToThePerson() {
		NormalisedRow row = normalise("Century 21 Les Quais", "", "", "HUGO.LEGRAND@CENTURY21.FR", "", "38000",
				"Grenoble", "", "", "Hugo", "Legrand", "", "");
		assertThat(row.agency().emails()).isEmpty();
		assertThat(row.contact().emails()).containsExactly("hugo.legrand@century21.fr");
		assertThat(normalise("Orpi Dubois Immobilier", "", "", "m.dubois2@orpi.com", "", "", "", "", "", "Marc",
				"Dubois", "", "")
			.contact()
			.emails()).containsExactly("m.dubois2@orpi.com");
		// the agency's box at the network's domain, another person's address, the
		// agency's own domain: the agency's
		assertThat(normalise("Century 21 Les Quais", "", "", "contact.les-quais-grenoble@century21.fr", "", "", "", "",
				"", "Hugo", "Legrand", "", "")
			.agency()
			.emails()).containsExactly("contact.les-quais-grenoble@century21.fr");
		assertThat(normalise("Century 21 Les Quais", "", "", "lea.martin@century21.fr", "", "", "", "", "", "Hugo",
				"Legrand", "", "")
			.agency()
			.emails()).containsExactly("lea.martin@century21.fr");
		assertThat(normalise("Agence Legrand", "", "", "hugo.legrand@agence-legrand.fr", "", "", "", "", "", "Hugo",
				"Legrand", "", "")
			.agency()
			.emails()).containsExactly("hugo.legrand@agence-legrand.fr");
		// a row that names no agency keeps it, as it is all that says which agency
		NormalisedRow nameless = normalise("", "", "", "hugo.legrand@century21.fr", "", "", "", "", "", "Hugo",
				"Legrand", "", "");
		assertThat(nameless.rejected()).isFalse();
		assertThat(nameless.agency().emails()).containsExactly("hugo.legrand@century21.fr");
	}

	private NormalisedRow normalise(String... cells) {
		return this.normaliser.normalise(new SourceRow(1, List.of(cells), String.join(";", cells), null));
	}

	@Test
	void splitsSeveralNumbersOnlyWhereThePatternWould() {
		MessyText messy = new MessyText(7);
		String[] pieces = { "01", "23", " ", "  ", "/", ";", "|", "ou", "or", "OU", " ou ", " or ", "\t", "\u00A0",
				"\u2028", "tel", ".", "-", "+33", "xou", "ouy" };
		java.util.regex.Pattern several = java.util.regex.Pattern.compile("\\s*[/;|]\\s*|\\s+(?:ou|or)\\s+");
		for (int i = 0; i < 50_000; i++) {
			String value = CleanText.of(messy.of(pieces, 8));
			if (value != null && !RowNormaliser.severalNumbers(value)) {
				assertThat(several.split(value)).as(value).containsExactly(value);
			}
		}
	}

}
