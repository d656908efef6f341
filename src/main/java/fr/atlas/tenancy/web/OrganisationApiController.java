package fr.atlas.tenancy.web;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import fr.atlas.platform.web.RefusesUnknownProperties;
import fr.atlas.tenancy.Organisation;
import fr.atlas.tenancy.Organisations;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The caller's organisation: its owners rename it.
 */
@Tag(name = "Account")
@RestController
class OrganisationApiController {

	private final Organisations organisations;

	OrganisationApiController(Organisations organisations) {
		this.organisations = organisations;
	}

	@PatchMapping("/api/v1/organisation")
	@PreAuthorize("hasRole('OWNER')")
	@Operation(summary = "Rename the caller's organisation (OWNER)",
			description = "Body {\"name\"}: 1 to 120 characters, no web address (400 name.web-address, ADR 0075). Audited as organisation.renamed.")
	OrganisationResponse rename(@RequestBody RenameRequest request) {
		return OrganisationResponse.of(this.organisations.rename(request.name()));
	}

	/** The organisation as read, with its {@code id}, may be sent back. */
	@RefusesUnknownProperties
	@JsonIgnoreProperties({ "id" })
	record RenameRequest(@Nullable String name) {
	}

	record OrganisationResponse(UUID id, String name) {

		static OrganisationResponse of(Organisation organisation) {
			return new OrganisationResponse(organisation.orgId().value(), organisation.name());
		}

	}

}
