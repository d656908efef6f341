package fr.atlas.prospects.bench;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import fr.atlas.platform.CurrentTenant;
import fr.atlas.platform.OrgId;
import fr.atlas.platform.geo.FrenchGeography;
import fr.atlas.prospects.internal.ProspectQuery;
import fr.atlas.prospects.internal.ProspectSearch;
import fr.atlas.support.ApiClient;
import fr.atlas.support.DatabaseRoles;
import fr.atlas.support.PageSession;
import fr.atlas.support.WebIntegrationTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.util.AopTestUtils;

/**
 * The prospect list's speed (issue 4: "prospects list with search, filters, sort and
 * paging over large sets"), through the public API and the list page only: for each base
 * size it imports a messy file of {@link MessyAgencyFiles} into a new organisation, then
 * times a set of searches a sales team makes ({@code GET /api/v1/prospects}, its CSV
 * export and the {@code /prospects} page signed in through the form) against a baseline
 * in the same run and database: the least SQL that reads a page of 50 of the
 * organisation's agencies in key order and counts them, over plain JDBC as the owner.
 * Requests and baseline are taken in rounds (each round the baseline then every request
 * once), so the load of the shared machine falls on all alike. It prints each request's
 * median and p95, its ratio to the baseline's median, and the PostgreSQL plans of the
 * statements behind the slowest requests, built by the application's own
 * {@link ProspectSearch} code.
 *
 * <p>
 * Run with {@code ./mvnw -B -o -Pbench test -Dtest=ProspectsSearchBenchmark} (see
 * {@code docs/bench/prospects-search.md}). Properties: {@code bench.search.rows} (file
 * rows per base, a comma-separated list; 100000 by default, about 52,000 agencies),
 * {@code bench.search.runs} (timed rounds, 20), {@code bench.search.warmup} (3),
 * {@code bench.search.plans} (how many of the slowest requests have their plans printed,
 * 4), {@code bench.seed}.
 */
@Tag("bench")
@WebIntegrationTest
// the rounds send a few hundred requests a minute: more than the API's budget when a
// search is fast
@TestPropertySource(properties = "atlas.rate-limits.api-requests-per-minute-per-organisation=1000000")
class ProspectsSearchBenchmark {

	private static final Pattern JSON_FIELD = Pattern.compile("\"(\\w+)\"\\s*:\\s*(\"([^\"]*)\"|-?\\d+|null)");

	private static final Pattern TOTAL = Pattern.compile("\"total\"\\s*:\\s*(\\d+)");

	private static final int PAGE = 50;

	@LocalServerPort
	int port;

	@Autowired
	Environment environment;

