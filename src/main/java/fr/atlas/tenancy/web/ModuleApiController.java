package fr.atlas.tenancy.web;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import fr.atlas.platform.InvalidInputException;
import fr.atlas.platform.NotFoundException;
import fr.atlas.platform.web.ConflictsWith;
import fr.atlas.platform.web.RefusesUnknownProperties;
import fr.atlas.tenancy.Feature;
import fr.atlas.tenancy.Features;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Which modules the caller's organisation has switched on; admins switch them. A module
 * not available yet is listed as such and cannot be switched (409).
 */
@Tag(name = "Account")
@RestController
@RequestMapping("/api/v1/modules")
class ModuleApiController {

	private final Features features;

	ModuleApiController(Features features) {
		this.features = features;
	}

	@GetMapping
	@PreAuthorize("hasRole('VIEWER')")
	List<ModuleResponse> list() {
		Set<Feature> enabled = this.features.enabled();
		return Arrays.stream(Feature.values())
			.map((f) -> new ModuleResponse(f.key(), enabled.contains(f), f.available()))
			.toList();
	}

	@PutMapping("/{key}")
	@ConflictsWith("modules.not-available: a module not built yet cannot be switched on")
	@PreAuthorize("hasRole('ADMIN')")
	ModuleResponse set(@PathVariable String key, @RequestBody ModuleRequest request) {
		Feature feature = Feature.parse(key).orElseThrow(() -> new NotFoundException("Module"));
		if (request.enabled() == null) {
			throw new InvalidInputException("enabled", "field.required");
		}
		this.features.set(feature, request.enabled());
		return new ModuleResponse(feature.key(), this.features.isEnabled(feature), feature.available());
	}

	/**
	 * {@code available}: false for a module not built yet, never enabled nor switchable.
	 */
	record ModuleResponse(String key, boolean enabled, boolean available) {
	}

	/**
	 * The module as read, with its {@code key} and {@code available}, may be sent back.
	 */
	@RefusesUnknownProperties
	@JsonIgnoreProperties({ "key", "available" })
	record ModuleRequest(@Schema(requiredMode = RequiredMode.REQUIRED) @Nullable Boolean enabled) {
	}

}
