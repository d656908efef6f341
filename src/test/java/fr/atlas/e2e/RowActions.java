package fr.atlas.e2e;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.microsoft.playwright.Page;
import org.jspecify.annotations.Nullable;

/**
 * The actions of a page's rows (table rows, list items, cards) whose accessible name does
 * not say which row they act on: the same button, checkbox, radio or link, by the name a
 * screen reader says, in two rows of one table, list or set of cards ("Révoquer,
 * Révoquer"). Two links of the same name to the same address are one destination, not an
 * ambiguity. Read from Playwright's ARIA snapshot, which holds the names Chromium
 * computes (aria-label, labels, visually hidden text).
 */
final class RowActions {

	/** The roles of an action. */
	static final Set<String> ACTIONS = Set.of("button", "link", "checkbox", "radio");

	/** The roles of a row among others like it. */
	static final Set<String> ROWS = Set.of("row", "listitem", "article");

	private static final Pattern NODE = Pattern.compile("^(\\s*)- ('?)([a-z]+)(?: \"((?:[^\"\\\\]|\\\\.)*)\")?.*$");

	private static final Pattern URL = Pattern.compile("^(\\s*)- /url: (.*)$");

	private RowActions() {
	}

	/**
	 * Opens every closed {@code <details>} of a page's {@code main}, so that the controls
	 * inside them are in its ARIA snapshot, which leaves out what a closed one hides.
	 * Returns how many it opened.
	 */
	static int openEveryDetails(Page page) {
		Object opened = page.evaluate("""
				() => {
				  const closed = [...document.querySelectorAll('main details:not([open])')];
				  closed.forEach((details) => { details.open = true; });
				  return closed.length;
				}""");
		return ((Number) opened).intValue();
	}

	/**
	 * The ambiguous actions of an ARIA snapshot, each described by its role, its name and
	 * the number of rows that have it.
	 */
	static List<String> ambiguous(String snapshot) {
		// (table, list or set of cards, role and name) → the rows having it → the
		// addresses of its links
		Map<String, Map<Node, Set<String>>> found = new LinkedHashMap<>();
		for (Node action : read(snapshot)) {
			if (!ACTIONS.contains(action.role)) {
				continue;
			}
			Node row = action.parent;
			while (row != null && !ROWS.contains(row.role)) {
				row = row.parent;
			}
			if (row == null) {
				continue;
			}
			String key = System.identityHashCode(row.parent) + " " + action.role + " \"" + action.name + "\"";
			found.computeIfAbsent(key, (k) -> new LinkedHashMap<>())
				.computeIfAbsent(row, (r) -> new LinkedHashSet<>())
				.add(String.valueOf(action.url));
		}
		List<String> ambiguous = new ArrayList<>();
		found.forEach((key, rows) -> {
			Set<String> addresses = new LinkedHashSet<>();
			rows.values().forEach(addresses::addAll);
			boolean link = key.contains(" link \"");
			if (rows.size() > 1 && (!link || addresses.size() > 1)) {
				ambiguous.add(key.substring(key.indexOf(' ') + 1) + " in " + rows.size() + " rows");
			}
		});
		return ambiguous;
	}

	/**
	 * The nodes of a snapshot in their order, each linked to its parent (by indentation),
	 * a link with its address.
	 */
	private static List<Node> read(String snapshot) {
		List<Node> nodes = new ArrayList<>();
		List<Node> open = new ArrayList<>();
		for (String line : snapshot.split("\n")) {
			Matcher url = URL.matcher(line);
			if (url.matches()) {
				int indent = url.group(1).length();
				while (!open.isEmpty() && open.get(open.size() - 1).indent >= indent) {
					open.remove(open.size() - 1);
				}
				if (!open.isEmpty()) {
					open.get(open.size() - 1).url = url.group(2).strip();
				}
				continue;
			}
			Matcher node = NODE.matcher(line);
			if (!node.matches()) {
				continue;
			}
			int indent = node.group(1).length();
			while (!open.isEmpty() && open.get(open.size() - 1).indent >= indent) {
				open.remove(open.size() - 1);
			}
			Node parent = open.isEmpty() ? null : open.get(open.size() - 1);
			// a line with a colon and a space is quoted as a whole, its quotes doubled
			String name = (node.group(4) != null) ? node.group(4).replace("\\\"", "\"").replace("\\\\", "\\") : "";
			if (!node.group(2).isEmpty()) {
				name = name.replace("''", "'");
			}
			Node read = new Node(indent, node.group(3), name, parent);
			nodes.add(read);
			open.add(read);
		}
		return nodes;
	}

	private static final class Node {

		final int indent;

		final String role;

		final String name;

		final @Nullable Node parent;

		@Nullable String url;

		Node(int indent, String role, String name, @Nullable Node parent) {
			this.indent = indent;
			this.role = role;
			this.name = name;
			this.parent = parent;
		}

	}

}
