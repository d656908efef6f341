package fr.atlas.prospects;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import fr.atlas.support.ApiClient;
import fr.atlas.support.TestMembers;
import fr.atlas.support.WebIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /api/v1/prospects}: an agency added by hand goes through the import's
 * rules, is matched against the organisation's agencies as an import row would be, is
 * recorded with who added it, audited, and kept to the organisation.
 */
@WebIntegrationTest
@SuppressWarnings("unchecked")
class ProspectCreateApiIntegrationTests {

	@Autowired
	ApiClient api;

	@Autowired
	ProspectsApi prospects;

	@Autowired
	TestMembers members;

	@Test
	void addsAnAgencyAsTheImportWouldReadItAndRecordsWhoAddedIt() {
		var tenant = this.api.newOrganisation("Saisie");
		ResponseEntity<Map> created = this.api.post(tenant.token(), "/api/v1/prospects",
				Map.ofEntries(Map.entry("name", "SARL Agence des Remparts"), Map.entry("siret", "732 829 320 00074"),
						Map.entry("emails", List.of("CONTACT@REMPARTS.FR")),
						Map.entry("phones", List.of("0033 4.91.00.00.09")), Map.entry("postcode", "13 001"),
						Map.entry("city", "Marseille"), Map.entry("website", "https://www.remparts.fr/contact"),
						Map.entry("listingCount", "1 032"), Map.entry("tags", List.of("salon")),
						Map.entry("source", "Salon RENT 2026"), Map.entry("owner", tenant.userId().toString()),
						Map.entry("contact", Map.of("firstName", "Léa", "lastName", "Garnier", "role", "Gérante",
								"emails", List.of("LEA@REMPARTS.FR"), "phones", "06 12 34 56 78"))));
		assertThat(created.getStatusCode().value()).isEqualTo(201);
		Map<String, Object> agency = (Map<String, Object>) created.getBody().get("agency");
		String id = (String) agency.get("id");
		assertThat(created.getHeaders().getLocation()).hasToString("/api/v1/prospects/" + id);
		assertThat(agency).containsEntry("name", "SARL Agence des Remparts")
			.containsEntry("siret", "73282932000074")
			.containsEntry("siren", "732829320")
			.containsEntry("postcode", "13001")
			.containsEntry("department", "13")
			.containsEntry("website", "remparts.fr")
			.containsEntry("listingCount", 1032)
			.containsEntry("source", "Salon RENT 2026")
			.containsEntry("owner", tenant.userId().toString())
			.containsEntry("status", "ACTIVE");
		assertThat((List<String>) agency.get("emails")).containsExactly("contact@remparts.fr");
		assertThat((List<Map<String, Object>>) agency.get("phones")).extracting((p) -> p.get("number"))
			.containsExactly("+33491000009");
		// its first contact, through the contacts' own rules
		assertThat((List<Map<String, Object>>) created.getBody().get("contacts")).singleElement()
			.satisfies((contact) -> assertThat(contact).containsEntry("firstName", "Léa")
				.containsEntry("lastName", "Garnier")
				.containsEntry("role", "Gérante")
				.containsEntry("emails", List.of("lea@remparts.fr")));
		List<Map<String, Object>> sources = (List<Map<String, Object>>) created.getBody().get("sources");
		assertThat(sources).allMatch((s) -> "USER".equals(s.get("kind")))
			.extracting((s) -> s.get("field"))
			.contains("name", "siret", "emails", "phones", "postcode", "city", "website_domain", "owner_id",
					"contact_added");

		// found by the list, and by a later import of the same agency
		assertThat(this.prospects.names(tenant.token(), "/api/v1/prospects?q=remparts"))
			.containsExactly("SARL Agence des Remparts");
		Map<String, Object> later = this.prospects.importAndWait(tenant.token(), "b.csv",
				"Raison sociale;SIRET;Ville\nRemparts Immobilier;73282932000074;Marseille\n");
		assertThat(later).containsEntry("merged", 1).containsEntry("created", 0);

		List<Map<String, Object>> audit = (List<Map<String, Object>>) this.api
			.get(tenant.token(), "/api/v1/audit?entityType=prospect&entityId=" + id)
			.getBody()
			.get("items");
		assertThat(audit).extracting((e) -> e.get("action")).containsExactly("prospect.created");
		assertThat(audit.get(0).get("summary")).isEqualTo("Agence ajoutée à la main\u00A0: SARL Agence des Remparts");
	}

