package fr.atlas.prospects.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RowsSeenBeforeTests {

	private static AgencyValues row(String... fields) {
		List<Map.Entry<String, String>> entries = new ArrayList<>();
		for (int i = 0; i < fields.length; i += 2) {
			entries.add(Map.entry(fields[i], fields[i + 1]));
		}
		return ProspectDetachments.values(entries);
	}

	private static final AgencyValues PIERRE = row("name", "Agence Pierre", "siret", "94580730300017", "address",
			"10 rue Paul Bert", "postcode", "69003", "city", "Lyon", "emails", "contact@pierre.fr a@pierre.fr",
			"phones", "+33472000001", "website_domain", "pierre.fr");

	@Test
	void theValuesAnAgencysProvenanceKeepsGiveTheRowsKey() {
		// a detached row's key is worked out again from what its provenance kept
		AgencyValues kept = ProspectDetachments.values(List.copyOf(PIERRE.asFields().entrySet()));
		assertThat(RowsSeenBefore.key(kept)).isEqualTo(RowsSeenBefore.key(PIERRE)).isNotZero();
	}

	@Test
	void theSignAMatchGaveTheRowAndTheCaseOfItsTextDoNotChangeIt() {
		assertThat(RowsSeenBefore.key(PIERRE.withTradeName("Agence Pierre"))).isEqualTo(RowsSeenBefore.key(PIERRE));
		assertThat(RowsSeenBefore.key(row("name", "AGENCE PIERRE", "postcode", "69003", "city", "LYON")))
			.isEqualTo(RowsSeenBefore.key(row("name", "Agence Pierre", "postcode", "69003", "city", "Lyon")));
	}

	@Test
	void anyValueThatTellsAgenciesApartChangesIt() {
		long key = RowsSeenBefore.key(PIERRE);
		String[][] changes = { { "siret", "21573681000015" }, { "address", "12 rue Paul Bert" },
				{ "postcode", "69007" }, { "city", "Villeurbanne" }, { "emails", "contact@pierre.fr" },
				{ "phones", "+33472000002" }, { "website_domain", "pierre-immo.fr" }, { "name", "Agence Pierres" } };
		for (String[] change : changes) {
			Map<String, String> fields = new LinkedHashMap<>(PIERRE.asFields());
			fields.put(change[0], change[1]);
			AgencyValues other = ProspectDetachments.values(List.copyOf(fields.entrySet()));
			assertThat(RowsSeenBefore.key(other)).as(change[0]).isNotEqualTo(key);
		}
		// an e-mail moved to the phones' place is another row too
		assertThat(RowsSeenBefore.key(row("name", "A", "emails", "x@a.fr")))
			.isNotEqualTo(RowsSeenBefore.key(row("name", "A", "phones", "x@a.fr")));
	}

	@Test
	void accentsAndTheApostropheDoNotChangeIt() {
		// a list exported again in capitals without accents (ADR 0117)
		assertThat(RowsSeenBefore.key(row("name", "AGENCE DE L'ETOILE", "address", "10 RUE GENERAL FOY", "postcode",
				"42000", "city", "SAINT-ETIENNE")))
			.isEqualTo(RowsSeenBefore.key(row("name", "Agence de l’Étoile", "address", "10 rue Général Foy", "postcode",
					"42000", "city", "Saint-Étienne")));
	}

	@Test
	void asciiTextKeepsTheKeyEarlierImportsWrote() {
		// the key ADR 0116's code gave PIERRE and a row in capitals: their entries still
		// find their rows
		assertThat(RowsSeenBefore.key(PIERRE)).isEqualTo(8321605166936725832L);
		assertThat(RowsSeenBefore.key(row("name", "AGENCE D'ARC", "postcode", "69003", "city", "LYON")))
			.isEqualTo(-1349763140054650981L);
	}

	@Test
	void aSignOfItsOwnChangesItAndTheNameGivenAsASignDoesNot() {
		AgencyValues bare = row("name", "Cabinet Martin", "postcode", "69002", "city", "Lyon");
		AgencyValues orpi = row("name", "Cabinet Martin", "trade_name", "Orpi Bellecour", "postcode", "69002", "city",
				"Lyon");
		AgencyValues century = row("name", "Cabinet Martin", "trade_name", "Century 21 Bellecour", "postcode", "69002",
				"city", "Lyon");
		assertThat(RowsSeenBefore.key(orpi)).isNotEqualTo(RowsSeenBefore.key(century))
			.isNotEqualTo(RowsSeenBefore.key(bare));
		assertThat(RowsSeenBefore.key(bare.withTradeName("Cabinet Martin"))).isEqualTo(RowsSeenBefore.key(bare));
		assertThat(RowsSeenBefore.key(ProspectDetachments.values(List.copyOf(orpi.asFields().entrySet()))))
			.isEqualTo(RowsSeenBefore.key(orpi));
	}

}
