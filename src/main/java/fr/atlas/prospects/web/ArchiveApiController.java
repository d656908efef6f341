package fr.atlas.prospects.web;

import java.util.Map;
import java.util.UUID;

import fr.atlas.platform.AtlasPrincipal;
import fr.atlas.prospects.internal.ProspectArchives;
import fr.atlas.prospects.internal.ProspectSearch;
import fr.atlas.prospects.internal.ProspectSearch.Detail;
import fr.atlas.tenancy.Feature;
import fr.atlas.tenancy.RequiresFeature;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Sets an agency aside ({@code POST …/archive}, optional {@code {"reason"}}) and brings
 * it back ({@code POST …/restore}); both answer the agency as {@code GET} does.
 */
@Tag(name = "Prospects")
@RestController
@RequestMapping("/api/v1/prospects/{id}")
@PreAuthorize("hasRole('AGENT')")
@RequiresFeature(Feature.PROSPECTS)
class ArchiveApiController {

	private final ProspectArchives archives;

	private final ProspectSearch search;

	ArchiveApiController(ProspectArchives archives, ProspectSearch search) {
		this.archives = archives;
		this.search = search;
	}

	@Operation(summary = "Archive an agency, with an optional reason")
	@PostMapping("/archive")
	Detail archive(@PathVariable UUID id, @RequestBody(required = false) @Nullable Map<String, @Nullable Object> body,
			@AuthenticationPrincipal AtlasPrincipal principal) {
		this.archives.archive(id, (body != null) ? body.get("reason") : null, principal.userId().value());
		return this.search.detail(id);
	}

	@Operation(summary = "Restore an archived agency")
	@PostMapping("/restore")
	Detail restore(@PathVariable UUID id, @AuthenticationPrincipal AtlasPrincipal principal) {
		this.archives.restore(id, principal.userId().value());
		return this.search.detail(id);
	}

}
