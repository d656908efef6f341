package fr.atlas.platform.web;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import fr.atlas.platform.UserId;
import org.jspecify.annotations.Nullable;

/**
 * A card of the home page, contributed by a module as a bean: a few figures about the
 * organisation's work, each a link to where it is acted on, so the {@code web} module
 * never depends on the module computing them. {@code figures} is asked for the member
 * looking, within their organisation's transaction; {@code feature} hides the card when
 * the organisation has that module off. Cards are shown by increasing {@code order}.
 */
public record HomeCard(String titleCode, int order, @Nullable String feature,
		Function<UserId, List<HomeFigure>> figures) {

	public Optional<String> featureKey() {
		return Optional.ofNullable(this.feature);
	}

}
