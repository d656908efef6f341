package fr.atlas.prospects.web;

import fr.atlas.platform.AtlasPrincipal;
import fr.atlas.tenancy.Member;
import fr.atlas.tenancy.Members;
import fr.atlas.tenancy.Role;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Tells the prospect pages whether the member may change agencies and imports, so that a
 * viewer is not offered buttons the server would refuse. The server still checks every
 * change ({@code @PreAuthorize}); this only shapes the pages.
 */
@ControllerAdvice(assignableTypes = { ProspectListController.class, DuplicateQueueController.class,
		AgencyController.class, ImportController.class, ContactController.class })
class ProspectPermissions {

	private final Members members;

	ProspectPermissions(Members members) {
		this.members = members;
	}

	/** Whether the member may read the audit log, where an agency's history is. */
	@ModelAttribute("canAudit")
	boolean canAudit(@AuthenticationPrincipal @Nullable AtlasPrincipal principal) {
		return holds(principal, Role.MANAGER);
	}

	/**
	 * Whether the member may download the agencies as a file: the whole base leaves with
	 * one click, so not below a manager.
	 */
	@ModelAttribute("canExport")
	boolean canExport(@AuthenticationPrincipal @Nullable AtlasPrincipal principal) {
		return holds(principal, Role.MANAGER);
	}

	@ModelAttribute("canEdit")
	boolean canEdit(@AuthenticationPrincipal @Nullable AtlasPrincipal principal) {
		return holds(principal, Role.AGENT);
	}

	/** Whether the member is active and holds the role, or one above it. */
	private boolean holds(@Nullable AtlasPrincipal principal, Role role) {
		return principal != null && this.members.find(principal.userId())
			.filter(Member::active)
			.map((member) -> member.has(role))
			.orElse(false);
	}

}
