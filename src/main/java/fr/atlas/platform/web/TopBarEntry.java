package fr.atlas.platform.web;

import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * A small element of the top bar (such as the notification bell) contributed by a module
 * as a bean: the layout loads {@code fragmentPath} with htmx on each page and every
 * {@code refreshSeconds}, so the {@code web} module never depends on the module serving
 * it. {@code feature} hides it when the organisation has that module off.
 */
public record TopBarEntry(String fragmentPath, int order, int refreshSeconds, @Nullable String feature) {

	public Optional<String> featureKey() {
		return Optional.ofNullable(this.feature);
	}

	/** An htmx event (sent with {@code HX-Trigger}) that makes every entry reload now. */
	public static final String REFRESH_EVENT = "topbar-refresh";

	/** The htmx trigger: on load, periodically, and when a response asks for it. */
	public String trigger() {
		return "load, every " + this.refreshSeconds + "s, " + REFRESH_EVENT + " from:body";
	}

}
