package fr.atlas.platform.web;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;

/**
 * A panel of an agency's page, contributed by another module as a bean (the cases the
 * agency is a party to...), so that Prospects never depends on the module that fills it.
 * {@code entries} is asked for the agency shown, within its organisation's transaction;
 * {@code feature} hides the panel when the organisation has that module off. Panels are
 * shown by increasing {@code order}.
 *
 * @param titleCode the message naming the panel
 * @param emptyCode the message shown when the agency has no entry
 * @param action a button of the panel for members who may change things, if any
 */
public record AgencyPanel(String titleCode, String emptyCode, int order, @Nullable String feature,
		Function<UUID, List<Entry>> entries, @Nullable Action action) {

	public AgencyPanel(String titleCode, String emptyCode, int order, @Nullable String feature,
			Function<UUID, List<Entry>> entries) {
		this(titleCode, emptyCode, order, feature, entries, null);
	}

	public Optional<String> featureKey() {
		return Optional.ofNullable(this.feature);
	}

	/**
	 * A line of the panel: a link, and what to say beside it.
	 *
	 * @param label the link's text
	 * @param href where it leads
	 * @param detail shown beside the link, if anything
	 */
	public record Entry(String label, String href, @Nullable String detail) {
	}

	/**
	 * A button that posts the agency's facts to {@code path}, as the form fields
	 * {@link #FIELDS} name them (empty when the agency has none): what a module needs to
	 * start its work on the agency without reading Prospects.
	 *
	 * @param labelCode the message on the button
	 * @param path where the form posts
	 * @param offeredFor whether the agency shown is offered the button (not when its work
	 * is going already), asked within its organisation's transaction; null for always
	 */
	public record Action(String labelCode, String path, @Nullable Predicate<UUID> offeredFor) {

		public Action(String labelCode, String path) {
			this(labelCode, path, null);
		}

		/** Whether the agency is offered the button. */
		public boolean offered(UUID agency) {
			return this.offeredFor == null || this.offeredFor.test(agency);
		}

		/**
		 * The agency's id, its name as shown, SIREN, town, first e-mail and first
		 * contact's name.
		 */
		public static final List<String> FIELDS = List.of("agencyId", "agencyName", "siren", "city", "email",
				"contactName");

	}

}
