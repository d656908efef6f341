package fr.atlas.support;

import com.microsoft.playwright.Page;

/**
 * Signs a browser page in through the login form, as a member created with
 * {@link ApiClient#PASSWORD}, and waits for the home page.
 */
public final class SignIn {

	private SignIn() {
	}

	public static void as(Page page, String baseUrl, String email) {
		page.navigate(baseUrl + "/login");
		page.fill("input[name=email]", email);
		page.fill("input[name=password]", ApiClient.PASSWORD);
		page.click("button[type=submit]");
		page.waitForURL(baseUrl + "/");
	}

}