	@Autowired
	ApplicationContext context;

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(10))
		.build();

	@Test
	void timesTheListAndItsSearches() throws Exception {
		long seed = Long.getLong("bench.seed", 20261123L);
		int runs = Integer.getInteger("bench.search.runs", 20);
		int warmup = Integer.getInteger("bench.search.warmup", 3);
		int plans = Integer.getInteger("bench.search.plans", 4);
		Path directory = Path.of("target", "bench");
		Files.createDirectories(directory);
		MessyAgencyFiles generator = new MessyAgencyFiles(new FrenchGeography());
		ApiClient api = new ApiClient(this.port);
		StringBuilder output = new StringBuilder("# Prospects search benchmark, " + Instant.now() + "\n\n");
		output.append(String.format(Locale.ROOT,
				"Command: `./mvnw -B -o -Pbench test -Dtest=ProspectsSearchBenchmark -Dbench.search.rows=%s`"
						+ " (runs %d after %d warm-up rounds, seed %d, heap %d MB). %s.%n",
				System.getProperty("bench.search.rows", "100000"), runs, warmup, seed,
				Runtime.getRuntime().maxMemory() / (1024 * 1024), postgresVersion()));
		List<Base> bases = new ArrayList<>();
		for (String rowsText : System.getProperty("bench.search.rows", "100000").split(",")) {
			int rows = Integer.parseInt(rowsText.strip());
			Path csv = directory.resolve("search-agencies-" + rows + ".csv");
			MessyAgencyFiles.Generated file = generator.write(csv,
					directory.resolve("search-agencies-" + rows + "-truth.csv"), rows, seed);
			ApiClient.Tenant tenant = api.newOrganisation("Search bench " + rows);
			long start = System.nanoTime();
			String importId = upload(tenant.token(), csv);
			Map<String, String> status = waitUntilFinished(tenant.token(), importId, rows);
			double importSeconds = (System.nanoTime() - start) / 1e9;
			log("import of %,d rows (%,d true agencies): %s in %.1f s %s", rows, file.agencies(), status.get("status"),
					importSeconds, status);
			if (!"DONE".equals(status.get("status"))) {
				throw new IllegalStateException("import not done: " + status);
			}
			addContacts(tenant.orgId());
			Base base = base(tenant, importId);
			log("base: %s", base);
			PageSession pages = new PageSession(this.port).login(tenant.email());
			List<Measured> measured = measure(base, pages, queries(base), warmup, runs);
			output.append(section(rows, base, importSeconds, measured, runs));
			output.append(plans(base, measured, plans));
			Files.writeString(directory.resolve("search-results.md"), output, StandardCharsets.UTF_8);
			bases.add(base);
		}
		if (bases.size() > 1) {
			// the first organisation again, now that larger ones share the table
			Base first = bases.get(0);
			PageSession pages = new PageSession(this.port).login(first.tenant().email());
			List<Measured> measured = measure(first, pages, queries(first), warmup, runs);
			output.append(section(-1, first, 0, measured, runs));
			output.append(plans(first, measured, plans));
		}
		output.append(String.format(Locale.ROOT, "%nLoad average at the end: %s%n", loadAverage()));
		Files.writeString(directory.resolve("search-results.md"), output, StandardCharsets.UTF_8);
		System.out.println();
		System.out.println(output);
	}

	/**
	 * What the searches look for, read from what the import stored: the busiest
	 * department and town, and the SIRET, e-mail and mobile of one agency.
	 */
	private Base base(ApiClient.Tenant tenant, String importId) throws SQLException {
		try (Connection connection = new DatabaseRoles(this.environment).owner();
				PreparedStatement statement = connection.prepareStatement("""
						select (select count(*) from agency where org_id = ?),
						  (select department from agency where org_id = ? and department is not null
						   group by 1 order by count(*) desc, 1 limit 1),
						  (select min(city) from agency where org_id = ? and city_key = (select city_key from agency
						   where org_id = ? and city_key is not null group by 1 order by count(*) desc, 1 limit 1)),
						  (select siret from agency where org_id = ? and siret is not null
						   order by id offset least(1000, ? / 8) limit 1),
						  (select emails[1] from agency where org_id = ? and cardinality(emails) > 0
						   order by id offset least(2000, ? / 8) limit 1),
						  (select p from agency, unnest(phones) p where org_id = ? and p like '+336%'
						   order by id offset least(3000, ? / 8) limit 1),
						  (select count(*) from contact where org_id = ?),
						  (select array[first_name, last_name, emails[1], phones[1]] from contact where org_id = ?
						   order by id offset least(4000, ? / 8) limit 1)""")) {
			// the same agencies at any size from 24,000 on; a small base's own further in
			long agencies = count(connection, tenant.orgId());
			int parameter = 1;
			for (int i = 1; i <= 9; i++) {
				statement.setObject(parameter++, tenant.orgId());
				if (i >= 5 && i != 8) {
					statement.setLong(parameter++, agencies);
				}
			}
			try (ResultSet rs = statement.executeQuery()) {
				rs.next();
				String[] person = (String[]) rs.getArray(8).getArray();
				return new Base(tenant, importId, rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
						rs.getString(5), typed(rs.getString(6)), rs.getLong(7),
						new Person(person[0] + " " + person[1], person[0], person[1], person[2], typed(person[3])));
			}
		}
	}

	/**
	 * The people of the agencies, which the generated files do not carry: one contact at
	 * each agency and a second at about every other one (more than most CRM exports
	 * hold), written straight in the table as the owner. Common French names, some
	 * accented; an e-mail at the agency's domain and a mobile each.
	 */
	private void addContacts(UUID org) throws SQLException {
		try (Connection connection = new DatabaseRoles(this.environment).owner();
				PreparedStatement insert = connection.prepareStatement(
						"""
								insert into contact (org_id, id, agency_id, first_name, last_name, role, emails, phones, name_words)
								select org_id, md5(id::text || n)::uuid, id, first_name, last_name, 'Négociateur',
								  array[translate(lower(first_name || '.' || last_name), 'éèëêïîôç ', 'eeeeiioc-') || n || '@'
								        || coalesce(split_part(website_domain, '/', 1), 'agence-' || left(id::text, 8) || '.fr')],
								  array['+336' || lpad((abs(hashtext(id::text || n)) % 100000000)::text, 8, '0')],
								  atlas_contact_name_words(first_name, last_name)
								from (select a.org_id, a.id, a.website_domain, n,
								        (array['Sophie', 'Nathalie', 'Isabelle', 'Sylvie', 'Catherine', 'Hélène', 'Céline', 'Julie',
								               'Émilie', 'Camille', 'Léa', 'Chloé', 'Manon', 'Sarah', 'Laura', 'Aurélie', 'Marie',
								               'Anne', 'Claire', 'Élodie', 'Jean', 'Pierre', 'Michel', 'Philippe', 'Alain', 'Nicolas',
								               'Stéphane', 'Christophe', 'Frédéric', 'Laurent', 'Sébastien', 'Julien', 'Thomas',
								               'Antoine', 'Jérôme', 'François', 'Olivier', 'David', 'Éric', 'Mathieu'])
								          [1 + abs(hashtext(a.id::text || 'f' || n)) % 40] as first_name,
								        (array['Martin', 'Bernard', 'Thomas', 'Petit', 'Robert', 'Richard', 'Durand', 'Dubois',
								               'Moreau', 'Laurent', 'Simon', 'Michel', 'Lefèvre', 'Leroy', 'Roux', 'David', 'Bertrand',
								               'Morel', 'Fournier', 'Girard', 'Bonnet', 'Dupont', 'Lambert', 'Fontaine', 'Rousseau',
								               'Vincent', 'Muller', 'Lefebvre', 'Faure', 'André', 'Mercier', 'Blanc', 'Guérin',
								               'Boyer', 'Garnier', 'Chevalier', 'François', 'Legrand', 'Gauthier', 'Garcia', 'Perrin',
								               'Robin', 'Clément', 'Morin', 'Nicolas', 'Henry', 'Roussel', 'Mathieu', 'Gautier',
								               'Masson', 'Marchand', 'Duval', 'Denis', 'Dumont', 'Marie', 'Lemaire', 'Noël', 'Meyer',
								               'Dufour', 'Meunier'])[1 + abs(hashtext(a.id::text || 'l' || n)) % 60] as last_name
								      from agency a cross join lateral generate_series(1, 1 + abs(hashtext(a.id::text)) % 2) n
								      where a.org_id = ?) p""");
				Statement analyze = connection.createStatement()) {
			insert.setObject(1, org);
			long start = System.nanoTime();
			int added = insert.executeUpdate();
			// with their name_words folded in SQL (V4_35), which the application does in
			// Java
			log("contacts added: %,d in %,d ms", added, (System.nanoTime() - start) / 1_000_000);
			analyze.execute("analyze contact");
		}
	}

	private static long count(Connection connection, Object org) throws SQLException {
		try (PreparedStatement statement = connection
			.prepareStatement("select count(*) from agency where org_id = ?")) {
			statement.setObject(1, org);
			try (ResultSet rs = statement.executeQuery()) {
				rs.next();
				return rs.getLong(1);
			}
		}
	}

	/** +33612345678 as people type it: 06 12 34 56 78. */
	private static String typed(String e164) {
		String national = "0" + e164.substring(3);
		return national.replaceAll("(\\d\\d)(?=\\d)", "$1 ");
	}

	private static List<Query> queries(Base base) {
		List<Query> queries = new ArrayList<>();
		queries.add(Query.api("first page, default sort (name)", Map.of()));
		queries.add(Query.api("first page, newest first", Map.of("sort", "-created")));
		queries.add(Query.api("first page, most listings first", Map.of("sort", "-listings")));
		queries.add(Query.api("name fragment \"gare\"", Map.of("q", "gare")));
		queries.add(Query.api("name fragment \"immo\"", Map.of("q", "immo")));
		queries.add(Query.api("full SIRET", Map.of("q", base.siret())));
		queries.add(Query.api("e-mail", Map.of("q", base.email())));
		queries.add(Query.api("phone as typed (" + base.phone() + ")", Map.of("q", base.phone())));
		queries.add(Query.api("contact's name \"" + base.contact().name() + "\"", Map.of("q", base.contact().name())));
		queries.add(Query.api("contact's last name \"" + base.contact().lastName() + "\"",
				Map.of("q", base.contact().lastName())));
		// ADR 0066: a first name alone, and the beginning of a word
		queries.add(Query.api("contact's first name \"" + base.contact().firstName() + "\"",
				Map.of("q", base.contact().firstName())));
		queries.add(Query.api("contact's last name's first 4 letters \"" + base.contact().lastNamePrefix(4) + "\"",
				Map.of("q", base.contact().lastNamePrefix(4))));
		queries.add(Query.api("contact's last name's first 2 letters \"" + base.contact().lastNamePrefix(2) + "\"",
				Map.of("q", base.contact().lastNamePrefix(2))));
		queries.add(Query.api("contact's e-mail", Map.of("q", base.contact().email())));
		queries.add(Query.api("contact's mobile as typed", Map.of("q", base.contact().phone())));
		queries.add(Query.api("department " + base.department(), Map.of("department", base.department())));
		queries.add(Query.api("town " + base.city(), Map.of("city", base.city())));
		queries.add(Query.api("postcode prefix " + base.department(), Map.of("postcode", base.department())));
		queries.add(Query.api("department " + base.department() + ", most listings first",
				Map.of("department", base.department(), "sort", "-listings")));
		queries.add(Query.api("town " + base.city() + ", highest revenue first",
				Map.of("city", base.city(), "sort", "-revenue")));
		queries.add(Query.api("department " + base.department() + ", newest first",
				Map.of("department", base.department(), "sort", "-created")));
		queries.add(Query.api("\"immo\" in department " + base.department() + ", newest first",
				Map.of("q", "immo", "department", base.department(), "sort", "-created")));
		queries.add(Query.api("deep page (page 500)", Map.of("page", "500")));
		queries
			.add(Query.export("CSV export, department " + base.department(), Map.of("department", base.department())));
		queries.add(Query.page("list page /prospects", Map.of()));
		queries.add(Query.page("list page, \"gare\"", Map.of("q", "gare")));
		queries.add(Query.page("list page, a contact's name", Map.of("q", base.contact().name())));
		queries.add(Query.page("list page, a contact's last name's first 4 letters",
				Map.of("q", base.contact().lastNamePrefix(4))));
		queries
			.add(Query.page("list page, town " + base.city() + ", page 3", Map.of("city", base.city(), "page", "2")));
		return queries;
	}

	private List<Measured> measure(Base base, PageSession pages, List<Query> queries, int warmup, int runs)
			throws Exception {
		double[] baseline = new double[runs];
		double[] baselinePage = new double[runs];
		double[] baselineCount = new double[runs];
		double[] floor = new double[runs];
		double[][] times = new double[queries.size()][runs];
		long[] totals = new long[queries.size()];
		try (Connection owner = new DatabaseRoles(this.environment).owner()) {
			for (int round = -warmup; round < runs; round++) {
				double[] page = { 0 };
				double[] count = { 0 };
				double both = baseline(owner, base.tenant().orgId(), page, count);
				double apiFloor = time(() -> {
					HttpResponse<String> response = this.http.send(request("/api/v1/imports/" + base.importId())
						.header("Authorization", "Bearer " + base.tenant().token())
						.build(), HttpResponse.BodyHandlers.ofString());
					check(response, "import status");
					return 0;
				});
				if (round >= 0) {
					baseline[round] = both;
					baselinePage[round] = page[0];
					baselineCount[round] = count[0];
					floor[round] = apiFloor;
				}
				for (int q = 0; q < queries.size(); q++) {
					Query query = queries.get(q);
					long[] total = { -1 };
					double ms = time(() -> {
						total[0] = send(base, pages, query);
						return 0;
					});
					if (round >= 0) {
						times[q][round] = ms;
						totals[q] = total[0];
					}
				}
			}
		}
		double baselineMedian = median(baseline);
		List<Measured> measured = new ArrayList<>();
		measured.add(new Measured(new Query("baseline", "JDBC as owner: page of 50 by key + count(*)", Map.of()), -1,
				baseline, baselineMedian));
		measured.add(new Measured(new Query("baseline", "  of which the page of 50 by key", Map.of()), -1, baselinePage,
				baselineMedian));
		measured.add(new Measured(new Query("baseline", "  of which count(*)", Map.of()), -1, baselineCount,
				baselineMedian));
		measured.add(new Measured(new Query("floor", "HTTP floor: GET /api/v1/imports/{id}", Map.of()), -1, floor,
				baselineMedian));
		for (int q = 0; q < queries.size(); q++) {
			measured.add(new Measured(queries.get(q), totals[q], times[q], baselineMedian));
		}
		return measured;
	}

	/**
	 * The least SQL that fills a page: 50 agencies of the organisation in key order and
	 * their number, as the owner (no row-level security), as the application reads them
	 * (every column).
	 */
	private static double baseline(Connection owner, UUID org, double[] page, double[] count) throws Exception {
		long start = System.nanoTime();
		try (PreparedStatement statement = owner
			.prepareStatement("select * from agency where org_id = ? order by org_id, id limit " + PAGE)) {
			statement.setObject(1, org);
			try (ResultSet rs = statement.executeQuery()) {
				int read = 0;
				while (rs.next()) {
					rs.getString("name");
					read++;
				}
				if (read != PAGE) {
					throw new IllegalStateException("baseline read " + read + " agencies");
				}
			}
		}
		long middle = System.nanoTime();
		try (PreparedStatement statement = owner.prepareStatement("select count(*) from agency where org_id = ?")) {
			statement.setObject(1, org);
			try (ResultSet rs = statement.executeQuery()) {
				rs.next();
				rs.getLong(1);
			}
		}
		long end = System.nanoTime();
		page[0] = (middle - start) / 1e6;
		count[0] = (end - middle) / 1e6;
		return (end - start) / 1e6;
	}

	/** Sends one request and reads its whole answer; the number of agencies it found. */
	private long send(Base base, PageSession pages, Query query) throws Exception {
		switch (query.kind()) {
			case "api" -> {
				HttpResponse<String> response = this.http
					.send(request("/api/v1/prospects" + queryString(query.params(), true))
						.header("Authorization", "Bearer " + base.tenant().token())
						.build(), HttpResponse.BodyHandlers.ofString());
				check(response, query.name());
				Matcher total = TOTAL.matcher(response.body());
				return total.find() ? Long.parseLong(total.group(1)) : -1;
			}
			case "export" -> {
				HttpResponse<byte[]> response = this.http
					.send(request("/api/v1/prospects/export" + queryString(query.params(), false) + "&format=csv")
						.header("Authorization", "Bearer " + base.tenant().token())
						.build(), HttpResponse.BodyHandlers.ofByteArray());
				check(response, query.name());
				long lines = 0;
				for (byte b : response.body()) {
					if (b == '\n') {
						lines++;
					}
				}
				return lines - 1;
			}
			default -> {
				HttpResponse<String> response = pages.get("/prospects" + queryString(query.params(), false));
				check(response, query.name());
				return -1;
			}
		}
	}

	private static String queryString(Map<String, String> params, boolean withSize) {
		Map<String, String> all = new LinkedHashMap<>(params);
		if (withSize) {
			all.put("size", String.valueOf(PAGE));
		}
		return "?" + all.entrySet()
			.stream()
			.map((e) -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
	}

	private static void check(HttpResponse<?> response, String what) {
		if (response.statusCode() != 200) {
			Object body = response.body();
			throw new IllegalStateException(what + ": " + response.statusCode() + " "
					+ ((body instanceof byte[] bytes) ? new String(bytes, StandardCharsets.UTF_8) : body));
		}
	}

	private String section(int rows, Base base, double importSeconds, List<Measured> measured, int runs) {
		StringBuilder out = new StringBuilder();
		out.append((rows < 0)
				? String.format(Locale.ROOT,
						"%n## The first organisation again (%,d agencies), beside the larger ones in the same table%n",
						base.agencies())
				: String.format(Locale.ROOT, "%n## %,d rows imported: %,d agencies (import %.1f s)%n", rows,
						base.agencies(), importSeconds));
		out.append(String.format(Locale.ROOT,
				"%nSearched for: department %s, town %s,"
						+ " SIRET %s, e-mail %s, phone typed \"%s\"; among %,d contacts, %s. Page size %d for the"
						+ " API (25 for the page, its default). Load average: %s.%n%n",
				base.department(), base.city(), base.siret(), base.email(), base.phone(), base.contacts(),
				base.contact(), PAGE, loadAverage()));
		out.append("| request | found | median ms | p95 ms | median / baseline |\n");
		out.append("|---|---:|---:|---:|---:|\n");
		for (Measured m : measured) {
			out.append(String.format(Locale.ROOT, "| %s%s | %s | %.1f | %.1f | %.1f× |%n", m.query().name(),
					m.query().kind().equals("api") || m.query().kind().equals("export")
							|| m.query().kind().equals("page") ? " `" + m.query().path() + "`" : "",
					(m.total() >= 0) ? String.format(Locale.ROOT, "%,d", m.total()) : "", m.median(), m.p95(),
					m.median() / m.baseline()));
		}
		String slow = measured.stream()
			.filter((m) -> m.p95() > 300)
			.map((m) -> m.query().name())
			.collect(Collectors.joining(", "));
		out.append(String.format(Locale.ROOT, "%nSlowest p95: %.1f ms. Over 300 ms at p95: %s.%n",
				measured.stream().mapToDouble(Measured::p95).max().orElse(0), slow.isEmpty() ? "none" : slow));
		log("%s", out);
		return out.toString();
	}

	/**
	 * The plans of the statements behind the slowest requests (API, export and page
	 * alike), with the SQL and arguments the application's {@link ProspectSearch} builds
	 * for them, run as the application's role under the organisation's row-level
	 * security.
	 */
	private String plans(Base base, List<Measured> measured, int count) throws Exception {
		StringBuilder out = new StringBuilder("\n### Plans of the statements behind the slowest requests\n");
		List<Measured> slowest = measured.stream()
			.filter((m) -> !m.query().kind().equals("baseline") && !m.query().kind().equals("floor"))
			.sorted(Comparator.comparingDouble(Measured::median).reversed())
			.limit(count)
			.toList();
		try (Connection app = new DatabaseRoles(this.environment).app()) {
			try (Statement statement = app.createStatement()) {
				statement.execute("select set_config('app.org_id', '" + base.tenant().orgId() + "', false)");
			}
			for (Measured m : slowest) {
				out.append(String.format(Locale.ROOT, "%n#### %s (median %.1f ms)%n", m.query().name(), m.median()));
				for (Sql sql : statements(base, m.query())) {
					out.append("\n```\n").append(sql.text()).append("\n-- ").append(sql.args()).append("\n\n");
					try (PreparedStatement statement = app
						.prepareStatement("explain (analyze, buffers, settings) " + sql.text())) {
						for (int i = 0; i < sql.args().size(); i++) {
							Object arg = sql.args().get(i);
							if (arg instanceof String[] texts) {
								statement.setArray(i + 1, app.createArrayOf("text", texts));
							}
							else {
								statement.setObject(i + 1, arg);
							}
						}
						try (ResultSet rs = statement.executeQuery()) {
							while (rs.next()) {
								out.append(rs.getString(1)).append('\n');
							}
						}
					}
					out.append("```\n");
				}
			}
		}
		log("%s", out);
		return out.toString();
	}

	/**
	 * The SQL statements a request runs to find its agencies, built by the application's
	 * own {@code SearchConditions.where} and {@code ProspectQuery.orderBy} (not public),
	 * put together as {@code ProspectSearch.find}, {@code search} and {@code each} do.
	 */
	private List<Sql> statements(Base base, Query request) throws Exception {
		Map<String, String> p = request.params();
		int size = request.kind().equals("page") ? 25 : PAGE;
		int page = Integer.parseInt(p.getOrDefault("page", "0"));
		ProspectQuery query = new ProspectQuery(p.get("q"), p.get("department"), p.get("city"), p.get("status"),
				p.get("specialty"), p.get("postcode"), p.get("tag"), p.get("owner"), p.get("importId"),
				p.get("reachable"), p.get("minListings"), p.get("minRevenue"), p.get("source"), p.get("headcount"),
				p.get("work"), p.get("sort"), page, size);
		Object target = AopTestUtils.getUltimateTargetObject(this.context.getBean("searchConditions"));
		Method whereMethod = target.getClass().getDeclaredMethod("where", ProspectQuery.class);
		whereMethod.setAccessible(true);
		Object where = CurrentTenant.callAs(OrgId.of(base.tenant().orgId()), () -> {
			try {
				return whereMethod.invoke(target, query);
			}
			catch (ReflectiveOperationException ex) {
				throw new IllegalStateException(ex);
			}
		});
		String whereSql = (String) accessor(where, "sql");
		@SuppressWarnings("unchecked")
		List<Object> whereArgs = (List<Object>) accessor(where, "args");
		boolean text = (Boolean) accessor(where, "textSearch");
		Method orderMethod = ProspectQuery.class.getDeclaredMethod("orderBy");
		orderMethod.setAccessible(true);
		String orderBy = (String) orderMethod.invoke(query);
		List<Object> paged = new ArrayList<>(whereArgs);
		paged.add(query.size());
		paged.add((long) query.page() * query.size());
		if (request.kind().equals("export")) {
			return List.of(new Sql("select a.* " + whereSql + " order by " + orderBy, whereArgs));
		}
		if (text) {
			List<Object> withOrg = new ArrayList<>(paged);
			withOrg.add(base.tenant().orgId());
			Field sortColumns = Class.forName("fr.atlas.prospects.internal.ProspectSearch")
				.getDeclaredField("SORT_COLUMNS");
			sortColumns.setAccessible(true);
			return List.of(new Sql("select a.*, p.matching from (select a.id, count(*) over () as matching"
					+ " from (select " + sortColumns.get(null) + " " + whereSql + " offset 0) a order by " + orderBy
					+ " limit ? offset ?) p cross join lateral (select * from agency x where x.org_id = ? and x.id = p.id"
					+ " offset 0) a order by " + orderBy, withOrg));
		}
		return List.of(new Sql("select count(*) " + whereSql, whereArgs),
				new Sql("select a.* " + whereSql + " order by " + orderBy + " limit ? offset ?", paged));
	}

	private static Object accessor(Object record, String name) throws ReflectiveOperationException {
		Method method = record.getClass().getDeclaredMethod(name);
		method.setAccessible(true);
		return method.invoke(record);
	}

	private String postgresVersion() throws SQLException {
		try (Connection connection = new DatabaseRoles(this.environment).owner();
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("select version()")) {
			rs.next();
			return rs.getString(1).replaceFirst(",.*", "");
		}
	}

	private static String loadAverage() {
		try {
			String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
			return parts[0] + " " + parts[1] + " " + parts[2];
		}
		catch (IOException ex) {
			return "unknown";
		}
	}

	private String upload(String token, Path csv) throws IOException, InterruptedException {
		return json(FileUpload.send(this.http, request("/api/v1/imports").build().uri(), token, csv)).get("id");
	}

	private Map<String, String> waitUntilFinished(String token, String id, int size) throws Exception {
		long deadline = System.nanoTime() + Duration.ofSeconds(60 + size / 200).toNanos();
		while (true) {
			HttpResponse<String> response = this.http.send(
					request("/api/v1/imports/" + id).header("Authorization", "Bearer " + token).build(),
					HttpResponse.BodyHandlers.ofString());
			Map<String, String> status = json(response.body());
			String state = status.get("status");
			if (!"QUEUED".equals(state) && !"RUNNING".equals(state)) {
				return status;
			}
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("import " + id + " still " + status + " at the deadline");
			}
			Thread.sleep(250);
		}
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.timeout(Duration.ofMinutes(2));
	}

	private static Map<String, String> json(String body) {
		Map<String, String> values = new LinkedHashMap<>();
		Matcher matcher = JSON_FIELD.matcher(body);
		while (matcher.find()) {
			values.put(matcher.group(1), (matcher.group(3) != null) ? matcher.group(3) : matcher.group(2));
		}
		return values;
	}

	private static double time(Timed work) throws Exception {
		long start = System.nanoTime();
		work.run();
		return (System.nanoTime() - start) / 1e6;
	}

	static double median(double[] values) {
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		int n = sorted.length;
		return (n % 2 == 1) ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
	}

	/** Nearest rank: the 19th of 20. */
	static double p95(double[] values) {
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		return sorted[Math.max(0, (int) Math.ceil(0.95 * sorted.length) - 1)];
	}

	private static void log(String format, Object... args) {
		System.out.println("[bench " + Instant.now() + "] " + String.format(Locale.ROOT, format, args));
	}

	interface Timed {

		Object run() throws Exception;

	}

	/** A request: {@code api}, {@code export} or {@code page}, with its parameters. */
	record Query(String kind, String name, Map<String, String> params) {

		static Query api(String name, Map<String, String> params) {
			return new Query("api", name, params);
		}

		static Query export(String name, Map<String, String> params) {
			return new Query("export", name, params);
		}

		static Query page(String name, Map<String, String> params) {
			return new Query("page", name, params);
		}

		String path() {
			return switch (this.kind) {
				case "api" -> "/api/v1/prospects" + queryString(this.params, true);
				case "export" -> "/api/v1/prospects/export" + queryString(this.params, false) + "&format=csv";
				default -> "/prospects" + (this.params.isEmpty() ? "" : queryString(this.params, false));
			};
		}

	}

	record Measured(Query query, long total, double[] times, double baseline) {

		double median() {
			return ProspectsSearchBenchmark.median(this.times);
		}

		double p95() {
			return ProspectsSearchBenchmark.p95(this.times);
		}

	}

	record Base(ApiClient.Tenant tenant, String importId, long agencies, String department, String city, String siret,
			String email, String phone, long contacts, Person contact) {
	}

	/**
	 * A contact searched for: its full name, first name, last name, e-mail and mobile as
	 * typed.
	 */
	record Person(String name, String firstName, String lastName, String email, String phone) {

		/** The first letters of the last name, as a user types them before the rest. */
		String lastNamePrefix(int letters) {
			return this.lastName.substring(0, Math.min(letters, this.lastName.length()));
		}

	}

	record Sql(String text, List<Object> args) {
	}

}
