package fr.atlas.prospects.internal;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A row the import merges into an agency named by its company, and that goes by another
 * name, gives the agency its trade name, as a person's merge does (ADR 0103, ADR 0108).
 */
class SignTakenByTheImportTests {

	private final RowNormaliser normaliser = new RowNormaliser(ColumnMapping.detect(
			List.of("Raison sociale", "Enseigne", "SIRET", "E-mail", "Téléphone", "Adresse", "Code postal", "Ville"),
			Map.of()));

	private AgencyValues row(String name, String trade, String siret, String address, String postcode, String city) {
		return this.normaliser
			.normalise(new SourceRow(1, List.of(name, trade, siret, "", "", address, postcode, city), "", null))
			.agency();
	}

	private AgencyValues withSiret(String name, String siret) {
		return row(name, "", siret, "", "", "");
	}

	@Test
	void aSignAtTheCompanysDoorBecomesItsTradeNameAndFindsItsOtherRows() {
		ImportBatch.Pool pool = new ImportBatch.Pool();
		ImportBatch.Pool.Decision company = pool
			.decide(row("SA MORIN IMMO", "", "", "5 CHE DES ECOLES", "44000", "NANTES"));
		ImportBatch.Pool.Decision sign = pool
			.decide(row("Maison Morin", "", "", "5 chemin des Écoles", "44000", "Nantes"));
		assertThat(sign.created()).isNull();
		assertThat(sign.target()).isSameAs(company.target());
		assertThat(sign.values().tradeName()).isEqualTo("Maison Morin");
		assertThat(sign.values().name()).isEqualTo("Maison Morin");
		assertThat(company.created().tradeName).isNull();
		// the agency is known by its sign: a row that gives only the sign and the town
		// now finds it
		ImportBatch.Pool.Decision again = pool.decide(row("MAISON MORIN", "", "", "", "44000", "Nantes"));
		assertThat(again.created()).isNull();
		assertThat(again.target()).isSameAs(company.target());
		assertThat(pool.size()).isEqualTo(1);
	}

	@Test
	void aNetworksSignGivenWithTheCompanysSiretIsItsTradeName() {
		ImportBatch.Pool pool = new ImportBatch.Pool();
		ImportBatch.Pool.Decision company = pool
			.decide(withSiret("SA MOREAU DURAND TRANSACTIONS", "732 829 320 00074"));
		ImportBatch.Pool.Decision sign = pool.decide(withSiret("Orpi Moreau Immobilier", "73282932000074"));
		assertThat(sign.target()).isSameAs(company.target());
		assertThat(sign.values().tradeName()).isEqualTo("Orpi Moreau Immobilier");
	}

	@Test
	void theSameNameWrittenAnotherWayIsNoSign() {
		ImportBatch.Pool pool = new ImportBatch.Pool();
		pool.decide(withSiret("SARL AGENCE DU PORT DE VANNES", "732 829 320 00074"));
		// a typo
		assertThat(pool.decide(withSiret("Agence du Prot de Vannes", "73282932000074")).values().tradeName()).isNull();
		// a word before it
		assertThat(pool.decide(withSiret("Cabinet Agence du Port de Vannes", "73282932000074")).values().tradeName())
			.isNull();
		// the same name without its legal form
		assertThat(pool.decide(withSiret("Agence du Port de Vannes", "73282932000074")).values().tradeName()).isNull();
		// a typo on each side
		assertThat(pool.decide(withSiret("Agence du Prot de Vanne", "73282932000074")).values().tradeName()).isNull();
		// words every agency uses tell nothing
		assertThat(pool.decide(withSiret("Agence Immobilière", "73282932000074")).values().tradeName()).isNull();
		assertThat(pool.size()).isEqualTo(1);
	}

	@Test
	void aCompanyNamedAfterItsNetworkTakesNoOtherSignOfIt() {
		// a typo the name key reads as a number ("mille"): the network's name says it is
		// the same sign
		ImportBatch.Pool pool = new ImportBatch.Pool();
		pool.decide(withSiret("guy hoquet hôtel de mille EURL", "732 829 320 00074"));
		ImportBatch.Pool.Decision sign = pool.decide(withSiret("Guy Hoquet Hôtel de Ville", "73282932000074"));
		assertThat(sign.created()).isNull();
		assertThat(sign.values().tradeName()).isNull();
	}

	@Test
	void aTradeNameOfItsOwnOrAnAgencyThatHasOneKeepsItsNames() {
		ImportBatch.Pool pool = new ImportBatch.Pool();
		pool.decide(row("SAS CAP HABITAT SUD", "Cap Habitat", "732 829 320 00074", "", "", ""));
		assertThat(pool.decide(withSiret("Les Toits Bleus", "73282932000074")).values().tradeName()).isNull();

		ImportBatch.Pool other = new ImportBatch.Pool();
		other.decide(withSiret("SAS CAP HABITAT SUD", "732 829 320 00074"));
		ImportBatch.Pool.Decision given = other
			.decide(row("Les Toits Bleus", "Toits Bleus Immobilier", "73282932000074", "", "", ""));
		assertThat(given.values().tradeName()).isEqualTo("Toits Bleus Immobilier");
	}

	@Test
	void aCompanyNameAfterTheSignLeavesTheSignAsTheName() {
		// what the agency is called is the first row's; the register's name is kept in
		// the provenance, as before
		ImportBatch.Pool pool = new ImportBatch.Pool();
		pool.decide(withSiret("Maison Morin", "732 829 320 00074"));
		ImportBatch.Pool.Decision company = pool.decide(withSiret("SA MORIN IMMO", "73282932000074"));
		assertThat(company.created()).isNull();
		assertThat(company.values().tradeName()).isNull();
	}

	@Test
	void aNewAgencyKeepsTheRowsValues() {
		ImportBatch.Pool pool = new ImportBatch.Pool();
		ImportBatch.Pool.Decision created = pool.decide(withSiret("Maison Morin", "732 829 320 00074"));
		assertThat(created.values().tradeName()).isNull();
		assertThat(created.values().name()).isEqualTo("Maison Morin");
	}

}
