package fr.atlas.web;

import java.util.Comparator;
import java.util.List;
import java.util.Set;

import fr.atlas.platform.CurrentTenant;
import fr.atlas.platform.web.NavigationEntry;
import fr.atlas.platform.web.TopBarEntry;
import fr.atlas.tenancy.Feature;
import fr.atlas.tenancy.Features;
import fr.atlas.tenancy.Member;
import fr.atlas.tenancy.Members;
import fr.atlas.tenancy.Organisations;
import fr.atlas.tenancy.Role;
import fr.atlas.platform.AtlasPrincipal;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Gives every page of the UI what the layout shows: the member, the organisation and the
 * navigation entries their role and the organisation's active modules allow.
 */
@ControllerAdvice(annotations = Controller.class)
class LayoutModel {

	private final ObjectProvider<NavigationEntry> entries;

	private final ObjectProvider<TopBarEntry> topBar;

	private final Members members;

	private final Organisations organisations;

	private final Features features;

	LayoutModel(ObjectProvider<NavigationEntry> entries, ObjectProvider<TopBarEntry> topBar, Members members,
			Organisations organisations, Features features) {
		this.entries = entries;
		this.topBar = topBar;
		this.members = members;
		this.organisations = organisations;
		this.features = features;
	}

	@ModelAttribute
	void layout(Model model, HttpServletRequest request) {
		if (request.getServletPath().startsWith("/api/")) {
			return;
		}
		model.addAttribute("currentPath", request.getRequestURI());
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !(authentication.getPrincipal() instanceof AtlasPrincipal principal)
				|| CurrentTenant.get().isEmpty()) {
			model.addAttribute("navigation", List.of());
			return;
		}
		Member member = this.members.find(principal.userId()).orElse(null);
		if (member == null) {
			model.addAttribute("navigation", List.of());
			return;
		}
		Set<Feature> enabled = this.features.enabled();
		model.addAttribute("me", member);
		model.addAttribute("organisation", this.organisations.current());
		model.addAttribute("navigation",
				this.entries.orderedStream()
					.filter((entry) -> entry.featureKey().flatMap(Feature::parse).map(enabled::contains).orElse(true))
					.filter((entry) -> entry.minimumRole() == null
							|| Role.parse(entry.minimumRole()).map(member::has).orElse(false))
					.sorted(Comparator.comparingInt(NavigationEntry::order))
					.toList());
		model.addAttribute("topBar",
				this.topBar.orderedStream()
					.filter((entry) -> entry.featureKey().flatMap(Feature::parse).map(enabled::contains).orElse(true))
					.sorted(Comparator.comparingInt(TopBarEntry::order))
					.toList());
	}

}
