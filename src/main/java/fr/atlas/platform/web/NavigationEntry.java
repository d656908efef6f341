package fr.atlas.platform.web;

import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * A link in the main navigation, contributed by a module as a bean. {@code feature} names
 * the switchable module it belongs to (hidden when the organisation has it off);
 * {@code minimumRole} hides it from members below that role.
 */
public record NavigationEntry(String path, String labelCode, int order, @Nullable String feature,
		@Nullable String minimumRole) {

	public Optional<String> featureKey() {
		return Optional.ofNullable(this.feature);
	}

}
