package fr.atlas.cases.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import fr.atlas.cases.engine.StateDefinition;
import fr.atlas.cases.engine.TransitionDefinition;
import fr.atlas.cases.engine.WorkflowDefinition;
import org.springframework.web.util.HtmlUtils;

/**
 * Draws a workflow as an SVG on the server: open states on a first row in definition
 * order, final states on a second row; forward moves arc above, backward ones below,
 * moves into a final state go down.
 */
final class WorkflowDiagram {

	static final int BOX_WIDTH = 140;

	static final int BOX_HEIGHT = 46;

	static final int GAP = 60;

	static final int TOP = 90;

	static final int BOTTOM_ROW = 300;

	private WorkflowDiagram() {
	}

	/**
	 * The diagram of {@code definition}, an image named {@code name} for screen readers
	 * (the tables beside it say what it shows).
	 */
	static String svg(WorkflowDefinition definition, String language, DelayWords delays, String name) {
		java.util.Locale locale = java.util.Locale.forLanguageTag(language);
		List<StateDefinition> open = definition.states().stream().filter((s) -> !s.terminal()).toList();
		List<StateDefinition> closed = definition.states().stream().filter(StateDefinition::terminal).toList();
		Map<String, int[]> positions = new HashMap<>();
		for (int i = 0; i < open.size(); i++) {
			positions.put(open.get(i).key(), new int[] { 20 + i * (BOX_WIDTH + GAP), TOP, 0, i });
		}
		int offset = Math.max(0, (open.size() - closed.size()) * (BOX_WIDTH + GAP) / 2);
		for (int i = 0; i < closed.size(); i++) {
			positions.put(closed.get(i).key(), new int[] { 20 + offset + i * (BOX_WIDTH + GAP), BOTTOM_ROW, 1, i });
		}
		int columns = Math.max(open.size(), closed.size());
		int width = 40 + columns * (BOX_WIDTH + GAP);
		int height = BOTTOM_ROW + BOX_HEIGHT + 90;
		StringBuilder svg = new StringBuilder();
		svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"workflow-diagram\" viewBox=\"0 0 ")
			.append(width)
			.append(' ')
			.append(height)
			.append("\" role=\"img\" aria-label=\"")
			.append(escape(name))
			.append("\"><defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" ")
			.append("markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\">")
			.append("<path d=\"M0,0 L10,5 L0,10 z\" fill=\"#5b6475\"/></marker></defs>");
		List<String> labels = new ArrayList<>();
		int lane = 0;
		for (TransitionDefinition transition : definition.transitions()) {
			int[] to = positions.get(transition.to());
			if (to == null) {
				continue;
			}
			for (String fromKey : transition.from()) {
				int[] from = positions.get(fromKey);
				if (from == null) {
					continue;
				}
				lane++;
				String path;
				int labelX;
				int labelY;
				if (from[2] == 0 && to[2] == 0) {
					boolean forward = to[3] > from[3];
					int distance = Math.abs(to[3] - from[3]);
					int x1 = from[0] + BOX_WIDTH / 2;
					int x2 = to[0] + BOX_WIDTH / 2;
					int y = forward ? TOP : TOP + BOX_HEIGHT;
					int bend = (forward ? -1 : 1) * (30 + 22 * distance);
					int controlY = y + bend;
					path = "M" + x1 + "," + y + " Q" + (x1 + x2) / 2 + "," + controlY + " " + x2 + "," + y;
					labelX = (x1 + x2) / 2;
					labelY = y + bend / 2 + (forward ? -2 : 12);
				}
				else {
					int x1 = from[0] + BOX_WIDTH / 2 + ((lane % 5) - 2) * 8;
					int y1 = from[1] + BOX_HEIGHT;
					int x2 = to[0] + BOX_WIDTH / 2;
					int y2 = to[1];
					path = "M" + x1 + "," + y1 + " L" + x2 + "," + y2;
					// A third of the way down, so labels of moves into one final state
					// do not overlap.
					labelX = x1 + (x2 - x1) / 3;
					labelY = y1 + (y2 - y1) / 3;
				}
				svg.append("<path d=\"")
					.append(path)
					.append("\" fill=\"none\" stroke=\"#98a2b3\" stroke-width=\"1.5\" marker-end=\"url(#arrow)\">")
					.append("<title>")
					// in words, as the boxes and the labels read: "Gagner : Offre →
					// Gagné", not
					// "win : OFFER → WON", the designer's keys
					.append(escape(transition.label(language) + ("fr".equals(language) ? "\u00a0: " : ": ")
							+ stateLabel(definition, fromKey, language) + " → "
							+ stateLabel(definition, transition.to(), language)))
					.append("</title></path>");
				labels.add("<text x=\"" + labelX + "\" y=\"" + labelY
						+ "\" text-anchor=\"middle\" font-size=\"11\" fill=\"#344054\">"
						+ escape(transition.label(language)) + "</text>");
			}
		}
		labels.forEach(svg::append);
		for (StateDefinition state : definition.states()) {
			int[] p = positions.get(state.key());
			svg.append("<g class=\"state\"><rect x=\"")
				.append(p[0])
				.append("\" y=\"")
				.append(p[1])
				.append("\" width=\"")
				.append(BOX_WIDTH)
				.append("\" height=\"")
				.append(BOX_HEIGHT)
				.append("\" rx=\"10\" fill=\"#fff\" stroke=\"")
				.append(escape(state.colourOrDefault()))
				.append("\" stroke-width=\"")
				.append(state.initial() || state.terminal() ? 3 : 2)
				.append("\"/><text x=\"")
				.append(p[0] + BOX_WIDTH / 2)
				.append("\" y=\"")
				.append(p[1] + 20)
				.append("\" text-anchor=\"middle\" font-size=\"13\" font-weight=\"600\" fill=\"#1d2433\">")
				.append(escape(state.label(language)))
				.append("</text><text x=\"")
				.append(p[0] + BOX_WIDTH / 2)
				.append("\" y=\"")
				.append(p[1] + 36)
				.append("\" text-anchor=\"middle\" font-size=\"10\" fill=\"#5b6475\">")
				.append(escape(state.key() + ((state.sla() != null) ? " · SLA " + delays.of(state.sla(), locale) : "")
						+ ((state.escalateAfter() != null) ? " ↑" + delays.of(state.escalateAfter(), locale) : "")))
				.append("</text></g>");
		}
		svg.append("</svg>");
		return svg.toString();
	}

	private static String stateLabel(WorkflowDefinition definition, String key, String language) {
		return definition.state(key).map((state) -> state.label(language)).orElse(key);
	}

	private static String escape(String text) {
		return HtmlUtils.htmlEscape(text);
	}

}
