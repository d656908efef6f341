package fr.atlas.support;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One Chromium per browser test class: registered with
 * {@code @RegisterExtension static final ChromiumExtension chromium = new ChromiumExtension();},
 * it launches before the class's tests (skipping them when there is no browser, see
 * {@link Chromium#launch()}) and closes after them.
 */
public final class ChromiumExtension implements BeforeAllCallback, AfterAllCallback {

	private Chromium chromium;

	@Override
	public void beforeAll(ExtensionContext context) {
		this.chromium = Chromium.launch();
	}

	@Override
	public void afterAll(ExtensionContext context) {
		if (this.chromium != null) {
			this.chromium.close();
			this.chromium = null;
		}
	}

	public Browser browser() {
		return this.chromium.browser();
	}

	/**
	 * A new context as a desktop user of {@code locale} sees the pages (1280×900), closed
	 * by the caller.
	 */
	public BrowserContext desktop(String locale) {
		return browser().newContext(new Browser.NewContextOptions().setLocale(locale).setViewportSize(1280, 900));
	}

	/**
	 * A new context as a phone user of {@code locale} sees the pages (390×844, a common
	 * phone's width in CSS pixels), closed by the caller.
	 */
	public BrowserContext phone(String locale) {
		return browser().newContext(new Browser.NewContextOptions().setLocale(locale).setViewportSize(390, 844));
	}

	public Page newPage(String locale, int width, int height) {
		return this.chromium.newPage(locale, width, height);
	}

}
