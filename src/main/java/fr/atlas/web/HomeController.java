package fr.atlas.web;

import java.util.Comparator;
import java.util.List;
import java.util.Set;

import fr.atlas.platform.AtlasPrincipal;
import fr.atlas.platform.web.HomeCard;
import fr.atlas.platform.web.HomeFigure;
import fr.atlas.platform.web.NavigationEntry;
import fr.atlas.tenancy.Feature;
import fr.atlas.tenancy.Features;
import fr.atlas.tenancy.Members;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The home page: the cards the organisation's active modules contribute, with the figures
 * that tell a member what to do today.
 */
@Controller
class HomeController {

	private final Members members;

	private final Features features;

	private final ObjectProvider<HomeCard> cards;

	HomeController(Members members, Features features, ObjectProvider<HomeCard> cards) {
		this.members = members;
		this.features = features;
		this.cards = cards;
	}

	@GetMapping("/")
	String home(@AuthenticationPrincipal AtlasPrincipal principal, Model model) {
		Set<Feature> enabled = this.features.enabled();
		model.addAttribute("memberCount", this.members.active().size());
		model.addAttribute("cards",
				this.cards.orderedStream()
					.filter((card) -> card.featureKey().flatMap(Feature::parse).map(enabled::contains).orElse(true))
					.sorted(Comparator.comparingInt(HomeCard::order))
					.map((card) -> new ShownCard(card.titleCode(), card.figures().apply(principal.userId())))
					.toList());
		return "web/home";
	}

	@Bean
	static NavigationEntry homeNavigation() {
		return new NavigationEntry("/", "nav.home", 0, null, null);
	}

	record ShownCard(String titleCode, List<HomeFigure> figures) {
	}

}