	@Test
	void refusesAnAgencyTheBaseHasAlreadyUnlessToldItIsAnotherOne() {
		var tenant = this.api.newOrganisation("Déjà là");
		this.prospects.importAndWait(tenant.token(), "a.csv", ProspectEditApiIntegrationTests.FILE);
		String parc = this.prospects.idOf(tenant.token(), "parc");
		Map<String, Object> again = Map.of("name", "Parc Immobilier", "emails", List.of("Parc@Agence.fr"), "postcode",
				"13001");

		ResponseEntity<Map> refused = this.api.post(tenant.token(), "/api/v1/prospects", again);
		assertThat(refused.getStatusCode().value()).isEqualTo(409);
		assertThat(refused.getBody()).containsEntry("code", "prospects.create.duplicate")
			.containsEntry("existingId", parc)
			.containsEntry("existingName", "Agence du Parc")
			.containsEntry("existingStatus", "ACTIVE");
		assertThat((List<String>) refused.getBody().get("reasons")).anyMatch((r) -> r.startsWith("email"));
		assertThat((String) refused.getBody().get("detail"))
			.contains("«\u00A0Agence du Parc\u00A0» est déjà dans votre base");
		assertThat(refused.getBody()).containsEntry("sameSiret", false);
		assertThat(this.prospects.names(tenant.token(), "/api/v1/prospects")).hasSize(2);

		// a person who knows better adds it all the same: the pair waits for review
		ResponseEntity<Map> forced = this.api.post(tenant.token(), "/api/v1/prospects", Map.of("name",
				"Parc Immobilier", "emails", List.of("Parc@Agence.fr"), "postcode", "13001", "allowDuplicate", true));
		assertThat(forced.getStatusCode().value()).isEqualTo(201);
		String id = (String) ((Map<String, Object>) forced.getBody().get("agency")).get("id");
		assertThat(this.prospects.names(tenant.token(), "/api/v1/prospects")).hasSize(3);
		List<Map<String, Object>> pairs = this.api.raw()
			.get()
			.uri("/api/v1/prospects/duplicates")
			.headers((h) -> h.setBearerAuth(tenant.token()))
			.retrieve()
			.body(List.class);
		assertThat(pairs).extracting(Set2::of).contains(Set2.of(id, parc));
	}

	@Test
	void addsOneAgencyWhenSeveralPeopleAddItAtOnce() throws Exception {
		var tenant = this.api.newOrganisation("Doubles clics");
		Map<String, Object> agency = Map.of("name", "Agence des Tilleuls", "siret", "73282932000074");
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<Integer>> statuses = new ArrayList<>();
			for (int i = 0; i < 4; i++) {
				statuses.add(pool.submit(() -> {
					start.await();
					return this.api.post(tenant.token(), "/api/v1/prospects", agency).getStatusCode().value();
				}));
			}
			start.countDown();
			List<Integer> answers = new ArrayList<>();
			for (Future<Integer> status : statuses) {
				answers.add(status.get(30, TimeUnit.SECONDS));
			}
			assertThat(answers).containsExactlyInAnyOrder(201, 409, 409, 409);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(this.prospects.names(tenant.token(), "/api/v1/prospects")).containsExactly("Agence des Tilleuls");
		// a SIRET is one establishment's: an agency of the same SIRET is refused even
		// when said to be another
		Map<String, Object> forced = Map.of("name", "Les Tilleuls Immobilier", "siret", "73282932000074",
				"allowDuplicate", true);
		ResponseEntity<Map> refused = this.api.post(tenant.token(), "/api/v1/prospects", forced);
		assertThat(refused.getStatusCode().value()).isEqualTo(409);
		assertThat(refused.getBody()).containsEntry("code", "prospects.create.duplicate")
			.containsEntry("sameSiret", true);
		assertThat(this.prospects.names(tenant.token(), "/api/v1/prospects")).containsExactly("Agence des Tilleuls");
	}

	@Test
	void addsAnAgencyThatOnlyResemblesAnotherAndQueuesThePair() {
		var tenant = this.api.newOrganisation("Ressemblances");
		this.prospects.importAndWait(tenant.token(), "a.csv", ProspectEditApiIntegrationTests.FILE);
		String voisin = this.prospects.idOf(tenant.token(), "voisin");
		ResponseEntity<Map> created = this.api.post(tenant.token(), "/api/v1/prospects",
				Map.of("name", "Cabinet Voisine", "postcode", "13002", "city", "Marseille", "emails",
						List.of("contact@voisine-immo.fr")));
		assertThat(created.getStatusCode().value()).isEqualTo(201);
		List<Map<String, Object>> duplicates = (List<Map<String, Object>>) created.getBody().get("duplicates");
		String id = (String) ((Map<String, Object>) created.getBody().get("agency")).get("id");
		assertThat(duplicates).extracting(Set2::of).containsExactly(Set2.of(id, voisin));
		assertThat(((Number) duplicates.get(0).get("confidence")).doubleValue()).isLessThan(0.9);

		// one alone in its town is just added
		ResponseEntity<Map> alone = this.api.post(tenant.token(), "/api/v1/prospects",
				Map.of("name", "Immobilière des Calanques", "postcode", "13009"));
		assertThat(alone.getStatusCode().value()).isEqualTo(201);
		assertThat((List<Object>) alone.getBody().get("duplicates")).isEmpty();
	}

