package fr.atlas.prospects.internal;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rows that give a name and nothing else (ADR 0059): the same name alone again is the
 * record again; a name alone that an agency saying more bears too is for a person, when
 * few agencies bear it.
 */
class NameAloneTests {

	private final RowNormaliser normaliser = new RowNormaliser(ColumnMapping.detect(
			List.of("Raison sociale", "Enseigne", "SIRET", "E-mail", "Téléphone", "Adresse", "Code postal", "Ville"),
			Map.of()));

	private AgencyValues row(String name, String trade, String siret, String email, String phone, String address,
			String postcode, String city) {
		return this.normaliser
			.normalise(new SourceRow(1, List.of(name, trade, siret, email, phone, address, postcode, city), "", null))
			.agency();
	}

	private AgencyValues named(String name) {
		return row(name, "", "", "", "", "", "", "");
	}

	private AgencyValues inTown(String name, String city) {
		return row(name, "", "", "", "", "", "", city);
	}

	@Test
	void theSameNameAloneTwiceIsTheRecordAgain() {
		ImportBatch.Pool pool = new ImportBatch.Pool();
		ImportBatch.Pool.Decision first = pool.decide(named("Cabinet Seul Nom"));
		assertThat(first.created()).isNotNull();
		assertThat(first.match()).isNull();
		// written another way: case, accents, a legal form
		ImportBatch.Pool.Decision again = pool.decide(named("CABINET SEUL NOM SARL"));
		assertThat(again.created()).isNull();
		assertThat(again.target()).isSameAs(first.target());
		assertThat(again.match()).isNotNull().satisfies((m) -> {
			assertThat(m.automatic()).isTrue();
			assertThat(m.reasons()).containsExactly("name:1.00", "same_record");
		});
		assertThat(pool.size()).isEqualTo(1);
	}

	@Test
	void theSameNameWithAnotherTradeNameIsForAPerson() {
		ImportBatch.Pool pool = new ImportBatch.Pool();
		pool.decide(named("Cabinet Seul Nom"));
		ImportBatch.Pool.Decision other = pool
			.decide(row("Cabinet Seul Nom", "Les Toits Bleus", "", "", "", "", "", ""));
		assertThat(other.created()).isNotNull();
		assertThat(other.match()).isNotNull().satisfies((m) -> {
			assertThat(m.automatic()).isFalse();
			assertThat(m.reasons()).contains("name_only");
		});
	}

	@Test
	void namesATypoApartStayApart() {
		ImportBatch.Pool pool = new ImportBatch.Pool();
		pool.decide(named("Cabinet Seul Nom"));
		ImportBatch.Pool.Decision typo = pool.decide(named("Cabinet Seul Non"));
		assertThat(typo.created()).isNotNull();
		assertThat(typo.match()).isNull();
		assertThat(pool.size()).isEqualTo(2);
	}

	@Test
	void aNetworksNameOrAGenericNameAloneIsNoAgency() {
		ImportBatch.Pool pool = new ImportBatch.Pool();
		for (String name : List.of("Century 21", "Orpi", "Laforêt Immobilier", "Agence Immobilière")) {
			pool.decide(named(name));
			ImportBatch.Pool.Decision again = pool.decide(named(name));
			assertThat(again.created()).as(name).isNotNull();
			assertThat(again.match()).as(name).isNull();
		}
		assertThat(pool.size()).isEqualTo(8);
		// nor against one of the network's agencies that says where it is
		pool.decide(inTown("Orpi Gare", "Rennes"));
		assertThat(pool.decide(named("Orpi Gare")).match()).isNull();
	}

	@Test
	void aNameAloneThatAnAgencySayingMoreBearsIsForAPerson() {
		ImportBatch.Pool pool = new ImportBatch.Pool();
		ImportBatch.Pool.Decision lyon = pool.decide(inTown("Cabinet Seul Nom", "Lyon"));
		ImportBatch.Pool.Decision alone = pool.decide(named("Cabinet Seul Nom"));
		assertThat(alone.created()).isNotNull();
		assertThat(alone.match()).isNotNull().satisfies((m) -> {
			assertThat(m.agency()).isSameAs(lyon.target());
			assertThat(m.automatic()).isFalse();
			assertThat(m.confidence()).isGreaterThanOrEqualTo(Deduplication.REVIEW);
			assertThat(m.reasons()).containsExactly("name:1.00", "name_only");
		});
		// and the same name alone again is that row's agency, not the one of Lyon
		ImportBatch.Pool.Decision again = pool.decide(named("Cabinet Seul Nom"));
		assertThat(again.target()).isSameAs(alone.target());
		assertThat(again.match()).isNotNull().satisfies((m) -> assertThat(m.reasons()).contains("same_record"));
	}

