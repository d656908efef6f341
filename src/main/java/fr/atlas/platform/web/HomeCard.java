package fr.atlas.platform.web;

import java.util.List;
import java.util.Optional;

import fr.atlas.platform.UserId;
import org.jspecify.annotations.Nullable;

/**
 * A card of the home page, contributed by a module as a bean: a few figures about the
 * organisation's work, each a link to where it is acted on, so the {@code web} module
 * never depends on the module computing them. Figures are worked out for the member
 * looking, within their organisation's transaction.
 */
public interface HomeCard {

	/** Message code of the card's title. */
	String titleCode();

	/** Cards are shown by increasing order, as navigation entries are. */
	int order();

	/**
	 * The switchable module the card belongs to: hidden when the organisation has it off.
	 */
	@Nullable String feature();

	List<HomeFigure> figures(UserId member);

	default Optional<String> featureKey() {
		return Optional.ofNullable(feature());
	}

}
