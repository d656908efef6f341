package fr.atlas.cases;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.atlas.cases.CasePagesIntegrationTests.Session;
import fr.atlas.platform.CurrentTenant;
import fr.atlas.platform.OrgId;
import fr.atlas.support.ApiClient;
import fr.atlas.support.ApiClient.Tenant;
import fr.atlas.support.WebIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static fr.atlas.cases.CasePagesIntegrationTests.attribute;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Transitions started from the rows of the list (htmx, same rules as the board) and the
 * board's cap of 500 cards with counts of every case, a notice and "voir plus".
 */
@WebIntegrationTest
@SuppressWarnings("unchecked")
class CaseListAndBoardIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	ApiClient api;

	@Test
	void listRowsOfferTheAllowedTransitionsAndExplainRefusals() throws Exception {
		Tenant tenant = this.api.newOrganisation("Agence Liste Active");
		String id = (String) this.api
			.post(tenant.token(), "/api/v1/cases", Map.of("caseType", "LEAD_ACHAT", "title", "Appartement Bastille"))
			.getBody()
			.get("id");
		Session browser = new Session(this.port, tenant.email());

		String list = browser.get("/cases?type=LEAD_ACHAT").body();
		String row = row(list, id);
		assertThat(row)
			.contains("hx-post=\"/cases/" + id + "/list-transition\"", "data-transition=\"qualify\"",
					"data-transition=\"lose\"", "Perdre…", "name=\"lossReason\" required", "Motif de perte")
			// Only transitions from the case's state: no "win" from NEW.
			.doesNotContain("data-transition=\"win\"");
		assertThat(list).contains("hx-headers=");
		String token = attribute(list, "name=\"_csrf\" value");

		HttpResponse<String> refused = browser.post("/cases/" + id + "/list-transition",
				Map.of("transition", "qualify", "version", "0"), token);
		assertThat(refused.statusCode()).isEqualTo(200);
		assertThat(refused.body()).startsWith("<tr")
			.contains("id=\"case-row-" + id + "\"", "Budget (€), Financement", "role=\"alert\"", "data-state=\"NEW\"");

		HttpResponse<String> qualified = browser.post("/cases/" + id + "/list-transition",
				Map.of("transition", "qualify", "version", "0", "budget", "350000", "financing", "CASH"), token);
		assertThat(qualified.body()).contains("data-state=\"QUALIFIED\"", "Passé à «\u00a0Qualifié\u00a0»",
				"data-transition=\"plan_visit\"");

		HttpResponse<String> stale = browser.post("/cases/" + id + "/list-transition",
				Map.of("transition", "plan_visit", "version", "0"), token);
		assertThat(stale.body()).contains("data-state=\"QUALIFIED\"", "modifié entre-temps");

		HttpResponse<String> noReason = browser.post("/cases/" + id + "/list-transition",
				Map.of("transition", "lose", "version", "1", "lossReason", " "), token);
		assertThat(noReason.body()).contains("data-state=\"QUALIFIED\"", "lossReason");
		HttpResponse<String> lost = browser.post("/cases/" + id + "/list-transition",
				Map.of("transition", "lose", "version", "1", "lossReason", "Budget trop juste"), token);
		assertThat(lost.body()).contains("data-state=\"LOST\"", "Passé à «\u00a0Perdu\u00a0»")
			.doesNotContain("data-transition=");
		assertThat(this.api.get(tenant.token(), "/api/v1/cases/" + id).getBody()).containsEntry("state", "LOST");

		assertThat(browser.post("/cases/" + id + "/list-transition", Map.of("transition", "lose"), null).statusCode())
			.isEqualTo(403);
		Session other = new Session(this.port, this.api.newOrganisation("Agence Liste Voisine").email());
		String otherToken = attribute(other.get("/cases").body(), "name=\"_csrf\" value");
		assertThat(
				other.post("/cases/" + id + "/list-transition", Map.of("transition", "lose"), otherToken).statusCode())
			.isEqualTo(404);
	}

	@Test
	void boardDrawsAtMost500CardsCountsEveryCaseAndLoadsMorePerColumn() throws Exception {
		Tenant tenant = this.api.newOrganisation("Agence Très Occupée");
		// 620 leads: 400 new, 160 qualified, 60 in visit; the newest is number 1.
		CurrentTenant.runAs(OrgId.of(tenant.orgId()),
				() -> this.transactions.executeWithoutResult((tx) -> this.jdbc.sql("""
						insert into case_file (org_id, id, case_type, workflow_version, state, reference, title,
						    state_entered_at, created_at, updated_at)
						select ?, gen_random_uuid(), 'LEAD_ACHAT', 1,
						       case when g <= 400 then 'NEW' when g <= 560 then 'QUALIFIED' else 'VISIT' end,
						       'BULK-' || g, 'Lead en masse ' || g, now(), now() - g * interval '1 minute', now()
						from generate_series(1, 620) g""").param(tenant.orgId()).update()));
		Session browser = new Session(this.port, tenant.email());

		String board = browser.get("/cases/board?type=LEAD_ACHAT").body();
		assertThat(count(board, "class=\"case-card")).isEqualTo(500);
		assertThat(board).contains("id=\"board-cap\"", "Le tableau affiche 500 dossiers sur 620",
				"filtrez par responsable, période ou recherche");
		assertThat(column(board, "NEW")).contains("data-total=\"400\"", "Voir plus (120 de plus)", "offset=280");
		assertThat(count(column(board, "NEW"), "class=\"case-card")).isEqualTo(280);
		assertThat(count(column(board, "QUALIFIED"), "class=\"case-card")).isEqualTo(160);
		assertThat(column(board, "QUALIFIED")).contains("data-total=\"160\"").doesNotContain("Voir plus");
		assertThat(column(board, "VISIT")).contains("data-total=\"60\"");
		// Newest first: number 1 is drawn, number 400 (the oldest new one) is not.
		assertThat(board).contains(">Lead en masse 1<").doesNotContain(">Lead en masse 400<");

		HttpResponse<String> more = browser.get("/cases/board/column?type=LEAD_ACHAT&state=NEW&offset=280");
		assertThat(more.statusCode()).isEqualTo(200);
		assertThat(count(more.body(), "class=\"case-card")).isEqualTo(50);
		assertThat(more.body()).contains("offset=330", "Voir plus (70 de plus)").doesNotContain("<html");
		String last = browser.get("/cases/board/column?type=LEAD_ACHAT&state=NEW&offset=380").body();
		assertThat(count(last, "class=\"case-card")).isEqualTo(20);
		assertThat(last).contains(">Lead en masse 400<").doesNotContain("Voir plus");

		// Narrowing filters show the rest without the notice.
		String searched = browser.get("/cases/board?type=LEAD_ACHAT&q=masse+61").body();
		assertThat(count(searched, "class=\"case-card")).isEqualTo(11);
		assertThat(searched).doesNotContain("id=\"board-cap\"").contains(">Lead en masse 619<");
		String tomorrow = LocalDate.now(ZoneId.of("Europe/Paris")).plusDays(1).toString();
		assertThat(count(browser.get("/cases/board?type=LEAD_ACHAT&from=" + tomorrow).body(), "class=\"case-card"))
			.isZero();
		assertThat(count(browser.get("/cases/board?type=LEAD_ACHAT&assignee=" + tenant.userId()).body(),
				"class=\"case-card"))
			.isZero();
	}

	@Test
	void boardColumnsShowTheSumOfTheTypesMoneyFieldAsFiltered() throws Exception {
		Tenant tenant = this.api.newOrganisation("Agence Pipeline chiffré");
		lead(tenant, "Villa Les Pins", Map.of("budget", 1_000_000));
		lead(tenant, "Appartement Vieux-Port", Map.of("budget", 250_000));
		String unpriced = lead(tenant, "Studio sans budget", Map.of());
		// another organisation's leads count nowhere here
		lead(this.api.newOrganisation("Agence Pipeline voisine"), "Château voisin", Map.of("budget", 9_000_000));
		Session browser = new Session(this.port, tenant.email());

		String board = browser.get("/cases/board?type=LEAD_ACHAT").body();
		assertThat(column(board, "NEW")).contains("data-total=\"3\"", "data-amount=\"1250000\"", "title=\"Budget (€)\"",
				"Total Budget (€)\u00a0:", ">1\u202f250\u202f000\u00a0€<");
		// an empty column shows a dash, not "0 €" (cases worth nothing)
		assertThat(column(board, "QUALIFIED")).contains("data-total=\"0\"", ">—<").doesNotContain("0\u00a0€");
		assertThat(board).doesNotContain("9\u202f000\u202f000");
		// the cards carry their amount, which a move carries to the column it reaches
		assertThat(board)
			.containsPattern("data-amount=\"1000000\"[^>]*>\\s*<a [^>]*>[^<]*</a>\\s*<span class=\"title\">Villa");

		// as filtered
		assertThat(column(browser.get("/cases/board?type=LEAD_ACHAT&q=villa").body(), "NEW"))
			.contains(">1\u202f000\u202f000\u00a0€<");
		// in the reader's language
		assertThat(column(browser.get("/cases/board?type=LEAD_ACHAT&lang=en").body(), "NEW")).contains(">€1,250,000<",
				"Total Budget (€):");
		browser.get("/cases/board?type=LEAD_ACHAT&lang=fr");

		// a move that asks the budget answers the case's amount, for the board to add
		HttpResponse<String> moved = browser.post("/cases/" + unpriced + "/move",
				Map.of("transition", "qualify", "budget", "300000", "financing", "CASH"),
				attribute(board, "data-csrf-token"));
		assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
		assertThat(moved.body()).contains("\"amount\":300000");
		assertThat(column(browser.get("/cases/board?type=LEAD_ACHAT").body(), "QUALIFIED"))
			.contains(">300\u00a0000\u00a0€<".replace("300\u00a0000", "300\u202f000"));

		// the rental board sums the rent, the first of its fields in euros
		assertThat(browser.get("/cases/board?type=LOCATION").body()).contains("title=\"Loyer (€)\"");
		// a type with no amount in euros shows no sum
		assertThat(this.api
			.post(tenant.token(), "/api/v1/case-types", Map.of("key", "ESTIMATION", "labels",
					Map.of("fr", "Estimation"), "referencePrefix", "ESTIM", "fields",
					java.util.List
						.of(Map.of("key", "surface", "type", "NUMBER", "labels", Map.of("fr", "Surface (m²)"))),
					"workflow",
					Map.of("states",
							java.util.List.of(Map.of("key", "NEW", "initial", true),
									Map.of("key", "DONE", "final", true)),
							"transitions",
							java.util.List.of(Map.of("name", "done", "from", java.util.List.of("NEW"), "to", "DONE")))))
			.getStatusCode()
			.value()).isEqualTo(201);
		assertThat(browser.get("/cases/board?type=ESTIMATION").body()).doesNotContain("column-amount");
	}

	private String lead(Tenant tenant, String title, Map<String, Object> fields) {
		return (String) this.api
			.post(tenant.token(), "/api/v1/cases", Map.of("caseType", "LEAD_ACHAT", "title", title, "fields", fields))
			.getBody()
			.get("id");
	}

	@Test
	void listSortsByItsColumnsAndPagesKeepingFiltersAndOrder() throws Exception {
		Tenant tenant = this.api.newOrganisation("Agence Liste Triée");
		Session browser = new Session(this.port, tenant.email());
		// nothing yet: the list says how to begin, not a bare "Aucun"
		String empty = browser.get("/cases").body();
		assertThat(empty).contains("Aucun dossier pour l’instant").doesNotContain("id=\"case-pager\"");
		// the form to create a case comes first, before the filters and fifty rows
		assertThat(empty.indexOf("id=\"new-case\"")).isPositive().isLessThan(empty.indexOf("id=\"case-filters\""));
		// 57 leads and three whose titles French order sorts differently from byte order
		CurrentTenant
			.runAs(OrgId.of(tenant.orgId()), () -> this.transactions.executeWithoutResult((tx) -> this.jdbc.sql("""
					insert into case_file (org_id, id, case_type, workflow_version, state, reference, title,
					    state_entered_at, created_at, updated_at, sla_due_at)
					select ?, gen_random_uuid(), 'LEAD_ACHAT', 1, 'NEW', 'TRI-' || lpad(g::text, 3, '0'),
					       case g when 58 then 'zinc et parquet' when 59 then 'Échoppe à Vaise'
					              when 60 then 'Appartement Zola' else 'Lead en masse ' || g end,
					       now(), now() - g * interval '1 minute', now(),
					       case g when 40 then now() + interval '2 hours' when 30 then now() + interval '5 hours' end
					from generate_series(1, 60) g""").param(tenant.orgId()).update()));

		String first = browser.get("/cases").body();
		assertThat(first).contains(">60 dossiers<", "Page 1 sur 2", "href=\"/cases?page=1\"",
				"aria-sort=\"descending\"", "href=\"/cases?sort=created\"", "href=\"/cases?sort=title\"",
				"href=\"/cases?sort=reference\"");
		// newest first by default: TRI-001 was created last
		assertThat(first.indexOf(">TRI-001<")).isLessThan(first.indexOf(">TRI-002<"));

		String byTitle = browser.get("/cases?sort=title").body();
		assertThat(byTitle)
			.contains("aria-sort=\"ascending\"", "href=\"/cases?sort=-title\"",
					"<option value=\"title\" selected=\"selected\">Titre (A → Z)</option>",
					"href=\"/cases?sort=title&amp;page=1\"")
			.doesNotContain("zinc et parquet");
		assertThat(byTitle.indexOf("Appartement Zola")).isLessThan(byTitle.indexOf("Échoppe à Vaise"));
		assertThat(byTitle.indexOf("Échoppe à Vaise")).isLessThan(byTitle.indexOf("Lead en masse"));
		String secondPage = browser.get("/cases?sort=title&page=1").body();
		assertThat(secondPage).contains("zinc et parquet", "Page 2 sur 2", "href=\"/cases?sort=title\"")
			.doesNotContain("Appartement Zola");
		String reversed = browser.get("/cases?sort=-title").body();
		assertThat(reversed.indexOf("zinc et parquet")).isLessThan(reversed.indexOf("Lead en masse"));
		String byReference = browser.get("/cases?sort=reference").body();
		assertThat(byReference.indexOf(">TRI-001<")).isLessThan(byReference.indexOf(">TRI-002<"));
		assertThat(byReference.indexOf(">TRI-002<")).isGreaterThan(0);
		// the nearest deadline first, the cases without one after
		String byDeadline = browser.get("/cases?sort=deadline").body();
		assertThat(byDeadline.indexOf(">TRI-040<")).isLessThan(byDeadline.indexOf(">TRI-030<"));
		assertThat(byDeadline.indexOf(">TRI-030<")).isLessThan(byDeadline.indexOf(">TRI-001<"));
		String oldest = browser.get("/cases?sort=created").body();
		assertThat(oldest.indexOf(">TRI-060<")).isLessThan(oldest.indexOf(">TRI-059<"));

		// the filters are kept by the headers and the pager, a search as typed
		String searched = browser.get("/cases?q=a%26b+%2B&open=true&sort=-title").body();
		assertThat(searched).contains("href=\"/cases?q=a%26b%20%2B&amp;open=true&amp;sort=title\"",
				"Aucun dossier ne correspond à ces filtres.", "Effacer les filtres");
		assertThat(browser.get("/cases?q=masse&sort=title").body())
			.contains("href=\"/cases?q=masse&amp;sort=title&amp;page=1\"");
		// an order the list does not know is the usual one
		HttpResponse<String> unknown = browser.get("/cases?sort=budget");
		assertThat(unknown.statusCode()).isEqualTo(200);
		assertThat(unknown.body().indexOf(">TRI-001<")).isLessThan(unknown.body().indexOf(">TRI-002<"));
	}

	static int count(String html, String needle) {
		int count = 0;
		for (int i = html.indexOf(needle); i >= 0; i = html.indexOf(needle, i + 1)) {
			count++;
		}
		return count;
	}

	/** The markup of one board column. */
	static String column(String html, String state) {
		Matcher start = Pattern.compile("<div class=\"column\"[^>]*data-state=\"" + state + "\"").matcher(html);
		assertThat(start.find()).as("column " + state).isTrue();
		int end = html.indexOf("<div class=\"column", start.end());
		return html.substring(start.start(), (end > 0) ? end : html.length());
	}

	static String row(String html, String id) {
		Matcher matcher = Pattern.compile("<tr id=\"case-row-" + id + "\".*?</tr>", Pattern.DOTALL).matcher(html);
		assertThat(matcher.find()).as("row " + id).isTrue();
		return matcher.group();
	}

}
