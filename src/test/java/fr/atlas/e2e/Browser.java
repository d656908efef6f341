package fr.atlas.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's Chromium driven by Playwright for Java; never a downloaded browser. Tests skip
 * when the browser is missing or {@code -Datlas.browser-tests=false}.
 */
final class Browser implements AutoCloseable {

	static final Path CHROMIUM = Paths.get("/usr/bin/chromium");

	private final Playwright playwright;

	private final com.microsoft.playwright.Browser browser;

	private Browser(Playwright playwright, com.microsoft.playwright.Browser browser) {
		this.playwright = playwright;
		this.browser = browser;
	}

	static void assumeAvailable() {
		Assumptions.assumeTrue(!"false".equals(System.getProperty("atlas.browser-tests")),
				"browser tests switched off (-Datlas.browser-tests=false)");
		Assumptions.assumeTrue(Files.isExecutable(CHROMIUM), "Debian chromium not installed at /usr/bin/chromium");
	}

	static Browser launch() {
		Playwright playwright = Playwright
			.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
		var browser = playwright.chromium()
			.launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM)
				.setHeadless(true)
				.setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
						"--disable-component-update", "--disable-sync")));
		return new Browser(playwright, browser);
	}

	Page newPage(String locale, int width, int height) {
		var context = this.browser.newContext(new com.microsoft.playwright.Browser.NewContextOptions().setLocale(locale)
			.setViewportSize(width, height));
		return context.newPage();
	}

	static void screenshot(Page page, String name) {
		page.screenshot(new Page.ScreenshotOptions().setPath(Paths.get("target", "screenshots", name + ".png"))
			.setFullPage(true));
	}

	@Override
	public void close() {
		this.browser.close();
		this.playwright.close();
	}

}
