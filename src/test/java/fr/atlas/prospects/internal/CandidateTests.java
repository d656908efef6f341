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

	private AgencyValues row(String... cells) {
		return this.normaliser.normalise(new SourceRow(1, List.of(cells), "", null)).agency();
	}

}
