package fr.atlas.prospects.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import fr.atlas.platform.AtlasPrincipal;
import fr.atlas.prospects.internal.ProspectSearch;
import fr.atlas.prospects.internal.SavedSearch;
import fr.atlas.prospects.internal.SavedSearches;
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
 * Searches of the agency list saved under a name, the organisation's or the member's own:
 * {@code {"id","name","filters","personal"}}, where {@code filters} holds the parameters
 * of {@code GET /api/v1/prospects} ({@code {"city": "Lyon", "headcount": "10-19"}}).
 */
@Tag(name = "Prospects")
@RestController
@RequestMapping("/api/v1/prospects/searches")
@RequiresFeature(Feature.PROSPECTS)
class SavedSearchApiController {

	private final SavedSearches searches;

	private final ProspectSearch search;

	SavedSearchApiController(SavedSearches searches, ProspectSearch search) {
		this.searches = searches;
		this.search = search;
	}

	@Operation(summary = "Saved searches of the agency list: the organisation's and the caller's own")
	@GetMapping
	List<SavedSearch> list(@AuthenticationPrincipal AtlasPrincipal principal) {
		return this.searches.list(principal.userId().value());
	}

	/**
	 * Creates a saved search (201), or replaces the one with the same name (200). The
	 * filters are run once first: one the list cannot read is a 400, as the list's.
	 */
	@Operation(summary = "Save a search of the agency list under a name, for the organisation or as the caller's own "
			+ "(\"personal\": true)")
	@PostMapping
	@ApiResponse(responseCode = "201", description = "A new search, with its Location")
	@ApiResponse(responseCode = "200", description = "The search of that name, replaced")
	@PreAuthorize("hasRole('AGENT')")
	ResponseEntity<SavedSearch> save(@RequestBody SearchRequest request,
			@AuthenticationPrincipal AtlasPrincipal principal) {
		Map<String, String> filters = SavedSearches.checked(request.filters());
		this.search.find(SearchParams.of(filters).query(principal, 0, 1));
		SavedSearches.Saved saved = this.searches.save(request.name(), filters, principal.userId().value(),
				Boolean.TRUE.equals(request.personal()));
		return ResponseEntity.status(saved.created() ? HttpStatus.CREATED : HttpStatus.OK)
			.location(URI.create("/api/v1/prospects/searches/" + saved.search().id()))
			.body(saved.search());
	}

	@Operation(summary = "Delete a saved search")
	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@PreAuthorize("hasRole('AGENT')")
	ResponseEntity<Void> delete(@PathVariable UUID id, @AuthenticationPrincipal AtlasPrincipal principal) {
		this.searches.delete(id, principal.userId().value());
		return ResponseEntity.noContent().build();
	}

	/**
	 * {@code personal}: the caller's own search, which no colleague sees (false by
	 * default).
	 */
	record SearchRequest(@Nullable String name, @Nullable Map<String, Object> filters, @Nullable Boolean personal) {
	}

}
