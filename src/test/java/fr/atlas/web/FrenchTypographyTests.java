package fr.atlas.web;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * French typography in Atlas's French words (the bundles and the templates): a
 * typographic apostrophe, and a no-break space before « : » (U+00A0) and before « ; », «
 * ! » and « ? » (U+00A0 or the narrow U+202F), and inside guillemets, so that a line
 * never starts with the sign and the sign never stands apart from its word. An ordinary
 * space let "Motif de perte" end a line and ": obligatoire" start the next; "d'audit"
 * beside "d’API" on one page read as two hands.
 */
class FrenchTypographyTests {

	/**
	 * An ordinary space (or none, after a word) before a high sign, or inside guillemets.
	 */
	static final List<Rule> RULES = List.of(
			new Rule("ordinary space before a high sign", Pattern.compile("[ \\t][:;!?](?=\\s|$|[\"'’)])")),
			new Rule("no space before a high sign", Pattern.compile("[\\p{L}\\p{N})»}][;!?:](?=\\s|$)")),
			new Rule("narrow space before a colon", Pattern.compile("\\u202F:")),
			new Rule("no no-break space after «", Pattern.compile("«(?![\\u00A0\\u202F])")),
			new Rule("no no-break space before »", Pattern.compile("(?<![\\u00A0\\u202F])»")),
			new Rule("straight apostrophe", Pattern.compile("\\p{L}'+\\p{L}")));

	private static final List<String> BUNDLES = List.of("messages", "tenancy", "audit", "prospects", "cases");

	/**
	 * What is code, not French, in a message: a JSON example ("options": […]) and an HTTP
	 * header's name ("Authorization: Bearer").
	 */
	private static final Pattern CODE = Pattern.compile("\"\\w+\": |\\b(?:Authorization|Accept|Content-Type): ");

	record Rule(String name, Pattern pattern) {
	}

	static List<String> mistakes(String where, String text) {
		List<String> found = new ArrayList<>();
		for (Rule rule : RULES) {
			Matcher matcher = rule.pattern().matcher(text);
			while (matcher.find()) {
				int from = Math.max(0, matcher.start() - 30);
				int to = Math.min(text.length(), matcher.end() + 30);
				found.add(where + ": " + rule.name() + " in \"" + text.substring(from, to) + "\"");
			}
		}
		return found;
	}

	@Test
	void theFrenchBundlesWriteTypographicApostrophesAndNoBreakSpaces() throws IOException {
		List<String> found = new ArrayList<>();
		for (String name : BUNDLES) {
			Properties bundle = new Properties();
			try (Reader reader = new InputStreamReader(
					new ClassPathResource("i18n/" + name + ".properties").getInputStream(), StandardCharsets.UTF_8)) {
				bundle.load(reader);
			}
			for (String key : bundle.stringPropertyNames()) {
				found.addAll(mistakes(name + ": " + key, CODE.matcher(bundle.getProperty(key)).replaceAll("")));
			}
		}
		assertThat(found).isEmpty();
	}

	@Test
	void theTemplatesWriteNoBreakSpacesInTheirOwnWords() throws IOException {
		Resource[] templates = new PathMatchingResourcePatternResolver().getResources("classpath:templates/**/*.html");
		assertThat(templates).isNotEmpty();
		List<String> found = new ArrayList<>();
		for (Resource template : templates) {
			String html = template.getContentAsString(StandardCharsets.UTF_8).replaceAll("(?s)<!--.*?-->", "");
			// the words between tags (examples a page replaces included: they are copied)
			String text = html.replaceAll("<(?:[^\"'>]|\"[^\"]*\"|'[^']*')*>", "\n");
			found.addAll(mistakes(template.getFilename(), text));
			// and the text literals of expressions, such as ' : ' between a label and a
			// value (a style's are CSS: "width:")
			Matcher attributes = Pattern.compile("(?:th|hx|data)[:-](?!style=)[\\w-]+=\"([^\"]*)\"").matcher(html);
			while (attributes.find()) {
				Matcher literals = Pattern.compile("'((?:[^'\\\\]|\\\\.)*)'").matcher(attributes.group(1));
				while (literals.find()) {
					String literal = literals.group(1);
					// a key joined to another ("LEAD_ACHAT" + ':' + "NEW") is no French
					if (!literal.equals(":")) {
						found.addAll(mistakes(template.getFilename(), literal));
					}
				}
			}
		}
		assertThat(found).isEmpty();
	}

	@Test
	void findsAnOrdinarySpaceBeforeAColonAndInsideGuillemets() {
		assertThat(mistakes("k", "Motif : obligatoire")).hasSize(1);
		assertThat(mistakes("k", "Vraiment ? Oui ; non !")).hasSize(3);
		assertThat(mistakes("k", "La transition « win »")).hasSize(2);
		assertThat(mistakes("k", "Nom: Dupont")).hasSize(1);
		assertThat(
				mistakes("k", "Motif\u00A0: obligatoire, vraiment\u202F? «\u00A0win\u00A0» à 09:00, https://x.fr?a=1"))
			.isEmpty();
	}

}
