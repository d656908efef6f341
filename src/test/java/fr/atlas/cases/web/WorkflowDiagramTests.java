package fr.atlas.cases.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.atlas.cases.engine.WorkflowDefinition;
import fr.atlas.cases.internal.WorkflowJson;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The workflow diagram of the seeded types: "Perdre" was written once per state it is
 * lost from, over "Gagner" and the others, in a drawing with 90 px of margin above and
 * rows 164 px apart, stretched to the page's width.
 */
class WorkflowDiagramTests {

	static final Pattern LABEL = Pattern
		.compile("<text x=\"(\\d+)\" y=\"(\\d+)\" text-anchor=\"middle\" font-size=\"11\"[^>]*>([^<]*)</text>");

	final DelayWords delays;

	WorkflowDiagramTests() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasenames("i18n/cases");
		messages.setDefaultEncoding("UTF-8");
		this.delays = new DelayWords(messages);
	}

	@Test
	void aMoveIntoAFinalStateIsLabelledOnceWhateverItLeavesFrom() throws IOException {
		String svg = svg("LEAD_ACHAT");
		assertThat(labels(svg)).extracting(Label::text)
			.containsOnlyOnce("Perdre", "Gagner")
			.contains("Qualifier", "Revenir en qualification");
		// each arrow still says its move
		// (written as HTML entities)
		assertThat(svg).contains("<title>Perdre&nbsp;: Nouveau &rarr; Perdu</title>",
				"<title>Perdre&nbsp;: Offre &rarr; Perdu</title>",
				"<title>Gagner&nbsp;: Offre &rarr; Gagn&eacute;</title>");
		assertThat(labels(svg("PROSPECTION"))).extracting(Label::text).containsOnlyOnce("Perdre", "Signer");
	}

	@Test
	void labelsDoNotOverlap() throws IOException {
		for (String type : List.of("LEAD_ACHAT", "PROSPECTION", "LOCATION")) {
			List<Label> labels = labels(svg(type));
			for (int i = 0; i < labels.size(); i++) {
				for (int j = i + 1; j < labels.size(); j++) {
					assertThat(labels.get(i).overlaps(labels.get(j)))
						.as(type + ": " + labels.get(i) + " and " + labels.get(j))
						.isFalse();
				}
			}
		}
	}

	@Test
	void theDrawingIsAsLargeAsItNeedsAndNoLarger() throws IOException {
		String svg = svg("LEAD_ACHAT");
		Matcher size = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\" width=\"(\\d+)\" height=\"(\\d+)\"").matcher(svg);
		assertThat(size.find()).isTrue();
		// four open states in a row, the final ones under them, no margin of 90 px
		assertThat(Integer.parseInt(size.group(2))).isLessThan(320);
		assertThat(Integer.parseInt(size.group(1))).isLessThan(800);
		// drawn at its size, not stretched to the page's width
		assertThat(svg).contains("style=\"max-width:" + size.group(1) + "px\"");
		// the first row's first box is not pushed down by an empty band
		assertThat(svg).containsPattern("<rect x=\"20\" y=\"([2-5]\\d)\"");
	}

	private String svg(String type) throws IOException {
		return WorkflowDiagram.svg(definition(type), "fr", this.delays, type);
	}

	@SuppressWarnings("unchecked")
	static WorkflowDefinition definition(String type) throws IOException {
		try (InputStream in = new ClassPathResource("cases/seeds/" + type + ".json").getInputStream()) {
			Map<String, Object> seed = JsonMapper.builder()
				.build()
				.readValue(new String(in.readAllBytes(), StandardCharsets.UTF_8), Map.class);
			Map<String, Object> workflow = (Map<String, Object>) seed.get("workflow");
			for (Map<String, Object> state : (List<Map<String, Object>>) workflow.get("states")) {
				if (state.get("onEnter") instanceof List<?> actions) {
					for (Object action : actions) {
						Map<String, Object> entry = (Map<String, Object>) action;
						if (entry.get("name") instanceof Map<?, ?> names) {
							entry.put("name", names.get("fr"));
						}
					}
				}
			}
			return WorkflowJson.read(workflow);
		}
	}

	static List<Label> labels(String svg) {
		List<Label> labels = new ArrayList<>();
		Matcher matcher = LABEL.matcher(svg);
		while (matcher.find()) {
			labels.add(new Label(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)),
					matcher.group(3).replace("&rsquo;", "’").replace("&eacute;", "é")));
		}
		return labels;
	}

	/** A label at its baseline's middle, about 6 px a character wide and 11 px high. */
	record Label(int x, int y, String text) {

		boolean overlaps(Label other) {
			double half = this.text.length() * 6.0 / 2;
			double otherHalf = other.text.length() * 6.0 / 2;
			boolean apartX = this.x + half <= other.x - otherHalf || other.x + otherHalf <= this.x - half;
			boolean apartY = Math.abs(this.y - other.y) >= 11;
			return !(apartX || apartY);
		}

	}

}
