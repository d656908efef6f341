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
