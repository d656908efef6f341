package fr.atlas.prospects.web;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import fr.atlas.platform.web.AgencyPanel;
import fr.atlas.tenancy.Feature;
import fr.atlas.tenancy.Features;

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
			.map((panel) -> new Shown(panel.titleCode(), panel.emptyCode(), panel.entries().apply(agency)))
			.toList();
	}

	record Shown(String titleCode, String emptyCode, List<AgencyPanel.Entry> entries) {
	}

}