	@Test
	void matchesANameAloneByItsNameAsAnImportRowWould() {
		var tenant = this.api.newOrganisation("Noms seuls");
		var other = this.api.newOrganisation("Noms seuls ailleurs");
		ResponseEntity<Map> first = this.api.post(tenant.token(), "/api/v1/prospects",
				Map.of("name", "Cabinet Seul Nom"));
		assertThat(first.getStatusCode().value()).isEqualTo(201);
		String alone = (String) ((Map<String, Object>) first.getBody().get("agency")).get("id");

		// the same name alone again is that agency (ADR 0059)
		ResponseEntity<Map> again = this.api.post(tenant.token(), "/api/v1/prospects",
				Map.of("name", "CABINET SEUL NOM SARL"));
		assertThat(again.getStatusCode().value()).isEqualTo(409);
		assertThat(again.getBody()).containsEntry("existingId", alone);
		assertThat((List<String>) again.getBody().get("reasons")).contains("same_record");

		// the name with a town may be another agency of that name: added, and put to a
		// person
		ResponseEntity<Map> placed = this.api.post(tenant.token(), "/api/v1/prospects",
				Map.of("name", "Cabinet Seul Nom", "postcode", "69003", "city", "Lyon"));
		assertThat(placed.getStatusCode().value()).isEqualTo(201);
		String inLyon = (String) ((Map<String, Object>) placed.getBody().get("agency")).get("id");
		List<Map<String, Object>> pairs = (List<Map<String, Object>>) placed.getBody().get("duplicates");
		assertThat(pairs).extracting(Set2::of).containsExactly(Set2.of(inLyon, alone));
		assertThat((List<String>) pairs.get(0).get("reasons")).contains("name_only");

		// and the other way round: a name alone that an agency of a town bears
		this.api.post(tenant.token(), "/api/v1/prospects",
				Map.of("name", "Immobilière Lumière", "postcode", "33000", "city", "Bordeaux"));
		String lumiere = this.prospects.idOf(tenant.token(), "lumi");
		ResponseEntity<Map> nameOnly = this.api.post(tenant.token(), "/api/v1/prospects",
				Map.of("name", "Immobiliere Lumiere"));
		assertThat(nameOnly.getStatusCode().value()).isEqualTo(201);
		String lumiereAlone = (String) ((Map<String, Object>) nameOnly.getBody().get("agency")).get("id");
		assertThat((List<Map<String, Object>>) nameOnly.getBody().get("duplicates")).extracting(Set2::of)
			.containsExactly(Set2.of(lumiereAlone, lumiere));

		// another organisation's agency of that name alone is no match
		ResponseEntity<Map> elsewhere = this.api.post(other.token(), "/api/v1/prospects",
				Map.of("name", "Cabinet Seul Nom"));
		assertThat(elsewhere.getStatusCode().value()).isEqualTo(201);
		assertThat((List<Object>) elsewhere.getBody().get("duplicates")).isEmpty();
	}

