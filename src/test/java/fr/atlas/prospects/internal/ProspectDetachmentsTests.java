package fr.atlas.prospects.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The agency a detached row leaves, worked out again from its other sources by the rule
 * of every merge (ADR 0092).
 */
class ProspectDetachmentsTests {

	static final UUID JOB = UUID.randomUUID();

	static final Instant IMPORTED = Instant.parse("2026-12-01T08:00:00Z");

	@Test
	void rowsFillWhatIsEmptyInTheirOrderAndJoinTheirLists() {
		AgencyRecord agency = ProspectDetachments.rebuild(UUID.randomUUID(), List.of(
				row(1, "CREATED",
						Map.of("name", "Orpi Lyon 7", "postcode", "69007", "city", "Lyon", "emails", "lyon7@orpi.fr",
								"listing_count", "40")),
				row(3, "MERGED",
						Map.of("name", "Orpi Lyon 7 Jean Macé", "address", "3 place Jean Macé", "emails",
								"accueil@orpi.fr lyon7@orpi.fr", "listing_count", "41", "tags", "salon,2026"))),
				List.of());
		assertThat(agency.name).isEqualTo("Orpi Lyon 7");
		assertThat(agency.nameKey).isNotEmpty();
		assertThat(agency.address).isEqualTo("3 place Jean Macé");
		assertThat(agency.postcode).isEqualTo("69007");
		assertThat(agency.department).isEqualTo("69");
		assertThat(agency.cityKey).isEqualTo("lyon");
		assertThat(agency.listingCount).isEqualTo(40);
		assertThat(agency.emails).containsExactly("lyon7@orpi.fr", "accueil@orpi.fr");
		assertThat(agency.tags).containsExactly("salon", "2026");
	}

	@Test
	void valuesPeopleSetReplaceTheirFieldAndAMergeAddsTheAbsorbedAgencysList() {
		Instant later = IMPORTED.plusSeconds(60);
		AgencyRecord agency = ProspectDetachments.rebuild(UUID.randomUUID(),
				List.of(row(1, "CREATED",
						Map.of("name", "Agence du Parc", "emails", "parc@agence.fr", "phones", "+33478000001"))),
				List.of(new ProspectDetachments.SetValue("phones", "+33478000002", later, false),
						new ProspectDetachments.SetValue("naf", "6831Z", later, false),
						new ProspectDetachments.SetValue("emails", "autre@agence.fr", later.plusSeconds(1), true),
						new ProspectDetachments.SetValue("naf", "", later.plusSeconds(2), false)));
		assertThat(agency.phones).containsExactly("+33478000002");
		assertThat(agency.emails).containsExactly("parc@agence.fr", "autre@agence.fr");
		// cleared by the last edit
		assertThat(agency.naf).isNull();
	}

	@Test
	void anAgencyLeftWithoutANameIsNamedAfterWhatReachesIt() {
		AgencyRecord agency = ProspectDetachments.rebuild(UUID.randomUUID(),
				List.of(row(2, "MERGED", Map.of("website_domain", "agence-du-lac.fr"))), List.of());
		assertThat(agency.nameKey).isEmpty();
		assertThat(agency.name).isEqualTo("agence-du-lac.fr");
	}

	private static RecordedRows.AgencyRow row(int number, String status, Map<String, String> values) {
		StringBuilder packed = new StringBuilder();
		AgencyValues.FIELDS.forEach((field) -> {
			if (values.containsKey(field)) {
				RecordedRows.pack(packed, field, values.get(field));
			}
		});
		return new RecordedRows.AgencyRow(JOB, IMPORTED,
				new RecordedRows.RecordedRow(number, status, null, "", "", null, "", packed.toString()), false);
	}

}
