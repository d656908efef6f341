package fr.atlas.cases.web;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;

import org.jspecify.annotations.Nullable;

/**
 * A case's version as an HTTP entity tag: {@code ETag: "3"} on the case as read, and
 * {@code If-Match: "3"} on a change, the way HTTP clients guard against lost updates
 * besides the {@code version} a body may carry (ADR 0118). A tag that names no version
 * the case has (another version, a weak tag, which {@code If-Match} never matches, or
 * anything else) makes the change stale: the 409 {@code case.stale} a stale
 * {@code version} gets, with the current one.
 */
final class CaseVersionTags {

	/** No case has this version: asking for it is answered as stale. */
	private static final int NONE = -1;

	private CaseVersionTags() {
	}

	static String tag(int version) {
		return "\"" + version + "\"";
	}

	/**
	 * The version a change expects: the body's, the {@code If-Match} header's, or both
	 * when they agree; null when neither is given or the header is {@code *}.
	 * {@code current} reads the case's version, only when the header lists several.
	 */
	static @Nullable Integer expected(@Nullable Integer fromBody, @Nullable String ifMatch, IntSupplier current) {
		if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
			return fromBody;
		}
		List<Integer> listed = versions(ifMatch);
		if (fromBody != null) {
			return listed.contains(fromBody) ? fromBody : NONE;
		}
		if (listed.isEmpty()) {
			return NONE;
		}
		if (listed.size() == 1) {
			return listed.get(0);
		}
		int now = current.getAsInt();
		return listed.contains(now) ? now : NONE;
	}

	/** The versions named by the strong tags of an {@code If-Match} header. */
	private static List<Integer> versions(String ifMatch) {
		List<Integer> versions = new ArrayList<>();
		for (String tag : ifMatch.split(",")) {
			String trimmed = tag.trim();
			if (trimmed.length() > 2 && trimmed.startsWith("\"") && trimmed.endsWith("\"")) {
				try {
					versions.add(Integer.parseInt(trimmed.substring(1, trimmed.length() - 1)));
				}
				catch (NumberFormatException ex) {
					// a tag this API never gave matches no version
				}
			}
		}
		return versions;
	}

}
