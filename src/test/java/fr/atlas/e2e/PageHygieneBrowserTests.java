package fr.atlas.e2e;

import java.time.Duration;
import java.time.Instant;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Dialog;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Request;
import com.microsoft.playwright.Response;
import fr.atlas.prospects.ProspectsApi;
import fr.atlas.support.ApiClient;
import fr.atlas.support.ChromiumExtension;
import fr.atlas.support.Eventually;
import fr.atlas.support.ImportWizard;
import fr.atlas.tenancy.DemoOrganisation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page of the app as a browser sees it, signed in as the demo owner, in French and
 * in English (ADR 0115): no error in the console and no uncaught one, no request of the
 * page (its styles, scripts, icon, the fragments htmx loads with it) answered 4xx or 5xx
 * or failed, the html element's lang the language shown, one level-one heading, a name
 * for every field, an alt for every image, no message key shown instead of its text, no
 * table wider than a 1280 px window and no figure cut from its unit. The signed-out pages
 * are visited too. Every problem found is listed, for all the pages at once.
 * <p>
 * The demo organisation is the one a first run shows: its lists are full, its import done
 * and its review queue has pairs. The properties are those of
 * {@code DemoModeIntegrationTests}, so the two share one application context.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "atlas.demo.enabled=true")
class PageHygieneBrowserTests {

	/**
	 * What the page itself shows that is wrong, as lines: the html element's lang, the
	 * count of level-one headings, the fields without a name, the images without alt, the
	 * texts (shown, or read out: placeholders, titles, labels, alternatives, buttons'
	 * values) that are a message key, a page or table scrolling sideways, and a figure on
	 * one line with its unit on the next. A field's name is its label's text, its
	 * aria-label or the text of what its aria-labelledby names. A key is one of the
	 * bundles', what Thymeleaf shows for a missing one ({@code ??key_fr??}), or three
	 * words or more joined by dots that are not a web or mail address.
	 */
	static final String PROBLEMS = """
			([language, keys]) => {
			  const found = [];
			  const known = new Set(keys);
			  const html = document.documentElement.getAttribute('lang');
			  if (html !== language) found.push('<html lang="' + html + '">, not ' + language);
			  const h1 = document.querySelectorAll('h1').length;
			  if (h1 !== 1) found.push(h1 + ' <h1>');
			  const describe = (e) => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
			    + (e.getAttribute('name') ? '[name=' + e.getAttribute('name') + ']' : '');
			  const text = (e) => (e && e.textContent || '').trim();
			  document.querySelectorAll(
			      'input:not([type=hidden]):not([type=submit]):not([type=button]):not([type=reset]), select, textarea')
			    .forEach((e) => {
			      const named = Array.from(e.labels || []).some((l) => text(l))
			        || (e.getAttribute('aria-label') || '').trim()
			        || (e.getAttribute('aria-labelledby') || '').split(/\\s+/)
			             .some((id) => id && text(document.getElementById(id)));
			      if (!named) found.push('no name: ' + describe(e));
			    });
			  document.querySelectorAll('img:not([alt])').forEach((e) => found.push('no alt: img ' + e.src));
			  const missing = /\\?\\?[^?\\s]+\\?\\?/;
			  const key = /(^|[^\\w@/.:-])([a-z][a-zA-Z]+(\\.[a-z][a-zA-Z0-9]*){2,})(?![\\w@/-])/;
			  const address = /^(www\\.|.*\\.(fr|com|net|org|eu|io|test|immo|paris)$)/;
			  const raw = (s) => {
			    if (missing.test(s)) return true;
			    if ((s.match(/[a-zA-Z][\\w.-]*\\.[\\w-]+/g) || []).some((w) => known.has(w))) return true;
			    const m = s.match(key);
			    return m && !address.test(m[2]);
			  };
			  const visible = (e) => e && e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden';
			  const figure = /\\d+[ \\u00a0\\u202f](j|d|h|min|%|€)(?![\\w\\u00c0-\\u017f])/g;
			  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
			  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
			    const parent = n.parentElement;
			    if (parent.closest('script, style, template') || !visible(parent)) continue;
			    if (raw(n.nodeValue)) found.push('key shown: "' + n.nodeValue.trim() + '" in ' + describe(parent));
			    for (const m of n.nodeValue.matchAll(figure)) {
			      const range = document.createRange();
			      range.setStart(n, m.index);
			      range.setEnd(n, m.index + m[0].length);
			      const tops = new Set(Array.from(range.getClientRects()).map((r) => Math.round(r.top)));
			      if (tops.size > 1) found.push('figure cut from its unit: "' + m[0] + '" in ' + describe(parent));
			    }
			  }
			  document.querySelectorAll('[placeholder], [title], [aria-label], [alt], input[type=submit][value], input[type=button][value]')
			    .forEach((e) => ['placeholder', 'title', 'aria-label', 'alt', 'value'].forEach((a) => {
			      const v = e.getAttribute(a);
			      if (v && (a !== 'value' || e.type === 'submit' || e.type === 'button') && raw(v))
			        found.push('key in ' + a + ': "' + v + '" on ' + describe(e));
			    }));
			  const sideways = document.documentElement.scrollWidth - window.innerWidth;
			  if (sideways > 0) found.push('the page scrolls sideways by ' + sideways + ' px');
			  document.querySelectorAll('.table-wrap').forEach((e) => {
			    if (e.scrollWidth > e.clientWidth + 1)
			      found.push('a table scrolls sideways by ' + (e.scrollWidth - e.clientWidth) + ' px: '
			        + describe(e.querySelector('table') || e) + '.' + ((e.querySelector('table') || e).className));
			  });
			  const title = document.title;
			  if (raw(title)) found.push('key in <title>: "' + title + '"');
			  return found;
			}""";

