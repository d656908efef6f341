package fr.atlas.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's Chromium driven by Playwright for Java, never a downloaded browser. Browser
 * tests get it through {@link ChromiumExtension} and are skipped when it is missing or
 * when {@code -Datlas.browser-tests=false}.
 */
public final class Chromium implements AutoCloseable {

	public static final Path EXECUTABLE = Path.of("/usr/bin/chromium");

	private static final Path SCREENSHOTS = Path.of("target", "screenshots");

	private final Playwright playwright;

	private final Browser browser;

	private Chromium(Playwright playwright, Browser browser) {
		this.playwright = playwright;
		this.browser = browser;
	}

	public static Chromium launch() {
		Assumptions.assumeTrue(Boolean.parseBoolean(System.getProperty("atlas.browser-tests", "true")),
				"browser tests switched off (-Datlas.browser-tests=false)");
		Assumptions.assumeTrue(Files.isExecutable(EXECUTABLE), "no Chromium at " + EXECUTABLE);
		Playwright playwright = Playwright
			.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
		Browser browser = playwright.chromium()
			.launch(new BrowserType.LaunchOptions().setExecutablePath(EXECUTABLE)
				.setHeadless(true)
				.setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
						"--disable-component-update", "--disable-sync")));
		return new Chromium(playwright, browser);
	}

	public Browser browser() {
		return this.browser;
	}

	public Page newPage(String locale, int width, int height) {
		return this.browser.newContext(new Browser.NewContextOptions().setLocale(locale).setViewportSize(width, height))
			.newPage();
	}

	/**
	 * Saves a full-page PNG under {@code target/screenshots/}, to look at after a run.
	 */
	public static void screenshot(Page page, String name) {
		page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
	}

	@Override
	public void close() {
		this.browser.close();
		this.playwright.close();
	}

}
