package fr.atlas.audit.web;

import java.util.Locale;

import fr.atlas.audit.AuditLog;
import fr.atlas.audit.AuditPage;
import fr.atlas.audit.AuditVerification;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springdoc.core.annotations.ParameterObject;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The organisation's audit log over the API: a paged, filtered search and a check of the
 * hash chain. Managers and above only.
 */
@Tag(name = "Audit", description = "The organisation's hash-chained audit log and its integrity check")
@RestController
@RequestMapping("/api/v1/audit")
@PreAuthorize("hasRole('MANAGER')")
class AuditApiController {

	private final AuditLog log;

	AuditApiController(AuditLog log) {
		this.log = log;
	}

	@GetMapping
	AuditPageResponse search(@ParameterObject AuditFilter filter, Locale locale) {
		AuditPage page = this.log.search(filter.toQuery(), locale);
		return new AuditPageResponse(page.items(), page.page(), page.size(), page.total());
	}

	@GetMapping("/verify")
	AuditVerification verify() {
		return this.log.verify();
	}

	record AuditPageResponse(java.util.List<fr.atlas.audit.AuditEntry> items, int page, int size, long total) {
	}

}
