package fr.atlas.prospects.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

/**
 * A match's reasons in the order they read best: what makes the two agencies look alike
 * first, then what speaks against it ("autres détails différents", "noms différents"),
 * which the matcher notes as it weighs them.
 */
@Component("reasonOrder")
public class ReasonOrder {

	private static final Set<String> AGAINST = Set.of("details_differ", "names_differ", "network_contact",
			"places_differ", "siret_shared", "ambiguous");

	public List<String> of(List<String> reasons) {
		List<String> ordered = new ArrayList<>(reasons.size());
		reasons.stream().filter((reason) -> !AGAINST.contains(reason)).forEach(ordered::add);
		reasons.stream().filter(AGAINST::contains).forEach(ordered::add);
		return ordered;
	}

}