	/** Every key of the message bundles, to spot one shown as it is. */
	static final List<String> KEYS = keys();

	@RegisterExtension
	static final ChromiumExtension chromium = new ChromiumExtension();

	@LocalServerPort
	int port;

	@Test
	void everyPageIsCleanInFrenchAndEnglish() {
		ApiClient api = new ApiClient(this.port);
		String token = api.token(DemoOrganisation.OWNER_EMAIL, DemoOrganisation.PASSWORD);
		// the demo's import runs after the start: its agencies and pairs, once there
		Eventually.await(() -> ((Number) api.get(token, "/api/v1/prospects?size=1").getBody().get("total")).longValue(),
				(total) -> total > 0, "the demo's agencies imported");
		List<Map<String, Object>> pairs = Eventually.await(() -> new ProspectsApi(api).queue(token),
				(queue) -> !queue.isEmpty(), "the demo's possible duplicates");
		String agency = id(pairs.get(0).get("agency"));
		String other = id(pairs.get(0).get("other"));
		String caseId = firstId(api.get(token, "/api/v1/cases?size=1").getBody());
		String busiest = firstId(api.get(token, "/api/v1/prospects?department=69&sort=-listingCount&size=1").getBody());
		String base = "http://localhost:" + this.port;
		List<String> found = new ArrayList<>();
		for (String language : List.of("fr", "en")) {
			try (BrowserContext context = chromium.desktop(language.equals("fr") ? "fr-FR" : "en-GB")) {
				Visit visit = new Visit(context.newPage(), base, language, found);
				for (String path : List.of("/login", "/signup", "/password/forgot", "/password/reset?token=expired",
						"/invitations/accept?token=expired")) {
					visit.check(path);
				}
				signIn(visit.page, base);
				// a file waiting at the wizard's mapping step, and an import's page
				ImportWizard.uploadToMapping(visit.page, base, "hygiene.csv", """
						Raison sociale;Code postal;Ville
						Agence Propre;69001;Lyon
						""");
				String mapping = visit.page.url().substring(base.length()).replaceFirst("\\?.*", "");
				visit.page.navigate(base + "/prospects/imports");
				String anImport = visit.page.locator("td a[href^='/prospects/imports/']:not([href$='/mapping'])")
					.first()
					.getAttribute("href");
				visit.page.navigate(base + "/prospects/" + busiest);
				List<String> pages = new ArrayList<>(List.of("/", "/prospects", "/prospects/new",
						"/prospects/" + agency, "/prospects/" + busiest, "/prospects/" + busiest + "/edit",
						"/prospects/" + busiest + "/contacts/new", "/prospects/" + busiest + "/contacts",
						"/prospects/" + busiest + "/sources", "/prospects/" + agency + "/merge?otherId=" + other,
						"/prospects?q=introuvable", "/prospects/imports", anImport, mapping, "/prospects/duplicates",
						"/cases", "/cases?q=introuvable", "/cases/board", "/cases/" + caseId, "/cases/reports",
						"/cases/teams", "/cases/working-hours", "/cases/types/LEAD_ACHAT/workflow",
						"/cases/types/PROSPECTION/workflow", "/cases/types/LOCATION/workflow", "/notifications",
						"/members", "/audit", "/account", "/account/tokens", "/settings/modules", "/outbox",
						"/logout"));
				// a contact's form, when the agency has one
				Locator contacts = visit.page.locator("#contacts a[href$='/edit']");
				if (contacts.count() > 0) {
					pages.add(contacts.first().getAttribute("href"));
				}
				for (String path : pages) {
					visit.check(path);
				}
				// the draft is abandoned, as its sender would (ADR 0120): before, each
				// run left
				// one in the demo organisation
				visit.page.navigate(base + mapping);
				visit.page.onceDialog(Dialog::accept);
				visit.page.click("#import-discard button");
				visit.page.waitForURL(base + "/prospects/imports");
				assertThat(visit.page.locator("#import-discarded").textContent()).contains("hygiene.csv");
				// the page of what is not there (or not this organisation's)
				visit.check("/prospects/00000000-0000-0000-0000-000000000000", 404);
				visit.check("/cases/00000000-0000-0000-0000-000000000000", 404);
				// and of a module this organisation has not switched on
				visit.check("/modules/listings/switched-off", 403);
				// ?lang= is kept as the owner's language: French again, as the demo
				// seeded it, for the other tests of this context
				visit.page.navigate(base + "/?lang=fr");
			}
		}
		assertThat(found).as("what the pages show wrong").isEmpty();
	}

