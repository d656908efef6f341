package fr.atlas.prospects.internal;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import fr.atlas.platform.AgencyWork;
import fr.atlas.tenancy.Feature;
import fr.atlas.tenancy.Features;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The work other modules start on agencies ({@link AgencyWork}) that the current
 * organisation's active modules offer, for the list's bulk changes.
 */
@Component
public class AgencyWorks {

	private final ObjectProvider<AgencyWork> works;

	private final Features features;

	AgencyWorks(ObjectProvider<AgencyWork> works, Features features) {
		this.works = works;
		this.features = features;
	}

	/** The work offered to the organisation, in the order the beans are declared. */
	public List<AgencyWork> offered() {
		Set<Feature> enabled = this.features.enabled();
		return this.works.orderedStream()
			.filter((work) -> work.feature().flatMap(Feature::parse).map(enabled::contains).orElse(true))
			.toList();
	}

	/** The work of that key, if the organisation is offered it. */
	Optional<AgencyWork> offered(String key) {
		return offered().stream().filter((work) -> work.key().equals(key)).findFirst();
	}

}
