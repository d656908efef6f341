package fr.atlas.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The message bundles as a user meets them: a key written twice silently keeps its last
 * value (a button label once replaced an error message this way), and a key only one
 * language has shows the other language's users the French text or the key.
 */
class MessageBundlesTests {

	private static final Path BUNDLES = Path.of("src/main/resources/i18n");

	private static final List<String> FRENCH_TYPOGRAPHY = List.of("messages", "tenancy", "audit");

	private static final Pattern STRAIGHT_APOSTROPHE = Pattern.compile("\\p{L}'+\\p{L}");

	private static final Pattern BREAKING_SPACE = Pattern.compile(" [:;!?»](?=\\s|$|\\))|« ");

	@Test
	void noBundleWritesAKeyTwice() throws IOException {
		List<String> repeated = new ArrayList<>();
		for (Path bundle : bundles()) {
			Set<String> seen = new HashSet<>();
			for (String line : Files.readAllLines(bundle, StandardCharsets.UTF_8)) {
				String key = key(line);
				if (key != null && !seen.add(key)) {
					repeated.add(bundle.getFileName() + ": " + key);
				}
			}
		}
		assertThat(repeated).isEmpty();
	}

	@Test
	void frenchAndEnglishHaveTheSameKeys() throws IOException {
		List<Path> french = bundles().stream().filter((path) -> !path.toString().endsWith("_en.properties")).toList();
		assertThat(french).isNotEmpty();
		for (Path bundle : french) {
			Path english = bundle
				.resolveSibling(bundle.getFileName().toString().replace(".properties", "_en.properties"));
			assertThat(english).exists();
			Set<String> onlyFrench = new TreeSet<>(keys(bundle));
			onlyFrench.removeAll(keys(english));
			Set<String> onlyEnglish = new TreeSet<>(keys(english));
			onlyEnglish.removeAll(keys(bundle));
			assertThat(onlyFrench).as("keys of %s missing in English", bundle.getFileName()).isEmpty();
			assertThat(onlyEnglish).as("keys of %s missing in French", english.getFileName()).isEmpty();
		}
	}

	/**
	 * French text as a French reader expects it: a typographic apostrophe, and a no-break
	 * space before a colon, semicolon, exclamation or question mark and inside « », so
	 * that a narrow phone screen never starts a line with the sign alone.
	 */
	@Test
	void frenchTextFollowsFrenchTypography() throws IOException {
		List<String> faults = new ArrayList<>();
		for (String name : FRENCH_TYPOGRAPHY) {
			Path bundle = BUNDLES.resolve(name + ".properties");
			Properties properties = load(bundle);
			for (String key : new TreeSet<>(properties.stringPropertyNames())) {
				String value = properties.getProperty(key);
				if (STRAIGHT_APOSTROPHE.matcher(value).find() || BREAKING_SPACE.matcher(value).find()) {
					faults.add(name + ": " + key + "=" + value);
				}
			}
		}
		assertThat(faults).isEmpty();
	}

	private static List<Path> bundles() throws IOException {
		try (Stream<Path> files = Files.list(BUNDLES)) {
			return files.filter((path) -> path.toString().endsWith(".properties")).sorted().toList();
		}
	}

	private static Set<String> keys(Path bundle) throws IOException {
		return load(bundle).stringPropertyNames();
	}

	private static Properties load(Path bundle) throws IOException {
		Properties properties = new Properties();
		try (var reader = Files.newBufferedReader(bundle, StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		return properties;
	}

	/**
	 * The key of a line that starts an entry, null for comments, blanks and
	 * continuations.
	 */
	private static String key(String line) {
		String stripped = line.strip();
		if (stripped.isEmpty() || stripped.startsWith("#") || stripped.startsWith("!")
				|| Character.isWhitespace(line.charAt(0))) {
			return null;
		}
		int end = 0;
		while (end < stripped.length() && stripped.charAt(end) != '=' && stripped.charAt(end) != ':'
				&& !Character.isWhitespace(stripped.charAt(end))) {
			end++;
		}
		return stripped.substring(0, end);
	}

}