	private static void signIn(Page page, String base) {
		page.navigate(base + "/login");
		page.fill("input[name=email]", DemoOrganisation.OWNER_EMAIL);
		page.fill("input[name=password]", DemoOrganisation.PASSWORD);
		page.click("button[type=submit]");
		page.waitForURL(base + "/**");
	}

	private static List<String> keys() {
		Set<String> keys = new TreeSet<>();
		try {
			for (Resource bundle : new PathMatchingResourcePatternResolver()
				.getResources("classpath:i18n/*.properties")) {
				Properties properties = new Properties();
				try (InputStream in = bundle.getInputStream()) {
					properties.load(in);
				}
				keys.addAll(properties.stringPropertyNames());
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		assertThat(keys).as("message keys").hasSizeGreaterThan(100);
		return List.copyOf(keys);
	}

	@SuppressWarnings("unchecked")
	private static String id(Object side) {
		return String.valueOf(((Map<String, Object>) side).get("id"));
	}

	@SuppressWarnings("unchecked")
	private static String firstId(Map<String, Object> page) {
		return (String) ((List<Map<String, Object>>) page.get("items")).get(0).get("id");
	}

	/**
	 * One browser page visiting the app's pages in one language, listening to what the
	 * browser reports while each loads.
	 */
	static final class Visit {

		final Page page;

		private final String base;

		private final String language;

		private final List<String> found;

		private final List<String> reported = new ArrayList<>();

		private final Set<Request> inFlight = new HashSet<>();

		Visit(Page page, String base, String language, List<String> found) {
			this.page = page;
			this.base = base;
			this.language = language;
			this.found = found;
			page.onConsoleMessage((message) -> {
				if (message.type().equals("error")) {
					this.reported.add("console: " + message.text());
				}
			});
			page.onPageError((error) -> this.reported.add("uncaught: " + error));
			page.onRequest(this.inFlight::add);
			page.onRequestFinished(this.inFlight::remove);
			page.onRequestFailed((request) -> {
				this.inFlight.remove(request);
				// a request cut short by the next navigation is not the server's failure
				if (!"net::ERR_ABORTED".equals(request.failure())) {
					this.reported.add("failed: " + request.url() + " " + request.failure());
				}
			});
			page.onResponse((response) -> {
				if (response.status() >= 400) {
					this.reported.add(response.status() + ": " + response.request().method() + " " + response.url());
				}
			});
		}

		/** Opens the page in the language, waits for what it loads, and checks it. */
		void check(String path) {
			check(path, 200);
		}

		/** Same, for a page answered with another status (only that one is reported). */
		@SuppressWarnings("unchecked")
		void check(String path, int status) {
			String url = this.base + path + (path.contains("?") ? "&" : "?") + "lang=" + this.language;
			this.reported.clear();
			this.inFlight.clear();
			Response response = this.page.navigate(url);
			settle();
			String where = this.language + " " + path + ": ";
			if (response == null || response.status() != status) {
				this.found.add(where + "answered " + ((response != null) ? response.status() : "nothing"));
			}
			String expected = status + ": GET " + url;
			this.reported.stream()
				.filter((line) -> !line.equals(expected) && !(status != 200 && line
					.startsWith("console: Failed to load resource: the server responded with a status of " + status)))
				.forEach((line) -> this.found.add(where + line));
			((List<String>) this.page.evaluate(PROBLEMS, List.of(this.language, KEYS)))
				.forEach((line) -> this.found.add(where + line));
		}

		/**
		 * Waits until no request has been under way for 100 ms (the fragments htmx loads
		 * with the page have come), at most 3 s (a page polling every second never rests
		 * for long).
		 */
		private void settle() {
			Instant deadline = Instant.now().plus(Duration.ofSeconds(3));
			int quiet = 0;
			while (quiet < 2 && Instant.now().isBefore(deadline)) {
				this.page.waitForTimeout(50);
				quiet = this.inFlight.isEmpty() ? quiet + 1 : 0;
			}
		}

	}

}
