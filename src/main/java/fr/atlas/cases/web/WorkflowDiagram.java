package fr.atlas.cases.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import fr.atlas.cases.engine.StateDefinition;
import fr.atlas.cases.engine.TransitionDefinition;
import fr.atlas.cases.engine.WorkflowDefinition;

import org.springframework.web.util.HtmlUtils;

/**
 * Draws a workflow as an SVG on the server: open states on a first row in definition
 * order, final states on a second row, each under the states that lead into it; forward
 * moves arc above, backward ones below, moves into a final state go down.
 * <p>
 * A move into a final state from several states ("Perdre" from each open state) is
 * labelled once, above the final state, and its arrows end side by side along the state's
 * top: one label per arrow, a third of the way down, wrote "Perdre" four times over the
 * others ("Gagner" among them). Labels have a white halo, so an arrow that crosses one
 * does not cross it out. The image is as tall as its arcs and labels need, and no wider
 * than it is drawn: the diagram had a margin of 90 px above, the rows 164 px apart, and
 * four states were stretched to the page's width.
 */
final class WorkflowDiagram {

	static final int BOX_WIDTH = 140;

	static final int BOX_HEIGHT = 46;

	static final int GAP = 60;

	static final int MARGIN = 20;

	/**
	 * How far an arc between neighbours bends, and how much more for each state it skips.
	 */
	static final int BEND = 30;

	static final int BEND_PER_STATE = 30;

	/** The height of a line of labels. */
	static final int LINE = 15;

	private WorkflowDiagram() {
	}

	/** Where a state is drawn: its box's corner, its row (0 open, 1 final), its place. */
	private record Place(int x, int y, int row, int index) {

		int centre() {
			return this.x + BOX_WIDTH / 2;
		}

	}

	/** A move drawn as one arrow. */
	private record Arrow(TransitionDefinition transition, String from) {
	}

