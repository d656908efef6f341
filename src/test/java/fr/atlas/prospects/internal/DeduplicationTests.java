package fr.atlas.prospects.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DeduplicationTests {

	RowNormaliser withAddress = new RowNormaliser(
			ColumnMapping.detect(List.of("Raison sociale", "SIRET", "Téléphone", "Adresse", "Code postal"), Map.of()));

	RowNormaliser portal = new RowNormaliser(ColumnMapping
		.detect(List.of("Agence", "Téléphone", "Site web", "Adresse", "Code postal", "Ville"), Map.of()));

	RowNormaliser normaliser = new RowNormaliser(ColumnMapping.detect(
			List.of("Raison sociale", "SIRET", "E-mail", "Téléphone", "Code postal", "Ville", "Site web"), Map.of()));

	@Test
	void sameSiretIsCertain() {
		Optional<Deduplication.Match> match = match(row("Agence Gare", "54205118000066", "", "", "75008", "", ""),
				row("Totally Other Name", "542 051 180 00066", "", "", "", "", ""));
		assertThat(match).hasValueSatisfying((m) -> {
			assertThat(m.confidence()).isEqualTo(1.0);
			assertThat(m.reasons()).containsExactly("siret");
		});
	}

	/**
	 * A SIRET is one establishment, but network files give the head office's to each of
	 * their agencies: two names that share no distinctive word, in two towns, under one
	 * SIRET are for a person to tell apart (ADR 0088), as a shared contact is (ADR 0082).
	 */
	@Test
	void oneSiretGivenToTwoNamesInTwoTownsIsForAPersonToTellApart() {
		assertThat(match(row("Agence du Lac", "542 051 180 00066", "", "", "74000", "Annecy", ""),
				row("Immobilière des Aravis", "54205118000066", "", "", "74220", "La Clusaz", "")))
			.hasValueSatisfying((m) -> {
				assertThat(m.automatic()).isFalse();
				assertThat(m.confidence()).isGreaterThanOrEqualTo(Deduplication.REVIEW);
				assertThat(m.reasons()).containsExactly("siret", "siret_shared");
			});
		// the agency under another spelling of its name, in another town: it moved
		assertThat(match(row("Agence du Lac", "54205118000066", "", "", "74000", "Annecy", ""),
				row("AGENCE DU LAC SARL", "54205118000066", "", "", "74220", "La Clusaz", "")))
			.hasValueSatisfying((m) -> assertThat(m.confidence()).isEqualTo(1.0));
		// two names in one town, or a row that says no place: one establishment
		assertThat(match(row("Agence du Lac", "54205118000066", "", "", "74000", "Annecy", ""),
				row("Immobilière des Aravis", "54205118000066", "", "", "74000", "Annecy", "")))
			.hasValueSatisfying((m) -> assertThat(m.reasons()).containsExactly("siret"));
		assertThat(match(row("Agence du Lac", "54205118000066", "", "", "74000", "Annecy", ""),
				row("Immobilière des Aravis", "54205118000066", "", "", "", "", "")))
			.hasValueSatisfying((m) -> assertThat(m.automatic()).isTrue());
	}

	/**
	 * A portal lists a network's agency twice, once with its town after its name: one
	 * agency, whose phone, page and door agree (ADR 0094).
	 */
	@Test
	void aNetworksAgencyWithItsTownAfterItsNameIsThatAgency() {
		AgencyValues listed = onPortal("Orpi Dubois Immobilier - Lyon 2ème", "+33 (0)4 95 70 83 39",
				"https://www.orpi.com/agence/dubois-immobilier-lyon", "130 boulevard de la Liberté", "69002",
				"Lyon 2ème");
		assertThat(match(listed, onPortal("Orpi Dubois Immobilier (Lyon)", "04.95.70.83.39",
				"https://www.orpi.com/agence/dubois-immobilier-lyon", "130 boulevard de la Liberté", "", "Lyon")))
			.hasValueSatisfying((m) -> {
				assertThat(m.automatic()).isTrue();
				assertThat(m.reasons()).doesNotContain("names_differ");
			});
		// the same name at the same door, one phone the network's national number
		assertThat(match(
				onPortal("Foncia Grenoble Part-Dieu (Grenoble)", "04 44 54 69 98", "", "77 boulevard des Tanneurs",
						"38000", "Grenoble"),
				onPortal("Foncia Grenoble Part-Dieu", "09 69 36 36 00", "", "77 boulevard des Tanneurs", "38000",
						"Grenoble")))
			.hasValueSatisfying((m) -> assertThat(m.automatic()).isTrue());
		// another agency of the network in that town is still another agency
		assertThat(match(listed, onPortal("Orpi Bellecour - Lyon 2ème", "04 78 00 00 01", "", "4 place Bellecour",
				"69002", "Lyon 2ème")))
			.isEmpty();
	}

	/**
	 * A portal gives a network's agencies its national number: two of them in one town,
	 * named after the town and a district, at two doors, are two agencies for a person to
	 * look at, however alike the town makes their names (ADR 0094).
	 */
	@Test
	void aNetworksAgenciesOfOneTownNamedAfterItShareItsNationalNumberAndStayTwo() {
		AgencyValues cathedrale = onPortal("Foncia Montpellier Cathédrale", "09.69.36.36.00",
				"https://www.foncia.com/agence/montpellier-cathedrale", "158 rue Anatole France", "34000",
				"Montpellier");
		for (String saxe : List.of("Foncia Montpellier Saxe", "Foncia Montpellier Saxe - Montpellier")) {
			assertThat(
					match(cathedrale,
							onPortal(saxe, "0969363600", "https://www.foncia.com/agence/montpellier-saxe",
									"165 avenue Émile Zola", "34000", "Montpellier")))
				.as(saxe)
				.hasValueSatisfying((m) -> {
					assertThat(m.automatic()).isFalse();
					assertThat(m.reasons()).contains("network_contact");
				});
		}
		assertThat(match(
				onPortal("Foncia Boulogne-Billancourt Bellecour - Boulogne", "+33 (0)9 69 36 36 00", "",
						"134 boulevard Sadi Carnot", "", "Boulogne"),
				onPortal("Foncia Boulogne-Billancourt Gare", "09.69.36.36.00", "", "43 allée des Tanneurs", "92100",
						"Boulogne")))
			.hasValueSatisfying((m) -> assertThat(m.automatic()).isFalse());
		assertThat(Deduplication.beyondTown("saint etienne centre", "st etienne")).isEqualTo("centre");
		assertThat(Deduplication.beyondTown("gare", "montpellier")).isEqualTo("gare");
	}

	/**
	 * "Boulogne" for "Boulogne-Billancourt" under 92100: one town said for short, not two
	 * towns that share a postcode, which would keep a network's agency apart from itself
	 * (ADR 0095).
	 */
	@Test
	void aTownSaidForShortUnderItsPostcodeIsThatTown() {
		AgencyValues full = onPortal("Guy Hoquet Boulogne-Billancourt Vieux Port", "0122141074", "",
				"71 quai de la Gare", "92100", "Boulogne-Billancourt");
		assertThat(match(full, onPortal("Guy Hoquet Boulogne-Billancourt Vieux Port", "01 22 14 10 74", "",
				"71 quai de la Gare", "92100", "Boulogne")))
			.hasValueSatisfying((m) -> {
				assertThat(m.automatic()).isTrue();
				assertThat(m.reasons()).contains("same_postcode");
			});
		// without a postcode, "Boulogne" may be another town; the network's page of the
		// agency says which
		assertThat(match(onPortal("Laforêt Boulogne-Billancourt - Boulogne", "+33 1 65 03 78 78",
				"https://www.laforet.com/agence/boulogne-billancourt", "168 cours Gambetta", "92100", "Boulogne"),
				onPortal("Laforêt Boulogne-Billancourt", "08 00 22 33 44",
						"https://www.laforet.com/agence/boulogne-billancourt", "168 cours Gambetta", "",
						"Boulogne-Billancourt")))
			.hasValueSatisfying((m) -> assertThat(m.automatic()).isTrue());
		assertThat(match(
				onPortal("Laforêt Cap Ouest", "", "https://www.laforet.com/agence/cap-ouest", "", "29200", "Brest"),
				onPortal("Laforêt Rive Gauche", "", "https://www.laforet.com/agence/cap-ouest", "", "29000",
						"Quimper")))
			.isEmpty();
		assertThat(Deduplication.shortFor("boulogne", "boulogne billancourt")).isTrue();
		assertThat(Deduplication.shortFor("aix en provence", "aix")).isTrue();
		// two towns that share 06230: a network's agencies there stay apart
		assertThat(Deduplication.shortFor("villefranche sur mer", "st jean cap ferrat")).isFalse();
		assertThat(Deduplication.shortFor("boulogne", "boulognes")).isFalse();
		assertThat(match(onPortal("Orpi Cap", "04 93 00 00 01", "", "", "06230", "Villefranche-sur-Mer"),
				onPortal("Orpi Cap", "04 93 00 00 02", "", "", "06230", "Saint-Jean-Cap-Ferrat")))
			.isEmpty();
	}

	/**
	 * A network's file gives its head office's SIRET to its agencies of one town, named
	 * after the town and told apart by the rest: two agencies for a person to look at
	 * (ADR 0094, after ADR 0088). The same agency under one SIRET in two postcodes stays
	 * merged.
	 */
	@Test
	void oneSiretGivenToANetworksAgenciesOfOneTownIsForAPersonToTellApart() {
		assertThat(match(row("Orpi Lyon 7", "443 061 841 00047", "", "", "69007", "Lyon 7e", ""),
				row("Orpi Lyon 3", "44306184100047", "", "", "69003", "Lyon 3e", "")))
			.hasValueSatisfying((m) -> {
				assertThat(m.automatic()).isFalse();
				assertThat(m.reasons()).containsExactly("siret", "siret_shared");
			});
		assertThat(match(row("Foncia Lyon Bellecour", "44306184100047", "", "", "69002", "Lyon", ""),
				row("Foncia Lyon Part-Dieu", "44306184100047", "", "", "69003", "Lyon", "")))
			.hasValueSatisfying((m) -> assertThat(m.automatic()).isFalse());
		assertThat(match(row("Orpi Lyon 7", "44306184100047", "", "", "69007", "Lyon 7e", ""),
				row("ORPI LYON 7 SARL", "44306184100047", "", "", "69003", "Lyon", "")))
			.hasValueSatisfying((m) -> assertThat(m.confidence()).isEqualTo(1.0));
	}

	@Test
	void differentSiretsAreDifferentEstablishments() {
		assertThat(match(row("Agence Gare", "54205118000066", "a@gare.fr", "", "75008", "", ""),
				row("Agence Gare", "44306184100047", "a@gare.fr", "", "75008", "", "")))
			.isEmpty();
	}

	@Test
	void sameEmailAndSimilarNameMergesAutomatically() {
		Optional<Deduplication.Match> match = match(
				row("Agence de la Gare", "", "contact@gare.fr", "", "75008", "", ""),
				row("AGENCE GARE SARL", "", "CONTACT@gare.fr", "", "75008", "", ""));
		assertThat(match).hasValueSatisfying((m) -> {
			assertThat(m.automatic()).isTrue();
			assertThat(m.reasons()).contains("email", "name:1.00", "same_postcode");
		});
	}

	@Test
	void aSharedPhoneOrEmailOfTwoNamesInTwoTownsIsForAPersonToTellApart() {
		// an owner's mobile or e-mail given for two of their agencies, named apart in two
		// towns 100 km apart: nothing else agrees, so a person decides
		assertThat(match(row("Agence Theta", "", "", "+33450112240 / +33 6 11 22 33 44", "74000", "Annecy", ""),
				row("Agence Savoyarde", "", "savoyarde@gmail.com", "06 11 22 33 44", "01500", "Ambérieu-en-Bugey", "")))
			.hasValueSatisfying((m) -> {
				assertThat(m.automatic()).isFalse();
				assertThat(m.confidence()).isGreaterThanOrEqualTo(Deduplication.REVIEW);
				assertThat(m.reasons()).contains("phone", "places_differ");
			});
		assertThat(match(row("Cabinet Alpha", "", "direction@groupe-alpin.fr", "", "74000", "Annecy", ""),
				row("Immobilière Bugey", "", "direction@groupe-alpin.fr", "", "01500", "Ambérieu-en-Bugey", "")))
			.hasValueSatisfying((m) -> assertThat(m.automatic()).isFalse());
		// the same agency that moved keeps its name: still merged
		assertThat(match(row("Agence Savoyarde", "", "", "06 11 22 33 44", "74000", "Annecy", ""),
				row("Agence Savoyarde", "", "", "06 11 22 33 44", "01500", "Ambérieu-en-Bugey", "")))
			.hasValueSatisfying((m) -> assertThat(m.automatic()).isTrue());
		// the phone and the e-mail together, one place unknown: still merged
		assertThat(match(row("Agence Theta", "", "theta@agence.fr", "06 11 22 33 44", "", "", ""),
				row("Agence Savoyarde", "", "theta@agence.fr", "06 11 22 33 44", "01500", "Ambérieu-en-Bugey", "")))
			.hasValueSatisfying((m) -> assertThat(m.automatic()).isTrue());
	}

	@Test
	void similarNameInTheSamePostcodeMerges() {
		Optional<Deduplication.Match> match = match(row("Agence de la Gare", "", "", "", "69003", "Lyon", ""),
				row("Agence de la Garre", "", "", "", "69003", "Lyon", ""));
		assertThat(match).hasValueSatisfying((m) -> assertThat(m.automatic()).isTrue());
	}

	@Test
	void oneTypoApartWithOtherPhonesIsOnlyAPossibleDuplicate() {
		Optional<Deduplication.Match> match = match(
				row("Office Immobilier Dupont", "", "", "01 23 45 67 89", "75004", "Paris", ""),
				row("Office Immobilier Dumont", "", "", "01 71 73 75 03", "75004", "Paris", ""));
		assertThat(match).hasValueSatisfying((m) -> {
			assertThat(m.automatic()).isFalse();
			assertThat(m.reasons()).contains("details_differ");
		});
	}

	@Test
	void aLongerNameIsNotATypo() {
		Optional<Deduplication.Match> match = match(row("Agence Martin", "", "", "", "69003", "Lyon", ""),
				row("Agence Martinez", "", "", "", "69003", "Lyon", ""));
		assertThat(match).hasValueSatisfying((m) -> assertThat(m.automatic()).isFalse());
	}

	@Test
	void ofEqualConfidencesTheCloserNameWins() {
		Candidate martine = Candidate.of(AgencyRecord.create(row("Agence Martine", "", "", "", "69003", "Lyon", "")));
		Candidate martin = Candidate.of(AgencyRecord.create(row("Agence Martin", "", "", "", "69003", "Lyon", "")));
		AgencyValues incoming = row("Agence Martin", "", "", "", "69003", "Lyon", "");
		assertThat(Deduplication.score(Deduplication.Probe.of(incoming), martine).confidence())
			.isEqualTo(Deduplication.score(Deduplication.Probe.of(incoming), martin).confidence());
		assertThat(Deduplication.best(incoming, List.of(martine, martin)))
			.hasValueSatisfying((m) -> assertThat(m.agency()).isSameAs(martin));
	}

	@Test
	void countsEditsUpToALimit() {
		assertThat(Deduplication.editDistance("agence gare", "agence gare", 2)).isZero();
		assertThat(Deduplication.editDistance("agence gare", "agnece gare", 2)).isEqualTo(1);
		assertThat(Deduplication.editDistance("agence gare", "agence gar", 2)).isEqualTo(1);
		assertThat(Deduplication.editDistance("agence martin", "agence martinez", 1)).isEqualTo(2);
	}

	@Test
	void numberedBranchesAreDifferentAgencies() {
		assertThat(match(row("Agence 1", "", "", "", "69003", "Lyon", ""),
				row("Agence 10", "", "", "", "69003", "Lyon", "")))
			.isEmpty();
	}

	@Test
	void oneCompanysAgenciesInTwoTownsAreForAPersonToTellApart() {
		// the same SIREN and name in Colmar and Mulhouse: two establishments
		assertThat(match(row("Agence Émeraude Immobilier", "352462337", "", "", "68100", "Mulhouse", ""),
				row("Agence Émeraude Immobilier", "35246233700226", "", "", "68000", "Colmar", "")))
			.hasValueSatisfying((m) -> {
				assertThat(m.automatic()).isFalse();
				assertThat(m.reasons()).contains("siren+name");
			});
		// nor does the company's website make them one
		assertThat(match(
				row("Guillot & Roche Immo.", "697800522", "saintegreve@guillot-et-roche.fr", "", "38120",
						"Saint-Égrève", ""),
				row("Guillot & Roche Immobilier", "69780052200115", "", "", "38000", "Grenoble",
						"guillot-et-roche.fr")))
			.hasValueSatisfying((m) -> assertThat(m.automatic()).isFalse());
		// in one town, or with no town on one side, it is the agency
		assertThat(match(row("Agence Émeraude Immobilier", "352462337", "", "", "68000", "Colmar", ""),
				row("Agence Émeraude", "35246233700226", "", "", "68000", "Colmar", "")))
			.hasValueSatisfying((m) -> assertThat(m.automatic()).isTrue());
		assertThat(match(row("Agence Émeraude Immobilier", "352462337", "", "", "", "", ""),
				row("Agence Émeraude Immobilier", "35246233700226", "", "", "68000", "Colmar", "")))
			.hasValueSatisfying((m) -> assertThat(m.automatic()).isTrue());
	}

	@Test
	void anEMailAtTheOtherSidesWebsiteLinksThem() {
		assertThat(
				match(row("Le Toit Immobilier", "", "transaction@toit-immobilier.fr", "", "67300", "Schiltigheim", ""),
						row("Le Toit Immo", "", "", "", "67300", "", "https://www.toit-immobilier.fr/")))
			.hasValueSatisfying((m) -> {
				assertThat(m.reasons()).contains("email_website");
				assertThat(m.automatic()).isTrue();
			});
		// a mail service's or a network's domain names no agency
		assertThat(match(row("Le Toit", "", "le.toit@orange.fr", "", "", "", ""),
				row("Le Toit", "", "", "", "", "", "orange.fr")))
			.satisfiesAnyOf((m) -> assertThat(m).isEmpty(),
					(m) -> assertThat(m.get().reasons()).doesNotContain("email_website"));
	}

	RowNormaliser withTradeName = new RowNormaliser(ColumnMapping.detect(
			List.of("Raison sociale", "Enseigne", "E-mail", "Téléphone", "Code postal", "Ville", "Site web"),
			Map.of()));

	private AgencyValues named(String... cells) {
		return this.withTradeName.normalise(new SourceRow(1, List.of(cells), "", null)).agency();
	}

	/**
	 * A CRM knows the company's name, a list the agency's trade name: their shared site
	 * spells the trade name, so they are one agency (ADR 0044).
	 */
	@Test
	void aSharedSiteThatSpellsOneSidesNameJoinsItsCompanysName() {
		AgencyValues byTradeName = named("", "Guérin-Giraud Immobilier", "", "", "41000", "Blois",
				"http://guerin-giraud-immobilier-blois.fr");
		assertThat(match(byTradeName, named("NICOLAS MARTIN CONSEIL SARL", "", "", "02 52 71 89 75", "41000", "Blois",
				"https://www.guerin-giraud-immobilier-blois.fr/")))
			.hasValueSatisfying((m) -> {
				assertThat(m.automatic()).isTrue();
				assertThat(m.reasons()).contains("website", "site_name").doesNotContain("names_differ");
			});
		// the company's e-mail at the agency's site
		assertThat(match(byTradeName,
				named("NICOLAS MARTIN CONSEIL SARL", "", "contact@guerin-giraud-immobilier-blois.fr", "", "41000",
						"Blois", "")))
			.hasValueSatisfying((m) -> assertThat(m.reasons()).contains("email_website", "site_name"));
		// either way round
		assertThat(match(
				named("NICOLAS MARTIN CONSEIL SARL", "", "", "", "41000", "Blois", "guerin-giraud-immobilier-blois.fr"),
				byTradeName))
			.hasValueSatisfying((m) -> assertThat(m.automatic()).isTrue());
	}

	@Test
	void aSharedSiteThatSpellsNoNameOrIsElsewhereLeavesTwoNamesToAPerson() {
		// a group's site, two agencies' names
		assertThat(match(named("", "Les Toits de Blois", "", "", "41000", "Blois", "groupe-horizon-immo.fr"),
				named("Agence Saint-Louis", "", "", "", "41000", "Blois", "groupe-horizon-immo.fr")))
			.hasValueSatisfying((m) -> {
				assertThat(m.automatic()).isFalse();
				assertThat(m.reasons()).doesNotContain("site_name");
			});
		// one company's site, its agencies in two towns
		assertThat(match(named("", "Guérin-Giraud Immobilier", "", "", "41000", "Blois", "guerin-giraud-immobilier.fr"),
				named("NICOLAS MARTIN CONSEIL SARL", "", "", "", "37000", "Tours", "guerin-giraud-immobilier.fr")))
			.satisfiesAnyOf((m) -> assertThat(m).isEmpty(), (m) -> assertThat(m.get().automatic()).isFalse());
		// their phones disagree
		assertThat(match(
				named("", "Guérin-Giraud Immobilier", "", "02 54 00 00 01", "41000", "Blois",
						"guerin-giraud-immobilier.fr"),
				named("NICOLAS MARTIN CONSEIL SARL", "", "", "02 54 99 99 99", "41000", "Blois",
						"guerin-giraud-immobilier.fr")))
			.hasValueSatisfying((m) -> assertThat(m.reasons()).doesNotContain("site_name"));
	}

	RowNormaliser withStreet = new RowNormaliser(ColumnMapping.detect(
			List.of("Raison sociale", "Enseigne", "E-mail", "Téléphone", "Adresse", "Code postal", "Ville"), Map.of()));

	private AgencyValues atStreet(String... cells) {
		return this.withStreet.normalise(new SourceRow(1, List.of(cells), "", null)).agency();
	}

	/**
	 * A row that says only a name and a town, the same as an agency known by that alone:
	 * the record again (ADR 0048).
	 */
	@Test
	void theSameNameAndTownWithNothingElseOnEitherSideIsTheRecordAgain() {
		assertThat(match(atStreet("", "Agence Cinq", "", "", "", "", "Toulouse"),
				atStreet("", "AGENCE CINQ", "", "", "", "", "toulouse")))
			.hasValueSatisfying((m) -> {
				assertThat(m.automatic()).isTrue();
				assertThat(m.reasons()).contains("same_record", "same_city");
			});
		// anything more on either side, and the name alone in a town is for a person
		assertThat(match(atStreet("", "Agence Cinq", "", "05 61 00 00 01", "", "", "Toulouse"),
				atStreet("", "Agence Cinq", "", "", "", "", "Toulouse")))
			.hasValueSatisfying((m) -> assertThat(m.automatic()).isFalse());
		assertThat(match(atStreet("", "Agence Cinq", "", "", "", "", "Toulouse"),
				atStreet("", "Agence Cinq", "cinq@agence-cinq.fr", "", "", "", "Toulouse")))
			.hasValueSatisfying((m) -> assertThat(m.automatic()).isFalse());
		// a network's agencies of one town, named by the brand and the town alone, and
		// names a letter apart, stay apart
		assertThat(match(atStreet("", "Orpi", "", "", "", "", "Toulouse"),
				atStreet("", "Orpi", "", "", "", "", "Toulouse")))
			.satisfiesAnyOf((m) -> assertThat(m).isEmpty(), (m) -> assertThat(m.get().automatic()).isFalse());
		assertThat(match(atStreet("", "Orpi Toulouse", "", "", "", "", "Toulouse"),
				atStreet("", "ORPI TOULOUSE", "", "", "", "", "Toulouse")))
			.satisfiesAnyOf((m) -> assertThat(m).isEmpty(), (m) -> assertThat(m.get().automatic()).isFalse());
		// a network's agency whose name says more is the record again (ADR 0113)
		assertThat(match(atStreet("", "Stéphane Plaza Immobilier Saint-Michel", "", "", "", "", "Tours"),
				atStreet("", "STEPHANE PLAZA IMMOBILIER SAINT MICHEL", "", "", "", "", "tours")))
			.hasValueSatisfying((m) -> assertThat(m.automatic()).isTrue());
		assertThat(match(atStreet("", "Orpi Saint-Michel", "", "", "", "", "Tours"),
				atStreet("", "Orpi Saint-Michel", "", "05 47 00 00 01", "", "", "Tours")))
			.satisfiesAnyOf((m) -> assertThat(m).isEmpty(), (m) -> assertThat(m.get().automatic()).isFalse());
		assertThat(match(atStreet("", "Agence Cinq", "", "", "", "", "Toulouse"),
				atStreet("", "Agence Cing", "", "", "", "", "Toulouse")))
			.satisfiesAnyOf((m) -> assertThat(m).isEmpty(), (m) -> assertThat(m.get().automatic()).isFalse());
	}

	/**
	 * Two names that say the same once "Agence", "Immobilier" and the like are set aside,
	 * at one street address of one postcode, are the agency's two names (ADR 0045).
	 */
	@Test
	void namesOfTheSameWordsAtOneDoorAreOneAgency() {
		assertThat(match(
				atStreet("", "Immobilier Hervé", "contact@herve-immobilier.fr", "", "138 rue Jules Ferry", "91000",
						"Évry-Courcouronnes"),
				atStreet("", "Agence Hervé", "", "01 59 09 63 40", "138 rue Jules Ferry", "91000",
						"Évry-Courcouronnes")))
			.hasValueSatisfying((m) -> {
				assertThat(m.automatic()).isTrue();
				assertThat(m.reasons()).contains("address").doesNotContain("names_differ");
			});
		// a company's name beside the trade name
		assertThat(match(
				atStreet("SNC TRB INVEST", "Le Toit Bleu Immobilier", "", "", "49 bis quai de Verdun", "94210",
						"Saint-Maur-des-Fossés"),
				atStreet("", "Le Toit Bleu", "", "", "49 BIS quai de Verdun", "94210", "Saint-Maur-des-Fossés")))
			.hasValueSatisfying((m) -> assertThat(m.automatic()).isTrue());
	}

	/**
	 * A register's company name and the agency's sign at one door of one postcode, the
	 * words of one among the other's but the town's, are one agency; a network's sign
	 * there is a pair to review (ADR 0101).
	 */
	@Test
	void aCompanysNameAndItsSignAtOneDoorAreOneAgency() {
		assertThat(match(atStreet("SA MORIN IMMO", "", "", "", "5 CHE DES ECOLES", "44000", "NANTES"),
				atStreet("", "Maison Morin", "", "02 38 77 96 78", "5 chemin des Écoles", "44000", "Nantes")))
			.hasValueSatisfying((m) -> {
				assertThat(m.automatic()).isTrue();
				assertThat(m.reasons()).contains("address").doesNotContain("names_differ");
			});
		// a network's sign: likely its franchisee's company, which a person confirms
		assertThat(match(atStreet("SA MOREAU DURAND TRANSACTIONS", "", "", "", "48 ALL GAMBETTA", "37000", "TOURS"),
				atStreet("", "Orpi Moreau Immobilier", "", "02 77 59 58 84", "48 allée Gambetta", "37000", "Tours")))
			.hasValueSatisfying((m) -> {
				assertThat(m.automatic()).isFalse();
				assertThat(m.confidence()).isEqualTo(0.8);
				assertThat(m.reasons()).contains("sign_at_door").doesNotContain("names_differ");
			});
	}

	/**
	 * A company's registered name and a sign that share no word, at one street address of
	 * one postcode: a franchisee's company and its agency, often; a person says (ADR
	 * 0109). Two companies, two signs, another door or a detail that disagrees: nothing.
	 */
	@Test
	void aCompanyAndASignWithNoWordInCommonAtOneDoorAreForAPerson() {
		AgencyValues company = atStreet("SA MOREAU DURAND TRANSACTIONS", "", "", "", "48 ALL GAMBETTA", "37000",
				"TOURS");
		assertThat(match(company,
				atStreet("", "Century 21 Jean Macé", "", "02 77 59 58 84", "48 allée Gambetta", "37000", "Tours")))
			.hasValueSatisfying((m) -> {
				assertThat(m.automatic()).isFalse();
				assertThat(m.confidence()).isEqualTo(0.55);
				assertThat(m.reasons()).contains("company_at_door").doesNotContain("names_differ");
			});
		assertThat(match(company, atStreet("Agence du Parc", "", "", "", "48 allée Gambetta", "37000", "Tours")))
			.hasValueSatisfying((m) -> assertThat(m.reasons()).contains("company_at_door"));
		// two companies, two signs
		assertThat(match(company, atStreet("SARL PETIT GESTION", "", "", "", "48 allée Gambetta", "37000", "Tours")))
			.isEmpty();
		assertThat(match(atStreet("Agence du Parc", "", "", "", "48 ALL GAMBETTA", "37000", "TOURS"),
				atStreet("", "Century 21 Jean Macé", "", "", "48 allée Gambetta", "37000", "Tours")))
			.isEmpty();
		// another door, the town without its postcode
		assertThat(match(company, atStreet("Agence du Parc", "", "", "", "50 allée Gambetta", "37000", "Tours")))
			.isEmpty();
		assertThat(match(company, atStreet("Agence du Parc", "", "", "", "48 allée Gambetta", "", "Tours"))).isEmpty();
		// two phones: two agencies that say so
		assertThat(match(
				atStreet("SA MOREAU DURAND TRANSACTIONS", "", "", "02 47 00 00 01", "48 ALL GAMBETTA", "37000",
						"TOURS"),
				atStreet("Agence du Parc", "", "", "02 47 00 00 02", "48 allée Gambetta", "37000", "Tours")))
			.isEmpty();
	}

	/**
	 * Names only alike, at two doors of one postcode: nothing says they are one agency,
	 * no pair to review; without a door on one side, a person may still look (ADR 0109).
	 */
	@Test
	void namesOnlyAlikeAtTwoDoorsAreNoPairToReview() {
		AgencyValues roux = atStreet("SARL LILLE ROUX IMMOBILIER", "", "", "", "132 R DE LA GARE", "59000", "LILLE");
		assertThat(
				match(roux, atStreet("EURL LILLE MORIN IMMOBILIER", "", "", "", "110 AV PAUL BERT", "59000", "LILLE")))
			.isEmpty();
		assertThat(match(roux, atStreet("EURL LILLE MORIN IMMOBILIER", "", "", "", "", "59000", "LILLE")))
			.hasValueSatisfying((m) -> {
				assertThat(m.automatic()).isFalse();
				assertThat(m.confidence()).isEqualTo(0.55);
			});
		// one door, two phones: a person looks
		assertThat(match(
				atStreet("SARL LILLE ROUX IMMOBILIER", "", "", "03 20 00 00 01", "132 R DE LA GARE", "59000", "LILLE"),
				atStreet("EURL LILLE MORIN IMMOBILIER", "", "", "03 20 00 00 02", "132 rue de la Gare", "59000",
						"LILLE")))
			.hasValueSatisfying((m) -> assertThat(m.automatic()).isFalse());
	}

	/**
	 * Names alike only by their town, or two companies named apart, whose details
	 * disagree: no pair to review (ADR 0109). A typo apart, a person still looks.
	 */
	@Test
	void namesAlikeOnlyByTheirTownOrTwoCompaniesWhoseDetailsDisagreeAreNoPair() {
		assertThat(match(row("Maubeuge Immobilier", "", "contact@maubeuge-immobilier.fr", "01 07 42 24 83", "59600",
				"Maubeuge", ""), row("ERA Immobilier Maubeuge", "", "", "03 27 00 00 01", "59600", "Maubeuge", "")))
			.isEmpty();
		assertThat(
				match(row("Laforêt Clichy-sous-Bois Verdun", "", "", "01 43 00 00 01", "93390", "Clichy-sous-Bois", ""),
						row("Laforêt Clichy-sous-Bois", "", "", "01 43 00 00 02", "93390", "Clichy-sous-Bois", "")))
			.isEmpty();
		// two SIRENs, two names
		assertThat(match(row("Agence Belle Pierre", "444143978", "", "", "13014", "Marseille", ""),
				row("Belle Pierre Conseil", "46893003779182", "", "", "13014", "Marseille", "")))
			.isEmpty();
		// a word of theirs in common, the towns aside: a person looks
		assertThat(match(row("Agence Belle Pierre", "", "", "07 36 42 29 03", "13014", "Marseille", ""),
				row("Belle Pierre Agence", "", "", "04 87 32 83 23", "13014", "Marseille", "")))
			.hasValueSatisfying((m) -> {
				assertThat(m.automatic()).isFalse();
				assertThat(m.reasons()).contains("details_differ");
			});
	}

	@Test
	void aWordOfTheTownOrAMissingPostcodeAtOneDoorIsNotEnough() {
		// the town's name is in both, nothing else
		assertThat(match(atStreet("SASU NICE THOMAS IMMOBILIER", "", "", "", "83 ALL DES ECOLES", "06000", "NICE"),
				atStreet("", "Foncia Nice Saxe", "", "", "83 allée des Écoles", "06000", "Nice")))
			.satisfiesAnyOf((m) -> assertThat(m).isEmpty(), (m) -> assertThat(m.get().automatic()).isFalse());
		// a network's sign without its postcode: the town's name alone is a weak place
		assertThat(match(atStreet("SA MOREAU DURAND TRANSACTIONS", "", "", "", "48 ALL GAMBETTA", "37000", "TOURS"),
				atStreet("", "Orpi Moreau Immobilier", "", "", "48 allée Gambetta", "", "Tours")))
			.satisfiesAnyOf((m) -> assertThat(m).isEmpty(), (m) -> assertThat(m.get().automatic()).isFalse());
		// two families' names at one door, one word in common
		assertThat(match(atStreet("Maillard et Fils", "", "", "", "83 rue du Maréchal Foch", "01170", "Gex"),
				atStreet("Perrin et Maillard", "", "agence@perrin-et-maillard.fr", "", "83 rue du Maréchal Foch",
						"01170", "Gex")))
			.satisfiesAnyOf((m) -> assertThat(m).isEmpty(), (m) -> assertThat(m.get().automatic()).isFalse());
		// a word of three letters
		assertThat(match(atStreet("SARL ROY ET MARTEL", "", "", "", "12 rue Carnot", "37000", "TOURS"),
				atStreet("", "Agence Roy", "", "", "12 rue Carnot", "37000", "Tours")))
			.satisfiesAnyOf((m) -> assertThat(m).isEmpty(), (m) -> assertThat(m.get().automatic()).isFalse());
	}

	@Test
	void namesOfOtherWordsOrDetailsThatDisagreeAtOneDoorStayApart() {
		// two agencies of one building
		assertThat(match(atStreet("", "Agence Hervé", "", "", "138 rue Jules Ferry", "91000", "Évry-Courcouronnes"),
				atStreet("", "Agence Martin", "", "", "138 rue Jules Ferry", "91000", "Évry-Courcouronnes")))
			.satisfiesAnyOf((m) -> assertThat(m).isEmpty(), (m) -> assertThat(m.get().automatic()).isFalse());
		// the same words, but their phones disagree
		assertThat(match(
				atStreet("", "Immobilier Hervé", "", "01 59 09 63 40", "138 rue Jules Ferry", "91000",
						"Évry-Courcouronnes"),
				atStreet("", "Agence Hervé", "", "01 59 77 77 77", "138 rue Jules Ferry", "91000",
						"Évry-Courcouronnes")))
			.satisfiesAnyOf((m) -> assertThat(m).isEmpty(), (m) -> assertThat(m.get().automatic()).isFalse());
		// a family's two companies at one door: one manages, the other sells
		assertThat(match(atStreet("", "Cabinet Gautier Gestion", "", "", "163 rue Jules Ferry", "75003", "Paris"),
				atStreet("SARL GAUTIER TRANSACTIONS", "Gautier Transactions", "", "", "163 rue Jules Ferry", "75003",
						"Paris")))
			.satisfiesAnyOf((m) -> assertThat(m).isEmpty(), (m) -> assertThat(m.get().automatic()).isFalse());
		// the same words at two doors of the street
		assertThat(match(atStreet("", "Immobilier Hervé", "", "", "138 rue Jules Ferry", "91000", "Évry-Courcouronnes"),
				atStreet("", "Agence Hervé", "", "", "12 rue Jules Ferry", "91000", "Évry-Courcouronnes")))
			.satisfiesAnyOf((m) -> assertThat(m).isEmpty(), (m) -> assertThat(m.get().automatic()).isFalse());
	}

	/**
	 * A company's registered name, with its legal form, the same on both sides in one
	 * town is one company: namesakes share a trade name, not a company (ADR 0046).
	 */
	@Test
	void theSameRegisteredNameInOneTownIsOneCompany() {
		assertThat(match(named("CABINET FONTAINE", "SAS CAP HABITAT SUD", "", "07 39 37 90 56", "", "Marseille", ""),
				named("Cap Habitat Sud SAS", "", "", "", "13012", "Marseille", "")))
			.hasValueSatisfying((m) -> assertThat(m.automatic()).isTrue());
		// the same words without a legal form: namesakes of a town, for a person
		assertThat(match(named("Cap Habitat Sud", "", "", "", "", "Marseille", ""),
				named("Cap Habitat Sud", "", "", "", "13012", "Marseille", "")))
			.hasValueSatisfying((m) -> assertThat(m.automatic()).isFalse());
		// details that disagree
		assertThat(match(named("SAS CAP HABITAT SUD", "", "", "04 91 00 00 01", "", "Marseille", ""),
				named("SAS CAP HABITAT SUD", "", "", "04 91 99 99 99", "13012", "Marseille", "")))
			.hasValueSatisfying((m) -> assertThat(m.automatic()).isFalse());
		// a company's two establishments, at two postcodes of a town
		assertThat(match(named("SAS CAP HABITAT SUD", "", "", "", "13001", "Marseille", ""),
				named("SAS CAP HABITAT SUD", "", "", "", "13012", "Marseille", "")))
			.satisfiesAnyOf((m) -> assertThat(m).isEmpty(), (m) -> assertThat(m.get().automatic()).isFalse());
		// only the words every agency uses
		assertThat(match(named("SARL AGENCE IMMOBILIERE", "", "", "", "", "Lyon", ""),
				named("SARL AGENCE IMMOBILIERE", "", "", "", "69003", "Lyon", "")))
			.satisfiesAnyOf((m) -> assertThat(m).isEmpty(), (m) -> assertThat(m.get().automatic()).isFalse());
	}

	@Test
	void aRegisteredNameCarriesALegalForm() {
		assertThat(NameKey.registered("SAS CAP HABITAT SUD")).isTrue();
		assertThat(NameKey.registered("Payet-Meunier et Associés SNC")).isTrue();
		assertThat(NameKey.registered("S.A.R.L. Dupont")).isTrue();
		assertThat(NameKey.registered("Cap Habitat Sud")).isFalse();
		assertThat(NameKey.registered("Société Générale Immobilier")).as("a company's word, not a form").isFalse();
		assertThat(NameKey.registered("Saint-Sauveur Immobilier")).isFalse();
		assertThat(NameKey.registered(null)).isFalse();
	}

	@Test
	void aDomainSpellsANameByItsDistinctiveWords() {
		assertThat(WebsiteDomain.spells("guerin-giraud-immobilier-blois.fr",
				NameForms.of(NameKey.of("Guérin-Giraud Immobilier"), null)))
			.isTrue();
		assertThat(WebsiteDomain.spells("les5sensimmonantes.fr", NameForms.of(NameKey.of("Les 5 Sens Immo"), null)))
			.isTrue();
		assertThat(WebsiteDomain.spells("m.emeraudeimmobiliermontpellier.com",
				NameForms.of(NameKey.of("SARL Financière Lecomte"), "Émeraude Immobilier")))
			.as("by the trade name")
			.isTrue();
		assertThat(WebsiteDomain.spells("agence-immobiliere.fr", NameForms.of(NameKey.of("Agence Immobilière"), null)))
			.as("only words every agency uses")
			.isFalse();
		assertThat(WebsiteDomain.spells("guerin-immobilier.fr",
				NameForms.of(NameKey.of("Guérin-Giraud Immobilier"), null)))
			.as("one word of two")
			.isFalse();
		assertThat(WebsiteDomain.spells("ab.fr", NameForms.of(NameKey.of("AB Immo"), null))).isFalse();
		assertThat(WebsiteDomain.spells(null, NameForms.of(NameKey.of("Guérin Immo"), null))).isFalse();
	}

	@Test
	void theManagersMailboxAgainstTheAgencysDomainIsNoContradiction() {
		AgencyValues agency = row("Cabinet Leroux", "", "accueil@cabinetleroux-aix.com", "", "73100", "Aix-les-Bains",
				"");
		assertThat(match(agency,
				row("Cabinet Leroux", "", "catherine.leroux@wanadoo.fr", "", "73100", "Aix-les-Bains", "")))
			.hasValueSatisfying((m) -> {
				assertThat(m.reasons()).doesNotContain("details_differ");
				assertThat(m.automatic()).isTrue();
			});
		// names a typo apart keep it as a difference
		assertThat(match(agency,
				row("Cabinet Lerous", "", "catherine.leroux@wanadoo.fr", "", "73100", "Aix-les-Bains", "")))
			.hasValueSatisfying((m) -> assertThat(m.automatic()).isFalse());
		// two own domains are two agencies' addresses, as two mailboxes are
		assertThat(match(agency,
				row("Cabinet Leroux", "", "contact@leroux-immobilier.fr", "", "73100", "Aix-les-Bains", "")))
			.hasValueSatisfying((m) -> assertThat(m.reasons()).contains("details_differ"));
		assertThat(match(row("Cabinet Leroux", "", "cabinet.leroux@orange.fr", "", "73100", "Aix-les-Bains", ""),
				row("Cabinet Leroux", "", "catherine.leroux@wanadoo.fr", "", "73100", "Aix-les-Bains", "")))
			.hasValueSatisfying((m) -> assertThat(m.reasons()).contains("details_differ"));
	}

	@Test
	void aTownsMainPostcodeIsThatTown() {
		// "34000 Montpellier" written for 34070: one town, where the name counts as in a
		// town (review), no longer two places
		assertThat(match(row("Agence du Lez", "", "", "", "34000", "Montpellier", ""),
				row("Agence du Lez", "", "", "", "34070", "MONTPELLIER", "")))
			.hasValueSatisfying((m) -> {
				assertThat(m.reasons()).contains("same_city");
				assertThat(m.automatic()).isFalse();
			});
		// two of a network's agencies there are still two
		assertThat(match(row("Century 21 Montpellier", "", "", "", "34000", "Montpellier", ""),
				row("Century 21 Montpellier", "", "", "", "34070", "Montpellier", "")))
			.isEmpty();
		// nor are two postcodes of a town that is not its main one
		assertThat(match(row("Agence du Lez", "", "", "", "34080", "Montpellier", ""),
				row("Agence du Lez", "", "", "", "34070", "Montpellier", "")))
			.isEmpty();
	}

	@Test
	void aCompanyNameAndATradeNameThatBothAgreeAreOneAgencyOfTheTown() {
		RowNormaliser named = new RowNormaliser(ColumnMapping
			.detect(List.of("Raison sociale", "Enseigne", "Téléphone", "Code postal", "Ville"), Map.of()));
		AgencyValues known = named
			.normalise(new SourceRow(1, List.of("ILA TRANSACTIONS EURL", "AGENCE IMMOBILIERE DES ARCADES",
					"01 66 24 76 59", "", "Boulogne-Billancourt"), "", null))
			.agency();
		AgencyValues again = named
			.normalise(new SourceRow(2,
					List.of("ILA Transactions", "Agence Immobilière des Arcades", "", "92100", "BOULOGNE-BILLANCOURT"),
					"", null))
			.agency();
		assertThat(match(known, again)).hasValueSatisfying((m) -> {
			assertThat(m.reasons()).contains("same_city");
			assertThat(m.automatic()).isTrue();
		});
		// one of the two names alone, in a town, is a namesake to check
		AgencyValues tradeOnly = named
			.normalise(new SourceRow(3,
					List.of("", "Agence Immobilière des Arcades", "", "92100", "Boulogne-Billancourt"), "", null))
			.agency();
		assertThat(match(known, tradeOnly)).hasValueSatisfying((m) -> assertThat(m.automatic()).isFalse());
		AgencyValues otherCompany = named
			.normalise(new SourceRow(4,
					List.of("ARCADES GESTION SAS", "Agence Immobilière des Arcades", "", "92100",
							"Boulogne-Billancourt"),
					"", null))
			.agency();
		assertThat(match(known, otherCompany)).hasValueSatisfying((m) -> assertThat(m.automatic()).isFalse());
	}

	@Test
	void aSubdomainOfTheSiteIsTheSameCompanysSite() {
		AgencyValues main = row("Cabinet Royer", "", "", "", "14000", "Caen", "www.cabinetroyer.fr");
		assertThat(match(main, row("Cabinet Royer", "", "", "", "14000", "Caen", "http://fr.cabinetroyer.fr")))
			.hasValueSatisfying((m) -> {
				assertThat(m.reasons()).doesNotContain("details_differ");
				assertThat(m.automatic()).isTrue();
			});
		// another site is another agency's, as a namesake's would be
		assertThat(match(main, row("Cabinet Royer", "", "", "", "14000", "Caen", "cabinet-royer-caen.fr")))
			.hasValueSatisfying((m) -> {
				assertThat(m.reasons()).contains("details_differ");
				assertThat(m.automatic()).isFalse();
			});
	}

	@Test
	void twoAddressesAtTheAgencysOwnDomainDoNotContradictIt() {
		assertThat(match(row("Agence Thomas", "", "j.muller@agence-thomas.fr", "", "75016", "Paris 16e", ""),
				row("Agence Thomas", "", "immo@agence-thomas.fr", "", "75016", "Paris", "")))
			.hasValueSatisfying((m) -> assertThat(m.automatic()).isTrue());
		// a network's agencies: its domain is all of theirs
		assertThat(match(row("Century 21 Carnot", "", "besancon.1044@century-21.fr", "", "25000", "Besançon", ""),
				row("Century 21 Carnot", "", "besancon.4404@century-21.fr", "", "25000", "Besançon", "")))
			.hasValueSatisfying((m) -> assertThat(m.automatic()).isFalse());
		assertThat(match(row("Agence Thomas", "", "thomas@gmail.com", "", "75016", "Paris", ""),
				row("Agence Thomas", "", "agence.thomas@gmail.com", "", "75016", "Paris", "")))
			.hasValueSatisfying((m) -> assertThat(m.reasons()).contains("details_differ"));
	}

	@Test
	void aNameFollowedByItsTownIsTheName() {
		assertThat(match(row("Agence Gonzalez Villeurbanne", "", "", "", "69100", "Villeurbanne", ""),
				row("Agence Gonzalez", "", "", "", "69100", "Villeurbanne", "")))
			.hasValueSatisfying((m) -> assertThat(m.automatic()).isTrue());
		// "Immobilier" said or not
		assertThat(match(row("Renard et Nguyen Immobilier", "", "", "", "13002", "Marseille 2ème", ""),
				row("Renard & Nguyen", "", "", "", "13002", "MARSEILLE 2", "")))
			.hasValueSatisfying((m) -> assertThat(m.automatic()).isTrue());
		// another town's name, or a network's agency: no
		assertThat(match(row("Agence Gonzalez Lyon", "", "", "", "69100", "Villeurbanne", ""),
				row("Agence Gonzalez", "", "", "", "69100", "Villeurbanne", "")))
			.satisfiesAnyOf((m) -> assertThat(m).isEmpty(), (m) -> assertThat(m.get().automatic()).isFalse());
		assertThat(match(row("Orpi Villeurbanne", "", "", "", "69100", "Villeurbanne", ""),
				row("Orpi", "", "", "", "69100", "Villeurbanne", "")))
			.satisfiesAnyOf((m) -> assertThat(m).isEmpty(), (m) -> assertThat(m.get().automatic()).isFalse());
		// a network's district, with its town before it or not: for a person to
		// confirm, unless something else says so
		assertThat(match(row("Laforêt Bordeaux Caudéran", "", "", "", "33200", "Bordeaux", ""),
				row("Laforêt Caudéran", "", "", "", "33200", "Bordeaux", "")))
			.hasValueSatisfying((m) -> {
				assertThat(m.automatic()).isFalse();
				assertThat(m.reasons()).contains("name:1.00");
			});
		assertThat(match(row("Laforêt Bordeaux Caudéran", "", "", "05 49 88 47 72", "33200", "Bordeaux", ""),
				row("Laforêt Caudéran", "", "", "05.49.88.47.72", "33200", "Bordeaux", "")))
			.hasValueSatisfying((m) -> assertThat(m.automatic()).isTrue());
		assertThat(match(row("Laforêt Bordeaux Caudéran", "", "", "", "33200", "Bordeaux", ""),
				row("Orpi Caudéran", "", "", "", "33200", "Bordeaux", "")))
			.isEmpty();
		// two towns of one postcode: each its own "Saint-Pierre"
		assertThat(match(row("Nestenn Anjeux Saint-Pierre", "", "", "", "70800", "Anjeux", ""),
				row("Nestenn Saint-Pierre", "", "", "", "70800", "Fontaine-lès-Luxeuil", "")))
			.satisfiesAnyOf((m) -> assertThat(m).isEmpty(), (m) -> assertThat(m.get().automatic()).isFalse());
		assertThat(match(row("Laforêt Bordeaux Bastide", "", "", "", "33100", "Bordeaux", ""),
				row("Laforêt Caudéran", "", "", "", "33100", "Bordeaux", "")))
			.satisfiesAnyOf((m) -> assertThat(m).isEmpty(), (m) -> assertThat(m.get().automatic()).isFalse());
	}

	@Test
	void twoTownsOfOnePostcodeAreNearButNotOnePlace() {
		// 06230 is Villefranche-sur-Mer's and Saint-Jean-Cap-Ferrat's
		assertThat(match(row("La Clé Immobilière", "", "", "", "06230", "St Jean-Cap-Ferrat", ""),
				row("Clé Immobilière", "", "", "", "6230", "Villefranche-sur-Mer", "")))
			.hasValueSatisfying((m) -> {
				assertThat(m.automatic()).isFalse();
				assertThat(m.reasons()).contains("same_postcode");
			});
		assertThat(match(row("La Clé Immobilière", "", "", "", "06230", "St Jean-Cap-Ferrat", ""),
				row("Clé Immobilière", "", "", "", "6230", "Saint-Jean-Cap-Ferrat", "")))
			.hasValueSatisfying((m) -> assertThat(m.automatic()).isTrue());
		assertThat(match(row("Orpi Anjeux", "", "", "", "70800", "Anjeux", ""),
				row("Orpi Anjeux", "", "", "", "70800", "Fontaine-lès-Luxeuil", "")))
			.isEmpty();
	}

	@Test
	void aCedexCodeIsNoPlaceButItsTownIs() {
		// 93269 sorts the mail of Saint-Denis: the agency is no further away than 93200
		assertThat(match(row("Roux & Vincent Immobilier", "", "", "06 53 15 12 45", "93269", "Saint Denis Cedex", ""),
				row("Roux et Vincent Immobilier", "", "", "06 53 15 12 45", "93200", "Saint-Denis", "")))
			.hasValueSatisfying((m) -> assertThat(m.reasons()).contains("same_city"));
		// a Cedex with the town's own postcode is that postcode
		assertThat(match(row("Immobilière des Halles", "", "", "", "33260", "La Teste-de-Buch CEDEX 01", ""),
				row("L'Immobilière des Halles", "", "", "", "33260", "La Teste-de-Buch", "")))
			.hasValueSatisfying((m) -> assertThat(m.reasons()).contains("same_postcode"));
		// without the sorting code the two postcodes would be two places
		assertThat(match(row("Roux & Vincent Immobilier", "", "", "06 53 15 12 45", "93269", "Saint Denis", ""),
				row("Roux et Vincent Immobilier", "", "", "06 53 15 12 45", "93200", "Saint-Denis", "")))
			.hasValueSatisfying((m) -> assertThat(m.reasons()).doesNotContain("same_city"));
	}

	@Test
	void aTownNameWithoutPostcodeOnlySuggestsTheSameName() {
		Optional<Deduplication.Match> match = match(row("Agence de la Gare", "", "", "", "97400", "Saint-Denis", ""),
				row("Agence de la Gare", "", "", "", "", "Saint-Denis", ""));
		assertThat(match).hasValueSatisfying((m) -> {
			assertThat(m.automatic()).isFalse();
			assertThat(m.reasons()).contains("same_city");
		});
	}

	@Test
	void similarNameInAnotherPostcodeIsNotAMatch() {
		assertThat(match(row("Agence de la Gare", "", "", "", "69003", "Lyon", ""),
				row("Agence de la Gare", "", "", "", "75008", "Paris", "")))
			.isEmpty();
	}

	@Test
	void franchiseAgenciesOfDifferentTownsAreNeverMerged() {
		assertThat(match(
				row("Century 21 Agence du Port", "", "contact@century21.fr", "01 23 45 67 89", "13002", "Marseille",
						"https://www.century21.fr/agence-port"),
				row("Century 21 Agence du Port", "", "contact@century21.fr", "01 23 45 67 89", "29200", "Brest",
						"https://www.century21.fr/agence-brest")))
			.isEmpty();
	}

	@Test
	void franchiseAgenciesOfTheSameTownWithDifferentNamesAreNotMerged() {
		assertThat(match(row("Orpi Agence du Centre", "", "", "", "75011", "Paris", ""),
				row("Orpi Bastille Immobilier", "", "", "", "75011", "Paris", "")))
			.isEmpty();
	}

	/**
	 * A list that gives every agency of a network the head office's e-mail and
	 * switchboard: two of its agencies in one town, named apart at two doors, are for a
	 * person to look at, not merged. One of them again, a typo in its name or at its
	 * door, still is.
	 */
	@Test
	void aNetworksHeadOfficeContactDoesNotMergeTwoOfItsAgenciesOfOneTown() {
		for (String[] names : new String[][] { { "Century 21 Agence du Centre", "Century 21 Immobilier Bellecour" },
				{ "Century 21 Lyon Centre", "Century 21 Lyon Bellecour" }, { "Orpi Gambetta", "Orpi Confluence" } }) {
			assertThat(match(
					fullRow(names[0], "", "contact@century21.fr", "01 40 00 00 00", "12 rue de la Paix", "69002",
							"Lyon", ""),
					fullRow(names[1], "", "contact@century21.fr", "01 40 00 00 00", "3 place Bellecour", "69002",
							"Lyon", "")))
				.as(names[1])
				.hasValueSatisfying((m) -> {
					assertThat(m.automatic()).isFalse();
					assertThat(m.reasons()).contains("network_contact");
				});
		}
		assertThat(match(
				fullRow("Century 21 Lyon Bellecour", "", "contact@century21.fr", "01 40 00 00 00", "3 place Bellecour",
						"69002", "Lyon", ""),
				fullRow("CENTURY 21 LYON BELLECOURT", "", "contact@century21.fr", "", "5 rue de la Charité", "69002",
						"Lyon", "")))
			.hasValueSatisfying((m) -> assertThat(m.automatic()).isTrue());
		assertThat(match(
				fullRow("Century 21 Lyon Centre", "", "contact@century21.fr", "01 40 00 00 00", "3 place Bellecour",
						"69002", "Lyon", ""),
				fullRow("Century 21 Immobilier Bellecour", "", "contact@century21.fr", "01 40 00 00 00",
						"3 place Bellecour", "69002", "Lyon", "")))
			.hasValueSatisfying((m) -> assertThat(m.automatic()).isTrue());
	}

	@Test
	void agenciesOfTwoNetworksInOneTownAreNeverMerged() {
		assertThat(match(row("Century 21 Metz", "", "", "", "57000", "Metz", ""),
				row("Laforêt Metz", "", "", "", "57000", "Metz", "")))
			.isEmpty();
		assertThat(match(row("Orpi Lunéville", "", "", "03 83 00 00 00", "54300", "Lunéville", ""),
				row("Nestenn Lunéville", "", "", "03 83 00 00 00", "54300", "Lunéville", "")))
			.isEmpty();
	}

	@Test
	void aNetworkWebsiteDoesNotMergeTwoAgenciesOfOneTown() {
		Optional<Deduplication.Match> match = match(
				row("Nestenn Montville", "", "", "", "45000", "Montville", "https://www.nestenn.fr/agence/a"),
				row("Nestenn Montville du Parc", "", "", "", "45000", "Montville", "https://www.nestenn.fr/agence/b"));
		assertThat(match).satisfiesAnyOf((m) -> assertThat(m).isEmpty(),
				(m) -> assertThat(m.get().automatic()).isFalse());
	}

	@Test
	void aNetworkPageOfOneAgencyNamesIt() {
		// the page is the agency's own on the network's site: with the same name it is
		// the agency, even with no other identifier
		assertThat(
				match(row("Orpi Gare", "", "", "", "35000", "Rennes", "https://www.orpi.com/agence/orpi-gare-rennes/"),
						row("ORPI GARE", "", "", "", "", "Rennes", "orpi.com/agence/orpi-gare-rennes")))
			.hasValueSatisfying((m) -> assertThat(m.reasons()).contains("website"));
		assertThat(match(row("Century 21 Gare", "", "", "", "", "", "century21.fr/agence/gare-rennes"),
				row("Century 21 Gare", "", "", "", "", "", "century21.fr/agence/gare-nantes")))
			.satisfiesAnyOf((m) -> assertThat(m).isEmpty(), (m) -> assertThat(m.get().automatic()).isFalse());
	}

	@Test
	void franchiseWithTheSameSiretIsMergedWherever() {
		assertThat(match(row("ERA Immo Sud", "54205118000066", "", "", "13002", "", ""),
				row("ERA Immobilier Sud", "54205118000066", "", "", "13008", "", "")))
			.hasValueSatisfying((m) -> assertThat(m.automatic()).isTrue());
	}

	@Test
	void sharedSwitchboardWithDifferentNamesGoesToReview() {
		Optional<Deduplication.Match> match = match(row("Cabinet Martin", "", "", "01 23 45 67 89", "75008", "", ""),
				row("Résidences Lumière", "", "", "01 23 45 67 89", "75016", "", ""));
		assertThat(match).hasValueSatisfying((m) -> {
			assertThat(m.automatic()).isFalse();
			assertThat(m.reasons()).contains("phone", "names_differ");
		});
	}

	@Test
	void aSharedEmailMergesNamesThatDifferOnlyByTheWordsEveryAgencyUses() {
		assertThat(match(row("Agence Dupont", "", "contact@dupont-immo.fr", "", "", "Lille", ""),
				row("Dupont Immobilier", "", "CONTACT@dupont-immo.fr", "", "59000", "Lille", "")))
			.hasValueSatisfying((m) -> {
				assertThat(m.automatic()).isTrue();
				assertThat(m.reasons()).contains("email").doesNotContain("names_differ");
			});
		// other words than those: still two names to check
		assertThat(match(row("Agence Dupont", "", "contact@dupont-immo.fr", "", "", "Lille", ""),
				row("Dupont Morel Immobilier", "", "contact@dupont-immo.fr", "", "59000", "Lille", "")))
			.hasValueSatisfying((m) -> assertThat(m.automatic()).isFalse());
	}

	@Test
	void theSameNameAtTheSameAddressOfATownIsTheSameRecord() {
		RowNormaliser placed = new RowNormaliser(
				ColumnMapping.detect(List.of("Raison sociale", "Adresse", "Code postal", "Ville"), Map.of()));
		AgencyValues era = placed
			.normalise(new SourceRow(1, List.of("ERA Immobilier Narbonne", "74 ALLÉE DES TILLEULS", "", "Narbonne"), "",
					null))
			.agency();
		AgencyValues again = placed
			.normalise(new SourceRow(2, List.of("ERA IMMOBILIER NARBONNE", "74 allée des Tilleuls", "", "NARBONNE"), "",
					null))
			.agency();
		assertThat(match(era, again)).hasValueSatisfying((m) -> {
			assertThat(m.automatic()).isTrue();
			assertThat(m.reasons()).contains("address", "same_city");
		});
		// a town's name alone stays a weak place: the same name without an address is
		// reviewed
		AgencyValues nameOnly = placed
			.normalise(new SourceRow(3, List.of("ERA Immobilier Narbonne", "", "", "Narbonne"), "", null))
			.agency();
		assertThat(match(era, nameOnly)).hasValueSatisfying((m) -> assertThat(m.automatic()).isFalse());
		// one letter apart at one address: still two names to check
		AgencyValues dumont = placed
			.normalise(new SourceRow(4, List.of("Dumont Immobilier", "12 rue Carnot", "", "Narbonne"), "", null))
			.agency();
		AgencyValues dupont = placed
			.normalise(new SourceRow(5, List.of("Dupont Immobilier", "12 rue Carnot", "", "Narbonne"), "", null))
			.agency();
		assertThat(match(dumont, dupont)).hasValueSatisfying((m) -> assertThat(m.automatic()).isFalse());
	}

	@Test
	void similarityBoundNeverUnderestimatesJaroWinkler() {
		String[] keys = { "agence gare", "agnece gare", "agence gar", "cabinet martin immo", "martin immo",
				"perrin immobiiler", "perrin immo", "dupont morel immo", "dumont morel immo", "lyon 3", "a", "gare",
				"toits vannes", "immo alpes" };
		int[] scratch = new int[128];
		for (String a : keys) {
			for (String b : keys) {
				assertThat(Deduplication.similarityBound(a, b, scratch))
					.isGreaterThanOrEqualTo(JaroWinkler.similarity(a, b) - 1e-9);
			}
		}
		assertThat(Deduplication.similarityBound("agence gare", "cabinet martin immo", scratch)).isLessThan(0.88);
	}

	@Test
	void oneTypoApartWithAnotherSirenIsOnlyAPossibleDuplicate() {
		Optional<Deduplication.Match> match = match(row("Cabinet Dumont", "444143978", "", "", "68000", "Colmar", ""),
				row("Cabinet Dupont", "46893003779182", "contact@dupont.fr", "", "68000", "Colmar", ""));
		assertThat(match).hasValueSatisfying((m) -> {
			assertThat(m.automatic()).isFalse();
			assertThat(m.reasons()).contains("details_differ");
		});
		assertThat(match(row("Cabinet Dumont", "444143978", "", "", "68000", "Colmar", ""),
				row("Cabinet Dumont", "", "contact@dumont.fr", "", "68000", "Colmar", "")))
			.hasValueSatisfying((m) -> assertThat(m.automatic()).isTrue());
	}

	@Test
	void oneTypoApartTwoDoorsApartInOneStreetIsOnlyAPossibleDuplicate() {
		AgencyValues dumont = atDoor("Cabinet Dumont", "", "", "154 rue du Général de Gaulle", "68000");
		AgencyValues dupont = atDoor("Cabinet Dupont", "", "", "7 rue du Général de Gaulle", "68000");
		AgencyValues sameDoor = atDoor("Cabinet Dupont", "", "", "154 bis rue du General de Gaulle", "68000");
		assertThat(match(dumont, dupont)).hasValueSatisfying((m) -> {
			assertThat(m.automatic()).isFalse();
			assertThat(m.reasons()).contains("details_differ");
		});
		assertThat(match(dumont, sameDoor)).hasValueSatisfying((m) -> assertThat(m.automatic()).isTrue());
		assertThat(Deduplication.otherNumbers("12 rue a", "120 rue a")).isTrue();
		assertThat(Deduplication.otherNumbers("12", "12 rue a")).isFalse();
		assertThat(Deduplication.otherNumbers("rue a", "12 rue a")).isFalse();
	}

	@Test
	void aNameTwoAgenciesOfThePlaceBearIsForAPersonToTellApart() {
		AgencyValues robin = row("Cabinet Robin", "56092983834474", "", "", "33000", "Bordeaux", "");
		AgencyValues namesake = row("Cabinet Robin", "29748155808547", "", "", "33000", "Bordeaux", "");
		AgencyValues bare = row("CABINET ROBIN", "", "", "", "33000", "Bordeaux", "");
		assertThat(match(robin, bare)).hasValueSatisfying((m) -> assertThat(m.automatic()).isTrue());
		Optional<Deduplication.Match> either = Deduplication.best(bare,
				List.of(Candidate.of(AgencyRecord.create(robin)), Candidate.of(AgencyRecord.create(namesake))));
		assertThat(either).hasValueSatisfying((m) -> {
			assertThat(m.automatic()).isFalse();
			assertThat(m.confidence()).isGreaterThanOrEqualTo(Deduplication.REVIEW);
			assertThat(m.reasons()).contains("ambiguous");
		});
		AgencyValues withSiret = row("Cabinet Robin", "560 929 838 34474", "", "", "33000", "Bordeaux", "");
		assertThat(Deduplication.best(withSiret,
				List.of(Candidate.of(AgencyRecord.create(robin)), Candidate.of(AgencyRecord.create(namesake)))))
			.hasValueSatisfying((m) -> assertThat(m.reasons()).containsExactly("siret"));
	}

	@Test
	void aBrandWrittenTwoWaysIsOneNetwork() {
		assertThat(match(row("Laforêt Immobilier Lyon Centre", "", "", "04 78 12 34 56", "69002", "Lyon", ""),
				row("Laforêt Lyon Centre", "", "", "04.78.12.34.56", "69002", "Lyon", "")))
			.hasValueSatisfying((m) -> assertThat(m.automatic()).isTrue());
		assertThat(match(
				row("Stéphane Plaza Immobilier Vannes Gare", "", "vannes@stephaneplaza.fr", "", "56000", "Vannes", ""),
				row("Stéphane Plaza Immoobilier Vannes Gare", "", "VANNES@stephaneplaza.fr", "", "56000", "Vannes",
						"")))
			.hasValueSatisfying((m) -> assertThat(m.automatic()).isTrue());
	}

	@Test
	void aTypoInTheBrandDoesNotMakeTheNamesDiffer() {
		assertOneAgencyWhoseNamesDoNotDiffer(
				row("Square Habitat Jean Jaurès", "", "nantes@square-habitat.fr", "03 80 67 78 86", "44000", "", ""),
				row("Squaae Habitat Jean Jaurès", "", "nantes@square-habitat.fr", "03-80-67-78-86", "44000", "", ""));
		// still two rival networks when both brands are read
		assertThat(match(row("Orpi Gare", "", "", "01 23 45 67 89", "75011", "Paris", ""),
				row("Century 21 Gare", "", "", "01 23 45 67 89", "75011", "Paris", "")))
			.isEmpty();
	}

	@Test
	void theSameNameAtTheSameDoorWithAnotherPhoneIsOneAgency() {
		AgencyValues known = atDoor("Century 21 Saint-Michel", "813120045", "05 73 18 13 65", "24 rue Pasteur",
				"25000");
		AgencyValues mobile = atDoor("CENTURY 21 SAINT-MICHEL", "", "06 92 71 63 41", "24 rue Pasteur", "25000");
		AgencyValues namesake = atDoor("Century 21 Saint-Michel", "44306184100047", "05 11 22 33 44", "3 rue Carnot",
				"25000");
		assertThat(match(known, mobile)).hasValueSatisfying((m) -> {
			assertThat(m.automatic()).isTrue();
			assertThat(m.reasons()).contains("address").doesNotContain("details_differ");
		});
		// a namesake elsewhere in the town does not make it ambiguous: the door says
		// which
		Candidate atTheDoor = Candidate.of(AgencyRecord.create(known));
		assertThat(Deduplication.best(mobile, List.of(Candidate.of(AgencyRecord.create(namesake)), atTheDoor)))
			.hasValueSatisfying((m) -> {
				assertThat(m.automatic()).isTrue();
				assertThat(m.agency()).isSameAs(atTheDoor);
				assertThat(m.reasons()).doesNotContain("ambiguous");
			});
	}

	@Test
	void namesATypoTookApartWithTheSameEmailAndPhoneAreOneAgency() {
		assertOneAgencyWhoseNamesDoNotDiffer(
				row("Century 21 Brest Saint-Michel", "", "brest.1481@century-21.fr", "03.78.73.96.55", "29200", "", ""),
				row("Century 2 Brest Saint-Michel", "", "brest.1481@century-21.fr", "0033378739655", "29200", "", ""));
		// a shared e-mail alone still does not make two differently named agencies one
		assertThat(match(row("Agence du Lac", "", "contact@groupe.fr", "01 11 11 11 11", "74000", "", ""),
				row("Cabinet Martin", "", "contact@groupe.fr", "04 50 22 22 22", "74000", "", "")))
			.hasValueSatisfying((m) -> assertThat(m.reasons()).contains("names_differ"));
	}

	RowNormaliser full = new RowNormaliser(ColumnMapping.detect(
			List.of("Raison sociale", "SIRET", "E-mail", "Téléphone", "Adresse", "Code postal", "Ville", "Site web"),
			Map.of()));

	private AgencyValues fullRow(String... cells) {
		return this.full.normalise(new SourceRow(1, List.of(cells), "", null)).agency();
	}

	@Test
	void aNameWithItsTownAfterItIsTheNameHoweverLongTheTown() {
		assertThat(match(
				fullRow("Cousin Immobilier", "", "", "+33 1 27 82 88 73", "", "78100", "Saint Germain en Laye", ""),
				fullRow("Cousin Immobilier SAINT-GERMAIN-EN-LAYE", "", "", "", "", "78100", "SAINT GERMAIN EN LAYE",
						"")))
			.hasValueSatisfying((m) -> assertThat(m.automatic()).isTrue());
	}

	@Test
	void aNameWithItsTownAndArrondissementIsTheName() {
		assertThat(
				match(fullRow("Vasseur & Guillaume Immobilier Marseille 2", "", "", "", "", "13002", "Marseille 2", ""),
						fullRow("Vasseur & Guillaume Immobilier", "", "", "", "", "13002", "MARSEILLE 2ÈME", "")))
			.hasValueSatisfying((m) -> assertThat(m.automatic()).isTrue());
		assertThat(match(
				fullRow("Vasseur & Guillaume Immobilier Marseille 2", "", "", "", "", "13002", "Marseille", ""),
				fullRow("Vasseur & Guillaume Immobilier Marseille 3", "", "", "", "", "13002", "Marseille", "")))
			.isEmpty();
	}

	@Test
	void aNetworksTownAndDistrictAndItsDistrictAtOneDoorAreOneAgency() {
		AgencyValues town = fullRow("Century 21 Paris - Nation", "", "", "", "107 bis Impasse Gambetta", "75012",
				"Paris 12 Arrondissement", "");
		assertThat(match(town,
				fullRow("Century 21 Nation", "", "c21.parisnation@century21.fr", "0128380578",
						"107 bis Impasse Gambetta", "75012", "PARIS 12EME", "")))
			.hasValueSatisfying((m) -> assertThat(m.automatic()).isTrue());
		// elsewhere in the town, the network may have both: a person decides
		assertThat(match(town, fullRow("Century 21 Nation", "", "", "", "3 rue de Picpus", "75012", "Paris", "")))
			.hasValueSatisfying((m) -> assertThat(m.automatic()).isFalse());
	}

	@Test
	void anOwnWebsiteAndTheNameAreOneAgencyWhereOneRowSaysNotWhere() {
		AgencyValues site = fullRow("Les Toits de Reims", "", "", "", "", "", "", "https://toits-de-reims.fr");
		assertThat(match(site, fullRow("Les Toits de Reims", "", "contact@toits-de-reims.fr", "03 63 55 54 24",
				"92 ter Chemin Voltaire", "51100", "Reims", "")))
			.hasValueSatisfying((m) -> {
				assertThat(m.automatic()).isTrue();
				assertThat(m.reasons()).contains("email_website", "name:1.00");
			});
		assertThat(match(site, fullRow("Les Toits de Reims", "", "", "", "", "", "", "toits-de-reims.fr")))
			.hasValueSatisfying((m) -> assertThat(m.automatic()).isTrue());
		// another name at that site, or other phones: a person decides
		assertThat(match(site, fullRow("Agence Bleue", "", "contact@toits-de-reims.fr", "", "", "", "", "")))
			.hasValueSatisfying((m) -> assertThat(m.automatic()).isFalse());
		assertThat(match(fullRow("Bailly et Arnaud", "", "laciotat@bailly-et-arnaud.fr", "", "", "", "", ""),
				fullRow("Bailly & Arnaud", "", "marseille@bailly-et-arnaud.fr", "04.53.25.69.85",
						"160 ter Chemin Pasteur", "13002", "Marseille", "http://www.bailly-et-arnaud.fr")))
			.hasValueSatisfying((m) -> assertThat(m.automatic()).isFalse());
		AgencyValues branch = fullRow("Ollivier Immobilier", "", "villeurbanne@ollivier-immobilier.com",
				"04.39.22.21.05", "", "", "", "");
		assertThat(
				match(branch,
						fullRow("Ollivier Immobilier", "", "", "04 69 32 37 10", "125 Rue Clemenceau", "69006", "Lyon",
								"www.ollivier-immobilier.com")))
			.hasValueSatisfying((m) -> assertThat(m.automatic()).isFalse());
	}

	@Test
	void streetAbbreviationsAreNoOtherAddress() {
		assertThat(match(
				fullRow("Agence Fabre Gestion & Transactions", "", "", "", "83 bis Boulevard du Maréchal Foch", "14000",
						"Caen", ""),
				fullRow("Agence Fabre Gestion & Transactions CAEN", "34357868800198", "agence.fabre@orange.fr", "",
						"83bis Boulevard du Mal Foch", "14000", "Caen", "")))
			.hasValueSatisfying((m) -> {
				assertThat(m.automatic()).isTrue();
				assertThat(m.reasons()).doesNotContain("details_differ");
			});
	}

	@Test
	void anAddressEndingWithTheArrondissementPlacesTheRow() {
		RowNormaliser noPostcode = new RowNormaliser(
				ColumnMapping.detect(List.of("Raison sociale", "Téléphone", "Adresse"), Map.of()));
		AgencyValues incoming = noPostcode
			.normalise(
					new SourceRow(1,
							List.of("Guy Hoquet Paris Nation", "Standard 0154707088",
									"16 Place Voltaire 75012 PARIS 12"),
							"", null))
			.agency();
		assertThat(
				match(fullRow("Guy Hoquet Paris Nation", "", "", "0154707088", "16 Pl. Voltaire", "75012", "PARIS", ""),
						incoming))
			.hasValueSatisfying((m) -> {
				assertThat(m.automatic()).isTrue();
				assertThat(m.reasons()).contains("same_postcode").doesNotContain("franchise:guy hoquet");
			});
	}

	@Test
	void theTownAfterANameIsTheNameWhereOnlyTheOtherRowSaysTheTown() {
		assertThat(match(
				fullRow("Cabinet Fernandez Immobilier", "", "accueil@cabinet-fernandez-immobilier.fr", "",
						"57 Route de Paris", "75011", "Paris 11e", ""),
				fullRow("Cabinet Fernandez Immobilier - Paris 11", "", "accueil@cabinet-fernandez-immobilier.fr",
						"0157116783", "", "", "", "")))
			.hasValueSatisfying((m) -> {
				assertThat(m.automatic()).isTrue();
				assertThat(m.reasons()).doesNotContain("names_differ");
			});
	}

	@Test
	void agenceBeforeANetworksNameSaysNothing() {
		assertThat(match(
				fullRow("Laforêt Bordeaux Bastide", "33141055500188", "", "", "6 Quai du Président Wilson", "33100",
						"Bordeaux", ""),
				fullRow("Agence Laforêt Bordeaux Bastide", "", "", "", "6 Quai du Président Wilson", "33100",
						"Bordeaux", "")))
			.hasValueSatisfying((m) -> assertThat(m.automatic()).isTrue());
	}

	@Test
	void steAfterAWordIsASaint() {
		assertThat(NameKey.of("Agce Ste-Anne")).isEqualTo(NameKey.of("Agence Sainte Anne"));
		assertThat(NameKey.of("Sté Immobilière Dupont")).isEqualTo(NameKey.of("Immobilière Dupont"));
	}

	@Test
	void aSiteAndTheSameDoorAreOneAgencyThoughARowGivesNoName() {
		AgencyValues site = fullRow("Paris Immobilier", "", "", "", "38 ter Chemin Foch", "75020",
				"Paris 20 Arrondissement", "paris-immobilier.fr");
		assertThat(match(site, fullRow("", "", "agence@paris-immobilier.fr", "01 22 78 81 49", "38T Chem. Foch",
				"75020", "PARIS", "")))
			.hasValueSatisfying((m) -> {
				assertThat(m.automatic()).isTrue();
				assertThat(m.reasons()).containsOnlyOnce("address");
			});
		// another door: a person decides
		assertThat(match(site,
				fullRow("", "", "agence@paris-immobilier.fr", "", "12 rue de Belleville", "75020", "PARIS", "")))
			.hasValueSatisfying((m) -> assertThat(m.automatic()).isFalse());
	}

	@Test
	void aTownAfterTheNameIsReadWithoutItsLittleWordsAndSaints() {
		assertThat(Deduplication.sameTown("sainte marie mer", TownKey.of("Ste-Marie-la-Mer"))).isTrue();
		assertThat(Deduplication.sameTown("marseille 2", TownKey.of("Marseille"))).isTrue();
		assertThat(Deduplication.sameTown("saint germain laye", TownKey.of("Saint-Germain-en-Laye"))).isTrue();
		assertThat(Deduplication.sameTown("sainte marie", TownKey.of("Ste-Marie-la-Mer"))).isFalse();
		assertThat(match(
				fullRow("Immobilier du Canal Sainte-Marie-la-Mer", "", "", "0486928338", "146 Allée Saint-Honoré",
						"66470", "Sainte-Marie-la-Mer", ""),
				fullRow("Immo. du Canal", "", "", "", "146 Allée Saint-Honoré", "66470", "Ste-Marie-la-Mer", "")))
			.hasValueSatisfying((m) -> assertThat(m.automatic()).isTrue());
	}

	@Test
	void aNetworksAgencyThatSaysNotWhereIsKnownByTwoOfItsOwnDetails() {
		AgencyValues placed = fullRow("CENTURY 21 ECHIROLLES", "", "echirolles@century21.fr", "+33 2 92 73 30 05",
				"20 allée des Tilleuls", "38130", "Échirolles", "");
		assertThat(match(placed,
				fullRow("CENTURY 21 ÉCHIROLLES", "", "echirolles@century21.fr", "02 92 73 30 05", "", "", "", "")))
			.hasValueSatisfying((m) -> assertThat(m.automatic()).isTrue());
		// one detail alone may be the network's
		assertThat(match(placed, fullRow("CENTURY 21 ÉCHIROLLES", "", "echirolles@century21.fr", "", "", "", "", "")))
			.hasValueSatisfying((m) -> {
				assertThat(m.automatic()).isFalse();
				assertThat(m.reasons()).contains("franchise:century 21");
			});
	}

	@Test
	void theSameWordsInAnotherOrderAreOneNameWithAnIdentifier() {
		assertThat(
				match(fullRow("Immobilière Blanc", "", "", "03 69 01 25 97", "36 quai Molière", "68000", "Colmar", ""),
						fullRow("Blanc Immobilier", "", "", "0369012597", "36 quai Molière", "68000", "Colmar", "")))
			.hasValueSatisfying((m) -> {
				assertThat(m.automatic()).isTrue();
				assertThat(m.reasons()).doesNotContain("names_differ");
			});
		// the name alone stays for a person to check
		assertThat(match(fullRow("Pons et Weber Immobilier", "", "", "", "", "78000", "Versailles", ""),
				fullRow("Weber et Pons Immobilier", "", "", "", "", "78000", "Versailles", "")))
			.hasValueSatisfying((m) -> assertThat(m.automatic()).isFalse());
		assertThat(Deduplication.sameWords("pons weber immo", "weber pons immo")).isTrue();
		assertThat(Deduplication.sameWords("pons weber immo", "weber ponts imo")).isFalse();
	}

	private Optional<Deduplication.Match> match(AgencyValues existing, AgencyValues incoming) {
		return Deduplication.best(incoming, List.of(Candidate.of(AgencyRecord.create(existing))));
	}

	private void assertOneAgencyWhoseNamesDoNotDiffer(AgencyValues existing, AgencyValues incoming) {
		assertThat(match(existing, incoming)).hasValueSatisfying((m) -> {
			assertThat(m.automatic()).isTrue();
			assertThat(m.reasons()).doesNotContain("names_differ");
		});
	}

	/**
	 * A row as a listings portal writes it: name, phone, page, street, postcode, town.
	 */
	private AgencyValues onPortal(String... cells) {
		return this.portal.normalise(new SourceRow(1, List.of(cells), "", null)).agency();
	}

	/** A row of name, SIRET, phone, address and postcode. */
	private AgencyValues atDoor(String... cells) {
		return this.withAddress.normalise(new SourceRow(1, List.of(cells), "", null)).agency();
	}

	private AgencyValues row(String... cells) {
		NormalisedRow row = this.normaliser.normalise(new SourceRow(1, List.of(cells), "", null));
		return row.agency();
	}

	@Test
	void editDistanceOnThreeRowsIsTheFullTables() {
		MessyText messy = new MessyText(10);
		String[] pieces = { "a", "b", "c", "ab", "ba", "agence", "gare", " ", "e" };
		for (int i = 0; i < 50_000; i++) {
			String a = messy.of(pieces, 5);
			String b = (i % 3 == 0) ? "" : messy.of(pieces, 5);
			int limit = i % 4;
			assertThat(Deduplication.editDistance(a, b, limit)).as(a + " / " + b + " / " + limit)
				.isEqualTo(fullTable(a, b, limit));
		}
	}

	/** The distance as it was worked out, on the whole table. */
	private static int fullTable(String a, String b, int limit) {
		if (Math.abs(a.length() - b.length()) > limit) {
			return limit + 1;
		}
		int[][] d = new int[a.length() + 1][b.length() + 1];
		for (int i = 0; i <= a.length(); i++) {
			d[i][0] = i;
		}
		for (int j = 0; j <= b.length(); j++) {
			d[0][j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			int rowMin = Integer.MAX_VALUE;
			for (int j = 1; j <= b.length(); j++) {
				int cost = (a.charAt(i - 1) == b.charAt(j - 1)) ? 0 : 1;
				d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
				if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
					d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
				}
				rowMin = Math.min(rowMin, d[i][j]);
			}
			if (rowMin > limit) {
				return limit + 1;
			}
		}
		return d[a.length()][b.length()];
	}

}
