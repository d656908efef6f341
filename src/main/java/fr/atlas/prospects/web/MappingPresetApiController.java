package fr.atlas.prospects.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import fr.atlas.platform.AtlasPrincipal;
import fr.atlas.prospects.internal.MappingPreset;
import fr.atlas.prospects.internal.MappingPresets;
import fr.atlas.tenancy.Feature;
import fr.atlas.tenancy.RequiresFeature;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Saved column mappings of the organisation: {@code {"id","name","mapping"}}, where
 * {@code mapping} is the object {@code POST /api/v1/imports} accepts.
 */
@Tag(name = "Imports")
@RestController
@RequestMapping("/api/v1/imports/mapping-presets")
@RequiresFeature(Feature.PROSPECTS)
class MappingPresetApiController {

	private final MappingPresets presets;

	MappingPresetApiController(MappingPresets presets) {
		this.presets = presets;
	}

	@Operation(summary = "Saved column mappings")
	@GetMapping
	List<MappingPreset> list() {
		return this.presets.list();
	}

	@Operation(summary = "A saved column mapping")
	@GetMapping("/{id}")
	MappingPreset one(@PathVariable UUID id) {
		return this.presets.find(id);
	}

	/** Creates a preset (201), or replaces the one with the same name (200). */
	@Operation(summary = "Save a column mapping under a name")
	@PostMapping
	@ApiResponse(responseCode = "201", description = "A new preset, with its Location")
	@ApiResponse(responseCode = "200", description = "The preset of that name, replaced")
	@PreAuthorize("hasRole('AGENT')")
	ResponseEntity<MappingPreset> save(@RequestBody PresetRequest request,
			@AuthenticationPrincipal AtlasPrincipal principal) {
		MappingPresets.Saved saved = this.presets.save(request.name(), request.mapping(), principal.userId().value());
		return ResponseEntity.status(saved.created() ? HttpStatus.CREATED : HttpStatus.OK)
			.location(URI.create("/api/v1/imports/mapping-presets/" + saved.preset().id()))
			.body(saved.preset());
	}

	@Operation(summary = "Delete a saved column mapping")
	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@PreAuthorize("hasRole('AGENT')")
	ResponseEntity<Void> delete(@PathVariable UUID id) {
		this.presets.delete(id);
		return ResponseEntity.noContent().build();
	}

	record PresetRequest(@Nullable String name, @Nullable Map<String, String> mapping) {
	}

}
