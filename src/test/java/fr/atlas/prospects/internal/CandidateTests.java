package fr.atlas.prospects.internal;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CandidateTests {

	RowNormaliser normaliser = new RowNormaliser(ColumnMapping.detect(List.of("Raison sociale", "SIRET", "E-mail",
			"Téléphone", "Adresse", "Code postal", "Ville", "Code NAF", "Tags", "Nb annonces"), Map.of()));

	@Test
	void aRowWithNothingNewChangesNothingStored() {
		Candidate agency = Candidate.of(AgencyRecord.create(row("Agence de la Gare", "54205118000066",
				"contact@gare.fr", "01 23 45 67 89", "1 rue de la Gare", "75008", "Paris", "6831Z", "vip", "12")));
		assertThat(agency.wouldChange(
				row("AGENCE GARE", "", "CONTACT@gare.fr", "+33 1 23 45 67 89", "", "75008", "", "", "vip", "")))
			.isFalse();
	}

	@Test
	void anyValueForAnEmptyColumnOrAnyNewAddressChangesIt() {
		Candidate agency = Candidate
			.of(AgencyRecord.create(row("Agence de la Gare", "", "contact@gare.fr", "", "", "75008", "", "", "", "")));
		assertThat(agency.wouldChange(row("Agence de la Gare", "", "autre@gare.fr", "", "", "", "", "", "", "")))
			.isTrue();
		assertThat(agency.wouldChange(row("Agence de la Gare", "", "", "01 23 45 67 89", "", "", "", "", "", "")))
			.isTrue();
		assertThat(agency.wouldChange(row("Agence de la Gare", "", "", "", "", "", "Paris", "", "", ""))).isTrue();
		assertThat(agency.wouldChange(row("Agence de la Gare", "", "", "", "", "", "", "6831Z", "", ""))).isTrue();
		assertThat(agency.wouldChange(row("Agence de la Gare", "", "", "", "", "", "", "", "vip", ""))).isTrue();
		assertThat(agency.wouldChange(row("Agence de la Gare", "", "", "", "", "", "", "", "", "12"))).isTrue();
	}

	@Test
	void followsWhatEarlierRowsFilled() {
		Candidate agency = Candidate
			.of(AgencyRecord.create(row("Agence de la Gare", "", "contact@gare.fr", "", "", "75008", "", "", "", "")));
		AgencyValues more = row("Agence de la Gare", "54205118000066", "", "", "", "", "Paris", "6831Z", "vip", "12");
		agency.fill(more);
		assertThat(agency.wouldChange(more)).isFalse();
		assertThat(agency.wouldChange(row("Agence de la Gare", "", "", "", "", "", "", "4110A", "vip", "30")))
			.isFalse();
		assertThat(agency.wouldChange(row("Agence de la Gare", "", "", "", "", "", "", "", "prioritaire", "")))
			.isTrue();
	}

	@Test
	void keepsEveryEMailAndPhoneUpToTheListsCapBeyondTheFirst() {
		Candidate agency = Candidate
			.of(AgencyRecord.create(row("Agence de la Gare", "", "contact@gare.fr", "", "", "75008", "", "", "", "")));
		assertThat(agency.hasPhones()).isFalse();
		for (int i = 1; i < 60; i++) {
			agency.fill(row("Agence de la Gare", "", "vente" + i + "@gare.fr", "01 23 45 67 " + (10 + i), "", "", "",
					"", "", ""));
		}

		assertThat(agency.sharesEmail(Candidate.hashes(List.of("contact@gare.fr")))).isTrue();
		assertThat(agency.sharesEmail(Candidate.hashes(List.of("autre@gare.fr", "vente49@gare.fr")))).isTrue();
		assertThat(agency.sharesEmail(Candidate.hashes(List.of("vente50@gare.fr")))).as("past the cap").isFalse();
		assertThat(agency.sharesPhone(Candidate.hashes(List.of("+33123456711", "+33123456760")))).isTrue();
		assertThat(agency.sharesPhone(Candidate.hashes(List.of("+33123456761")))).as("past the cap").isFalse();
		assertThat(agency.listedCount()).isEqualTo(2 * AgencyRecord.LISTED);
		long[] keys = new long[agency.listedCount()];
		assertThat(agency.putContacts(keys, 0, 1, 2)).isEqualTo(keys.length);
		assertThat(keys[0]).isEqualTo(Candidate.hash("contact@gare.fr") ^ 1);
		assertThat(keys[AgencyRecord.LISTED]).isEqualTo(Candidate.hash("+33123456711") ^ 2);
		// full lists: a new address changes nothing stored
		assertThat(agency
			.wouldChange(row("Agence de la Gare", "", "neuf@gare.fr", "01 99 99 99 99", "", "", "", "", "", "")))
			.isFalse();
	}

	@Test
	void aNameAndTradeNameThatComeLaterAreKeptByTheirKeys() {
		RowNormaliser named = new RowNormaliser(
				ColumnMapping.detect(List.of("Raison sociale", "Enseigne", "E-mail", "Site web"), Map.of()));
		Candidate agency = Candidate.of(AgencyRecord
			.create(named.normalise(new SourceRow(1, List.of("", "", "contact@gare.fr", "www.c21-gare.fr"), "", null))
				.agency()));
		assertThat(agency.domainIdentifies()).isTrue();
		AgencyValues later = named
			.normalise(new SourceRow(2, List.of("SARL Gare Immo", "Century 21 Gare", "contact@gare.fr", ""), "", null))
			.agency();

		assertThat(agency.wouldChange(later)).isTrue();
		agency.fill(later);

		assertThat(agency.names).isEqualTo(NameForms.of(later.nameKey(), "Century 21 Gare"));
		assertThat(agency.domain).isEqualTo(Candidate.hash("c21-gare.fr"));
		assertThat(agency.domainIdentifies()).as("a network's agency now").isFalse();
		AgencyValues another = named
			.normalise(new SourceRow(3, List.of("SARL Gare Immo", "Orpi Gare", "contact@gare.fr", ""), "", null))
			.agency();
		assertThat(agency.wouldChange(another)).as("the first trade name stays").isFalse();
		agency.fill(another);
		assertThat(agency.names.tradeKey()).isEqualTo(NameKey.of("Century 21 Gare"));
	}

	@Test
	void keepsItsAddressAsTheWordsMatchingCompares() {
		for (String address : List.of("12 Rue de l'Église", "3 avenue Jean-Jaurès, Bâtiment B", "5 路 Œuvre ☃")) {
			Candidate agency = Candidate.of(AgencyRecord
				.create(row("Agence de la Gare", "", "contact@gare.fr", "", address, "", "", "", "", "")));
			assertThat(agency.addressWords()).as(address).isEqualTo(Candidate.words(address)).isNotEmpty();
		}
		Candidate without = Candidate
			.of(AgencyRecord.create(row("Agence de la Gare", "", "contact@gare.fr", "", "", "", "", "", "", "")));
		assertThat(without.addressWords()).isNull();
		without.fill(row("Agence de la Gare", "", "", "", "9 quai du Port", "", "", "", "", ""));
		assertThat(without.addressWords()).isEqualTo("9 quai du port");
	}

	@Test
	void anAddressBeginsAtItsStreet() {
		assertThat(Candidate.words("1er étage, 74 bis Rue du Général de Gaulle"))
			.isEqualTo(Candidate.words("74 bis rue du General de Gaulle"));
		assertThat(Candidate.words("Immeuble Le Central - 64 Impasse Jean Moulin")).isEqualTo("64 impasse jean moulin");
		assertThat(Candidate.words("Résidence Le Parc, 100 rue Foch")).isEqualTo("100 rue foch");
		assertThat(Candidate.words("Bât. A, 3e étage, 12 rue de la Paix")).isEqualTo("12 rue de la paix");
		// a street that begins with a word, or a building with no street after it
		assertThat(Candidate.words("Place de la Gare")).isEqualTo("place de la gare");
		assertThat(Candidate.words("Centre commercial Les Arcades")).isEqualTo("centre commercial les arcades");
		assertThat(Candidate.words("12 rue de la Paix")).isEqualTo("12 rue de la paix");
	}

	private AgencyValues row(String... cells) {
		return this.normaliser.normalise(new SourceRow(1, List.of(cells), "", null)).agency();
	}

}
