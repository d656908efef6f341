package fr.atlas.prospects.web;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import fr.atlas.platform.AgencyFacts;
import fr.atlas.platform.web.AgencyPanel;
import fr.atlas.prospects.internal.NameDisplay;
import fr.atlas.prospects.internal.ProspectSearch.Contact;
import fr.atlas.prospects.internal.ProspectSearch.Detail;
import fr.atlas.prospects.internal.ProspectSearch.Summary;
import fr.atlas.tenancy.Feature;
import fr.atlas.tenancy.Features;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The panels other modules add to an agency's page, those of the organisation's active
 * modules only, filled for the agency shown.
 */
@Component
class AgencyPanels {

	private final Features features;

	private final ObjectProvider<AgencyPanel> panels;

	AgencyPanels(Features features, ObjectProvider<AgencyPanel> panels) {
		this.features = features;
		this.panels = panels;
	}

	List<Shown> of(UUID agency) {
		Set<Feature> enabled = this.features.enabled();
		return this.panels.orderedStream()
			.filter((panel) -> panel.featureKey().flatMap(Feature::parse).map(enabled::contains).orElse(true))
			.sorted(Comparator.comparingInt(AgencyPanel::order))
			.map((panel) -> new Shown(panel.titleCode(), panel.emptyCode(), panel.entries().apply(agency),
					(panel.action() != null && panel.action().offered(agency)) ? panel.action() : null))
			.toList();
	}

	record Shown(String titleCode, String emptyCode, List<AgencyPanel.Entry> entries,
			AgencyPanel.@Nullable Action action) {
	}

	/**
	 * The agency's facts a panel's action posts, by the names of
	 * {@link AgencyPanel.Action#FIELDS}: the name as shown (its best spelling), the town
	 * as shown, the first e-mail (the agency's, else its contacts') as shown, with its
	 * domain's accents (a case keeps it as text, to be read), the first contact's name.
	 */
	static Map<String, String> facts(Detail detail) {
		Summary agency = detail.agency();
		Optional<Contact> contact = detail.contacts().stream().findFirst();
		@Nullable String email = agency.emails()
			.stream()
			.findFirst()
			.or(() -> detail.contacts().stream().flatMap((c) -> c.emails().stream()).findFirst())
			.orElse(null);
		@Nullable String person = contact.map(
				(c) -> Stream.of(c.firstName(), c.lastName()).filter(Objects::nonNull).collect(Collectors.joining(" ")))
			.orElse(null);
		return new AgencyFacts(agency.id(), detail.displayName(), agency.siren(), NameDisplay.town(agency.city()),
				ShownDomains.email(email), person, agency.owner())
			.asFields();
	}

}
