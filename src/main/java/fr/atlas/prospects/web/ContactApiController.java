package fr.atlas.prospects.web;

import java.net.URI;
import java.util.Map;
import java.util.UUID;

import fr.atlas.platform.AtlasPrincipal;
import fr.atlas.prospects.internal.ProspectContacts;
import fr.atlas.prospects.internal.ProspectSearch;
import fr.atlas.prospects.internal.ProspectSearch.Contact;
import fr.atlas.prospects.internal.ProspectSearch.Page;
import fr.atlas.tenancy.Feature;
import fr.atlas.tenancy.RequiresFeature;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * An agency's contacts by hand: {@code firstName}, {@code lastName}, {@code role},
 * {@code emails}, {@code phones} (lists, or one string) and {@code linkedin}, checked by
 * the import's rules.
 */
@Tag(name = "Prospects")
@RestController
@RequestMapping("/api/v1/prospects/{id}/contacts")
@RequiresFeature(Feature.PROSPECTS)
class ContactApiController {

	private final ProspectContacts contacts;

	private final ProspectSearch search;

	ContactApiController(ProspectContacts contacts, ProspectSearch search) {
		this.contacts = contacts;
		this.search = search;
	}

	@Operation(summary = "An agency's contacts, a page at a time",
			description = "In the order of the agency's page (last name, then as they came). `size` is 1 to 200 "
					+ "(50 when left out); `total` counts them all. The agency's details carry the first 200.")
	@GetMapping
	Page<Contact> list(@PathVariable UUID id, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size) {
		return this.search.contacts(id, page, size);
	}

	@Operation(summary = "A contact of an agency")
	@GetMapping("/{contactId}")
	Contact contact(@PathVariable UUID id, @PathVariable UUID contactId) {
		return this.search.contact(id, contactId);
	}

	@Operation(summary = "Add a contact to an agency")
	@PostMapping
	@PreAuthorize("hasRole('AGENT')")
	@ResponseStatus(HttpStatus.CREATED)
	ResponseEntity<Contact> add(@PathVariable UUID id, @RequestBody Map<String, @Nullable Object> values,
			@AuthenticationPrincipal AtlasPrincipal principal) {
		UUID contactId = this.contacts.add(id, values, principal.userId().value());
		return ResponseEntity.created(URI.create("/api/v1/prospects/" + id + "/contacts/" + contactId))
			.body(this.search.contact(id, contactId));
	}

	/** Sets the fields present (null or "" clears one). */
	@Operation(summary = "Correct a contact")
	@PatchMapping("/{contactId}")
	@PreAuthorize("hasRole('AGENT')")
	Contact change(@PathVariable UUID id, @PathVariable UUID contactId,
			@RequestBody Map<String, @Nullable Object> changes, @AuthenticationPrincipal AtlasPrincipal principal) {
		this.contacts.change(id, contactId, changes, principal.userId().value());
		return this.search.contact(id, contactId);
	}

	@Operation(summary = "Remove a contact")
	@DeleteMapping("/{contactId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@PreAuthorize("hasRole('AGENT')")
	ResponseEntity<Void> remove(@PathVariable UUID id, @PathVariable UUID contactId,
			@AuthenticationPrincipal AtlasPrincipal principal) {
		this.contacts.remove(id, contactId, principal.userId().value());
		return ResponseEntity.noContent().build();
	}

}
