package fr.atlas.prospects.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every reason a match can carry reads in words on the pages, in French and English: the
 * review queue and the agency page show {@code prospects.reason.<code>}, and a code
 * without one would show as itself.
 */
class MatchReasonLabelsTests {

	/**
	 * A reason written into a match: {@code reasons.add("phone")}, {@code "name:%.2f"}.
	 */
	private static final Pattern REASON = Pattern
		.compile("(?:(?:reasons|more)\\.add\\((?:String\\.format\\(Locale\\.ROOT, )?|List\\.of\\()\"([a-z_+]+)");

	@Test
	void everyReasonAMatchCarriesHasItsWordsInBothLanguages() throws IOException {
		String source = Files.readString(Path.of("src/main/java/fr/atlas/prospects/internal/Deduplication.java"));
		Set<String> codes = new TreeSet<>();
		Matcher matcher = REASON.matcher(source);
		while (matcher.find()) {
			codes.add(matcher.group(1));
		}
		assertThat(codes).as("the reasons found in the matcher").contains("siret", "phone", "name", "site_name");
		for (String bundle : new String[] { "i18n/prospects.properties", "i18n/prospects_en.properties" }) {
			Properties labels = load(bundle);
			assertThat(codes).as(bundle)
				.allSatisfy((code) -> assertThat(labels).containsKey("prospects.reason." + code));
		}
	}

	private static Properties load(String resource) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = MatchReasonLabelsTests.class.getClassLoader().getResourceAsStream(resource)) {
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}

}