	/**
	 * The diagram of {@code definition}, an image named {@code name} for screen readers
	 * (the tables beside it say what it shows).
	 */
	static String svg(WorkflowDefinition definition, String language, DelayWords delays, String name) {
		Locale locale = Locale.forLanguageTag(language);
		List<StateDefinition> open = definition.states().stream().filter((s) -> !s.terminal()).toList();
		List<StateDefinition> closed = definition.states().stream().filter(StateDefinition::terminal).toList();
		Map<String, Integer> openIndex = new HashMap<>();
		for (int i = 0; i < open.size(); i++) {
			openIndex.put(open.get(i).key(), i);
		}

		// the arrows: between open states (arcs), and down into final states
		List<Arrow> arcs = new ArrayList<>();
		Map<String, List<Arrow>> down = new LinkedHashMap<>();
		closed.forEach((s) -> down.put(s.key(), new ArrayList<>()));
		for (TransitionDefinition transition : definition.transitions()) {
			for (String from : transition.from()) {
				if (!openIndex.containsKey(from)) {
					continue;
				}
				if (openIndex.containsKey(transition.to())) {
					arcs.add(new Arrow(transition, from));
				}
				else if (down.containsKey(transition.to())) {
					down.get(transition.to()).add(new Arrow(transition, from));
				}
			}
		}

		// heights: the forward arcs' above the first row, the backward ones' below it,
		// then the labels stacked above each final state
		int above = 0;
		int below = 0;
		for (Arrow arc : arcs) {
			int distance = openIndex.get(arc.transition().to()) - openIndex.get(arc.from());
			int bend = BEND + BEND_PER_STATE * (Math.abs(distance) - 1);
			if (distance > 0) {
				above = Math.max(above, bend / 2 + LINE + 4);
			}
			else {
				below = Math.max(below, bend / 2 + LINE + 4);
			}
		}
		int stack = down.values()
			.stream()
			.mapToInt((arrows) -> (int) arrows.stream().map((a) -> a.transition().name()).distinct().count())
			.max()
			.orElse(0);
		int top = MARGIN + above;
		int bottomRow = top + BOX_HEIGHT + below + 60 + stack * LINE;

		Map<String, Place> places = new HashMap<>();
		for (int i = 0; i < open.size(); i++) {
			places.put(open.get(i).key(), new Place(MARGIN + i * (BOX_WIDTH + GAP), top, 0, i));
		}
		placeFinalStates(closed, down, places, bottomRow, open.size());

		int right = places.values().stream().mapToInt((p) -> p.x() + BOX_WIDTH).max().orElse(BOX_WIDTH);
		int width = right + MARGIN;
		int height = (closed.isEmpty() ? top + BOX_HEIGHT + below : bottomRow + BOX_HEIGHT) + MARGIN;
		StringBuilder svg = new StringBuilder();
		svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"workflow-diagram\" viewBox=\"0 0 ")
			.append(width)
			.append(' ')
			.append(height)
			.append("\" width=\"")
			.append(width)
			.append("\" height=\"")
			.append(height)
			.append("\" style=\"max-width:")
			.append(width)
			.append("px\" role=\"img\" aria-label=\"")
			.append(escape(name))
			.append("\"><defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" ")
			.append("markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\">")
			.append("<path d=\"M0,0 L10,5 L0,10 z\" fill=\"#5b6475\"/></marker></defs>");
		List<String> labels = new ArrayList<>();

		for (Arrow arc : arcs) {
			Place from = places.get(arc.from());
			Place to = places.get(arc.transition().to());
			boolean forward = to.index() > from.index();
			int bend = (forward ? -1 : 1) * (BEND + BEND_PER_STATE * (Math.abs(to.index() - from.index()) - 1));
			// a forward arc leaves and reaches the boxes right of their centre, a
			// backward one left of it: a pair of moves between two states is two arcs,
			// not one
			int shift = forward ? 12 : -12;
			int y = forward ? top : top + BOX_HEIGHT;
			int x1 = from.centre() + shift;
			int x2 = to.centre() - shift;
			path(svg, "M" + x1 + "," + y + " Q" + (x1 + x2) / 2 + "," + (y + bend) + " " + x2 + "," + y,
					title(definition, arc.transition(), List.of(arc.from()), language));
			labels.add(label((x1 + x2) / 2, y + bend / 2 + (forward ? -4 : 14), arc.transition().label(language)));
		}

		for (Map.Entry<String, List<Arrow>> into : down.entrySet()) {
			Place to = places.get(into.getKey());
			List<Arrow> arrows = new ArrayList<>(into.getValue());
			arrows.sort(Comparator.comparingInt((Arrow a) -> places.get(a.from()).x()));
			// the arrows end side by side along the state's top, in the order they come
			int slot = (arrows.size() > 1) ? Math.min(24, (BOX_WIDTH - 30) / (arrows.size() - 1)) : 0;
			int first = to.centre() - slot * (arrows.size() - 1) / 2;
			for (int i = 0; i < arrows.size(); i++) {
				Arrow arrow = arrows.get(i);
				Place from = places.get(arrow.from());
				path(svg,
						"M" + from.centre() + "," + (from.y() + BOX_HEIGHT) + " L" + (first + i * slot) + "," + to.y(),
						title(definition, arrow.transition(), List.of(arrow.from()), language));
			}
			// one label for each move into the state, however many states it leaves from
			List<TransitionDefinition> moves = arrows.stream()
				.map(Arrow::transition)
				.distinct()
				.sorted(Comparator.comparingInt(definition.transitions()::indexOf))
				.toList();
			for (int k = 0; k < moves.size(); k++) {
				labels
					.add(label(to.centre(), to.y() - 8 - (moves.size() - 1 - k) * LINE, moves.get(k).label(language)));
			}
		}
		labels.forEach(svg::append);

		for (StateDefinition state : definition.states()) {
			Place p = places.get(state.key());
			svg.append("<g class=\"state\"><rect x=\"")
				.append(p.x())
				.append("\" y=\"")
				.append(p.y())
				.append("\" width=\"")
				.append(BOX_WIDTH)
				.append("\" height=\"")
				.append(BOX_HEIGHT)
				.append("\" rx=\"10\" fill=\"#fff\" stroke=\"")
				.append(escape(state.colourOrDefault()))
				.append("\" stroke-width=\"")
				.append(state.initial() || state.terminal() ? 3 : 2)
				.append("\"/><text x=\"")
				.append(p.centre())
				.append("\" y=\"")
				.append(p.y() + 20)
				.append("\" text-anchor=\"middle\" font-size=\"13\" font-weight=\"600\" fill=\"#1d2433\">")
				.append(escape(state.label(language)))
				.append("</text><text x=\"")
				.append(p.centre())
				.append("\" y=\"")
				.append(p.y() + 36)
				.append("\" text-anchor=\"middle\" font-size=\"10\" fill=\"#5b6475\">")
				.append(escape(state.key() + ((state.sla() != null) ? " · SLA " + delays.of(state.sla(), locale) : "")
						+ ((state.escalateAfter() != null) ? " ↑" + delays.of(state.escalateAfter(), locale) : "")))
				.append("</text></g>");
		}
		svg.append("</svg>");
		return svg.toString();
	}