	@Test
	void refusesBadValuesWithTheirReasonAndAddsNothing() {
		var tenant = this.api.newOrganisation("Saisie fausse");
		ResponseEntity<Map> refused = this.api.post(tenant.token(), "/api/v1/prospects", Map.of("siret",
				"73282932000075", "emails", List.of("pas-un-email"), "owner", "personne", "allowDuplicate", "oui"));
		assertThat(refused.getStatusCode().value()).isEqualTo(400);
		assertThat((List<Map<String, Object>>) refused.getBody().get("errors"))
			.extracting((e) -> e.get("field") + " " + e.get("code"))
			.containsExactly("allowDuplicate prospects.create.not-boolean");

		refused = this.api.post(tenant.token(), "/api/v1/prospects",
				Map.of("siret", "73282932000075", "emails", List.of("pas-un-email"), "owner", "personne"));
		assertThat((List<Map<String, Object>>) refused.getBody().get("errors"))
			.extracting((e) -> e.get("field") + " " + e.get("code"))
			.containsExactlyInAnyOrder("name prospects.create.name-required",
					"siret prospects.problem.siret.invalid_checksum", "emails prospects.problem.email.invalid",
					"owner prospects.edit.unknown-owner");
		assertThat(this.api.post(tenant.token(), "/api/v1/prospects", Map.of("name", "- . -")).getBody().get("errors"))
			.asString()
			.contains("name", "prospects.create.name-required");
		assertThat(this.api.post(tenant.token(), "/api/v1/prospects", Map.of("name", "Agence", "pointure", 42))
			.getBody()
			.get("errors")).asString().contains("prospects.edit.unknown-field");
		assertThat(this.api.post(tenant.token(), "/api/v1/prospects", Map.of()).getBody().get("errors")).asString()
			.contains("prospects.create.nothing");
		// a first contact's problems come with the agency's, under "contact."
		assertThat((List<Map<String, Object>>) this.api
			.post(tenant.token(), "/api/v1/prospects",
					Map.of("name", "Agence Nouvelle", "siret", "73282932000075", "contact",
							Map.of("lastName", "Garnier", "emails", List.of("lea@"), "pointure", 42)))
			.getBody()
			.get("errors")).extracting((e) -> e.get("field") + " " + e.get("code"))
			.containsExactlyInAnyOrder("siret prospects.problem.siret.invalid_checksum",
					"contact.pointure prospects.edit.unknown-field");
		assertThat((List<Map<String, Object>>) this.api
			.post(tenant.token(), "/api/v1/prospects",
					Map.of("name", "Agence Nouvelle", "contact", Map.of("emails", List.of("lea@"))))
			.getBody()
			.get("errors")).extracting((e) -> e.get("field") + " " + e.get("code"))
			.containsExactly("contact.emails prospects.problem.contact_email.invalid");
		assertThat(
				this.api.post(tenant.token(), "/api/v1/prospects", Map.of("name", "Agence Nouvelle", "contact", "Léa"))
					.getBody()
					.get("errors"))
			.asString()
			.contains("prospects.create.contact-not-object");

		Map<String, Object> english = this.api.raw().post().uri("/api/v1/prospects").headers((h) -> {
			h.setBearerAuth(tenant.token());
			h.set("Accept-Language", "en");
		})
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("name", " "))
			.retrieve()
			.onStatus((status) -> true, (request, response) -> {
			})
			.body(Map.class);
		assertThat(english.get("errors")).asString().contains("name cannot be empty");
		assertThat(this.prospects.names(tenant.token(), "/api/v1/prospects")).isEmpty();
	}

	@Test
	void anotherOrganisationNeitherSeesItNorStopsIt() {
		var owner = this.api.newOrganisation("Agence A");
		var other = this.api.newOrganisation("Agence B");
		this.prospects.importAndWait(other.token(), "a.csv",
				"Raison sociale;SIRET;E-mail\nAgence des Remparts;73282932000074;contact@remparts.fr\n");
		// the same agency in another organisation's base does not stop this one
		ResponseEntity<Map> created = this.api.post(owner.token(), "/api/v1/prospects", Map.of("name",
				"Agence des Remparts", "siret", "73282932000074", "emails", List.of("contact@remparts.fr")));
		assertThat(created.getStatusCode().value()).isEqualTo(201);
		assertThat((List<Object>) created.getBody().get("duplicates")).isEmpty();
		String id = (String) ((Map<String, Object>) created.getBody().get("agency")).get("id");
		assertThat(this.api.get(other.token(), "/api/v1/prospects/" + id).getStatusCode().value()).isEqualTo(404);
		assertThat(this.prospects.names(other.token(), "/api/v1/prospects")).hasSize(1);
		// nor hands it to one of the other organisation's members
		assertThat(this.api
			.post(owner.token(), "/api/v1/prospects",
					Map.of("name", "Agence Nouvelle", "owner", other.userId().toString()))
			.getStatusCode()
			.value()).isEqualTo(400);

		String viewerToken = this.members.addSignedIn(this.api, owner, "Lecteur", "VIEWER").token();
		assertThat(this.api.post(viewerToken, "/api/v1/prospects", Map.of("name", "Agence du Lecteur"))
			.getStatusCode()
			.value()).isEqualTo(403);
		assertThat(this.prospects.names(owner.token(), "/api/v1/prospects")).containsExactly("Agence des Remparts");
	}

	/** An unordered pair, so a pair is found whichever of its agencies came first. */
	private record Set2(Object a, Object b) {

		/** The two agencies of a pair as the API gives it. */
		static Set2 of(Map<String, Object> pair) {
			return of(((Map<String, Object>) pair.get("agency")).get("id"),
					((Map<String, Object>) pair.get("other")).get("id"));
		}

		static Set2 of(Object a, Object b) {
			return (a.toString().compareTo(b.toString()) <= 0) ? new Set2(a, b) : new Set2(b, a);
		}

	}

}
