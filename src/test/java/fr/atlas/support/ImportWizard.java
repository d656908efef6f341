package fr.atlas.support;

import java.nio.charset.StandardCharsets;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;

/**
 * The import wizard's first step in a signed-in browser page: a CSV file uploaded from
 * the imports page, and the mapping step waited for.
 */
public final class ImportWizard {

	private ImportWizard() {
	}

	public static void uploadToMapping(Page page, String baseUrl, String fileName, String csv) {
		page.navigate(baseUrl + "/prospects/imports");
		page.setInputFiles("input[type=file]",
				new FilePayload(fileName, "text/csv", csv.getBytes(StandardCharsets.UTF_8)));
		page.click("form[enctype='multipart/form-data'] button[type=submit]");
		page.waitForURL("**/mapping");
	}

}
