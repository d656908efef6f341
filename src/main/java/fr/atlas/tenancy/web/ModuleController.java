package fr.atlas.tenancy.web;

import java.util.Arrays;
import java.util.Set;

import fr.atlas.platform.NotFoundException;
import fr.atlas.platform.web.NavigationEntry;
import fr.atlas.tenancy.Feature;
import fr.atlas.tenancy.Features;
import fr.atlas.tenancy.Role;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Admins switch the organisation's modules on and off.
 */
@Controller
@RequestMapping("/settings/modules")
@PreAuthorize("hasRole('ADMIN')")
class ModuleController {

	private final Features features;

	ModuleController(Features features) {
		this.features = features;
	}

	@Bean
	static NavigationEntry modulesNavigation() {
		return new NavigationEntry("/settings/modules", "nav.modules", 95, null, Role.ADMIN.name());
	}

	/**
	 * The page, or its panel for htmx; right after a switch (the redirect of
	 * {@link #toggle}), the panel with the menu and top bar as the modules now allow
	 * them.
	 */
	@GetMapping
	String modules(Model model, HtmxRequest htmx) {
		Set<Feature> enabled = this.features.enabled();
		model.addAttribute("modules",
				Arrays.stream(Feature.values())
					.map((f) -> new ModuleRow(f.key(), enabled.contains(f), f.available()))
					.toList());
		if (!htmx.isHtmxRequest() || htmx.isBoosted()) {
			return "tenancy/modules";
		}
		return model.containsAttribute("changed") ? "tenancy/modules :: changed" : "tenancy/modules :: panel";
	}

	/**
	 * Switches a module, then redirects to the page (htmx follows the redirect): the menu
	 * and the top bar are worked out for each request before its handler runs, so only
	 * the request after the switch shows them as it leaves them.
	 */
	@PostMapping("/{key}")
	String toggle(@PathVariable String key, @RequestParam boolean enabled, Model model, HtmxRequest htmx,
			HttpServletResponse response, RedirectAttributes redirect) {
		Feature feature = Feature.parse(key).orElseThrow(() -> new NotFoundException("Module"));
		if (!feature.available()) {
			// the page offers no button for it: a hand-made request learns why
			response.setStatus(HttpStatus.CONFLICT.value());
			model.addAttribute("unavailable", feature.key());
			return modules(model, htmx);
		}
		this.features.set(feature, enabled);
		redirect.addFlashAttribute("changed", feature.key());
		return "redirect:/settings/modules";
	}

	record ModuleRow(String key, boolean enabled, boolean available) {
	}

}