	/**
	 * Each final state under the states that lead into it (their mean place), boxes kept
	 * apart in the order of those places: "Gagné" under "Offre", "Perdu" under the middle
	 * of the states it is lost from, rather than all of them centred whatever their
	 * moves, their arrows crossing.
	 */
	private static void placeFinalStates(List<StateDefinition> states, Map<String, List<Arrow>> down,
			Map<String, Place> places, int y, int openCount) {
		int step = BOX_WIDTH + GAP;
		int centred = MARGIN + Math.max(0, (openCount - states.size()) * step / 2);
		Map<String, Integer> wanted = new HashMap<>();
		for (int i = 0; i < states.size(); i++) {
			List<Arrow> arrows = down.get(states.get(i).key());
			wanted.put(states.get(i).key(), arrows.isEmpty() ? centred + i * step
					: (int) arrows.stream().mapToInt((a) -> places.get(a.from()).x()).average().orElse(0));
		}
		List<StateDefinition> closed = states.stream()
			.sorted(Comparator.comparingInt((StateDefinition s) -> wanted.get(s.key())))
			.toList();
		int[] xs = new int[closed.size()];
		for (int i = 0; i < closed.size(); i++) {
			xs[i] = wanted.get(closed.get(i).key());
		}
		// apart, left to right, then back within the open row's width if pushed past it
		for (int i = 1; i < xs.length; i++) {
			xs[i] = Math.max(xs[i], xs[i - 1] + step);
		}
		int limit = MARGIN + Math.max(openCount, closed.size()) * step - GAP - BOX_WIDTH;
		for (int i = xs.length - 1; i >= 0; i--) {
			int max = limit - (xs.length - 1 - i) * step;
			xs[i] = Math.max(MARGIN + i * step, Math.min(xs[i], max));
		}
		for (int i = 0; i < closed.size(); i++) {
			places.put(closed.get(i).key(), new Place(xs[i], y, 1, i));
		}
	}

	private static void path(StringBuilder svg, String d, String title) {
		svg.append("<path d=\"")
			.append(d)
			.append("\" fill=\"none\" stroke=\"#98a2b3\" stroke-width=\"1.5\" marker-end=\"url(#arrow)\">")
			.append("<title>")
			.append(escape(title))
			.append("</title></path>");
	}

	/**
	 * A move in words, as the boxes and the labels read: "Gagner : Offre → Gagné", not
	 * "win : OFFER → WON", the designer's keys.
	 */
	private static String title(WorkflowDefinition definition, TransitionDefinition transition, List<String> from,
			String language) {
		return transition.label(language) + ("fr".equals(language) ? "\u00a0: " : ": ")
				+ String.join(", ", from.stream().map((key) -> stateLabel(definition, key, language)).toList()) + " → "
				+ stateLabel(definition, transition.to(), language);
	}

	/** A label with a white halo: an arrow that crosses it does not cross it out. */
	private static String label(int x, int y, String text) {
		return "<text x=\"" + x + "\" y=\"" + y + "\" text-anchor=\"middle\" font-size=\"11\" fill=\"#344054\""
				+ " stroke=\"#fff\" stroke-width=\"4\" stroke-linejoin=\"round\" paint-order=\"stroke\">" + escape(text)
				+ "</text>";
	}

	private static String stateLabel(WorkflowDefinition definition, String key, String language) {
		return definition.state(key).map((state) -> state.label(language)).orElse(key);
	}

	private static String escape(String text) {
		return HtmlUtils.htmlEscape(text);
	}

}
