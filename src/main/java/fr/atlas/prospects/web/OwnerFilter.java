package fr.atlas.prospects.web;

import fr.atlas.platform.AtlasPrincipal;
import org.jspecify.annotations.Nullable;

/** The list's {@code owner} filter: a member's id, {@code me} or {@code none}. */
final class OwnerFilter {

	private OwnerFilter() {
	}

	static @Nullable String of(@Nullable String owner, AtlasPrincipal principal) {
		return (owner != null && owner.strip().equalsIgnoreCase("me")) ? principal.userId().value().toString() : owner;
	}

}
