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

	@GetMapping
	String modules(Model model, HtmxRequest htmx) {
		Set<Feature> enabled = this.features.enabled();
		model.addAttribute("modules",
				Arrays.stream(Feature.values())
					.map((f) -> new ModuleRow(f.key(), enabled.contains(f), f.available()))
					.toList());
		return (htmx.isHtmxRequest() && !htmx.isBoosted()) ? "tenancy/modules :: panel" : "tenancy/modules";
	}

	@PostMapping("/{key}")
	String toggle(@PathVariable String key, @RequestParam boolean enabled, Model model, HtmxRequest htmx,
			HttpServletResponse response) {
		Feature feature = Feature.parse(key).orElseThrow(() -> new NotFoundException("Module"));
		if (!feature.available()) {
			// the page offers no button for it: a hand-made request learns why
			response.setStatus(HttpStatus.CONFLICT.value());
			model.addAttribute("unavailable", feature.key());
			return modules(model, htmx);
		}
		this.features.set(feature, enabled);
		if (!htmx.isHtmxRequest()) {
			return "redirect:/settings/modules";
		}
		model.addAttribute("changed", feature.key());
		return modules(model, htmx);
	}

	record ModuleRow(String key, boolean enabled, boolean available) {
	}

}