	@Test
	void eachOfAFewNamesakesIsForAPersonWhicheverComesFirst() {
		ImportBatch.Pool pool = new ImportBatch.Pool();
		Candidate lyon = pool.decide(inTown("Cabinet Seul Nom", "Lyon")).target();
		Candidate siret = pool.decide(row("Cabinet Seul Nom", "", "54205118000066", "", "", "", "", "")).target();
		ImportBatch.Pool.Decision alone = pool.decide(named("Cabinet Seul Nom"));
		assertThat(alone.match()).extracting(Deduplication.Match::agency).isEqualTo(lyon);
		assertThat(alone.namesakes()).extracting(Deduplication.Match::agency).containsExactly(siret);

		// the other way round: the agency of the name alone first
		ImportBatch.Pool reversed = new ImportBatch.Pool();
		Candidate known = reversed.decide(named("Cabinet Seul Nom")).target();
		ImportBatch.Pool.Decision placed = reversed.decide(inTown("Cabinet Seul Nom", "Lyon"));
		assertThat(placed.created()).isNotNull();
		assertThat(placed.match()).isNotNull().satisfies((m) -> {
			assertThat(m.agency()).isSameAs(known);
			assertThat(m.automatic()).isFalse();
			assertThat(m.reasons()).contains("name_only");
		});
	}

	@Test
	void aCommonNameIsPutToNobody() {
		ImportBatch.Pool pool = new ImportBatch.Pool();
		for (String city : List.of("Lyon", "Nantes", "Brest")) {
			pool.decide(inTown("Cabinet Seul Nom", city));
		}
		// three agencies bear it: a person looks at each
		ImportBatch.Pool.Decision alone = pool.decide(named("Cabinet Seul Nom"));
		assertThat(alone.match()).isNotNull();
		assertThat(alone.namesakes()).hasSize(2);

		ImportBatch.Pool common = new ImportBatch.Pool();
		for (String city : List.of("Lyon", "Nantes", "Brest", "Lille")) {
			common.decide(inTown("Cabinet Seul Nom", city));
		}
		// four: a common name, which tells no agency
		ImportBatch.Pool.Decision none = common.decide(named("Cabinet Seul Nom"));
		assertThat(none.created()).isNotNull();
		assertThat(none.match()).isNull();
		assertThat(none.namesakes()).isEmpty();
		// its rows alone are still one record
		assertThat(common.decide(named("Cabinet Seul Nom")).target()).isSameAs(none.target());
		// and a fifth agency of that name is not put against the one of the name alone
		assertThat(common.decide(inTown("Cabinet Seul Nom", "Metz")).match()).isNull();
	}

	@Test
	void oneCompanysAgenciesOfOtherTradeNamesAreNoNamesakes() {
		ImportBatch.Pool pool = new ImportBatch.Pool();
		pool.decide(row("SAS Cap Invest Est", "Agence du Vieux Port", "", "", "", "", "10000", "Troyes"));
		ImportBatch.Pool.Decision alone = pool
			.decide(row("SARL Cap Invest Est", "Immobilière Marchal", "", "", "", "", "", ""));
		assertThat(alone.created()).isNotNull();
		assertThat(alone.match()).isNull();
		// the other way round
		assertThat(pool.decide(row("Cap Invest Est", "Agence des Remparts", "", "", "", "", "51100", "Reims")).match())
			.isNull();
		// the trade name that the row gives is an agency's own
		assertThat(pool.decide(row("SAS Immobilière Marchal", "", "", "", "", "", "83700", "Saint-Raphaël")).match())
			.isNotNull()
			.satisfies((m) -> assertThat(m.reasons()).contains("name_only"));
	}

	@Test
	void theCapCountsTheAgenciesOfTheNameAndOfTheTradeNameTogether() {
		ImportBatch.Pool pool = new ImportBatch.Pool();
		pool.decide(inTown("Cabinet Seul Nom", "Lyon"));
		pool.decide(inTown("Cabinet Seul Nom", "Nantes"));
		pool.decide(inTown("Les Toits Bleus", "Brest"));
		pool.decide(inTown("Les Toits Bleus", "Lille"));
		// four agencies bear one of its two names
		ImportBatch.Pool.Decision alone = pool
			.decide(row("Cabinet Seul Nom", "Les Toits Bleus", "", "", "", "", "", ""));
		assertThat(alone.match()).isNull();
		// the other way round: a name alone is put against three agencies at most
		ImportBatch.Pool reversed = new ImportBatch.Pool();
		reversed.decide(row("Cabinet Seul Nom", "Les Toits Bleus", "", "", "", "", "", ""));
		List<Boolean> queued = new java.util.ArrayList<>();
		for (String city : List.of("Lyon", "Nantes", "Brest", "Lille")) {
			queued.add(reversed.decide(
					inTown(city.equals("Brest") || city.equals("Lille") ? "Les Toits Bleus" : "Cabinet Seul Nom", city))
				.match() != null);
		}
		assertThat(queued).containsExactly(true, true, true, false);
	}

	@Test
	void aRowOfANameAndAnythingElseIsNotANameAlone() {
		ImportBatch.Pool pool = new ImportBatch.Pool();
		pool.decide(named("Cabinet Seul Nom"));
		// an e-mail: two rows of that name, one of them saying more, for a person
		ImportBatch.Pool.Decision mail = pool.decide(row("Cabinet Seul Nom", "", "", "a@seul-nom.fr", "", "", "", ""));
		assertThat(mail.created()).isNotNull();
		assertThat(mail.match()).isNotNull().satisfies((m) -> assertThat(m.automatic()).isFalse());
	}

}
