package fr.atlas.tenancy.web;

import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import fr.atlas.platform.AtlasPrincipal;
import fr.atlas.platform.ConflictException;
import fr.atlas.platform.InvalidInputException;
import fr.atlas.platform.UserId;
import fr.atlas.platform.web.NavigationEntry;
import fr.atlas.tenancy.Member;
import fr.atlas.tenancy.Members;
import fr.atlas.tenancy.Role;
import fr.atlas.tenancy.internal.Invitations;
import fr.atlas.tenancy.internal.MemberAdministration;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The team page: everyone sees the members; admins invite, change roles and (de)activate.
 * Each change answers htmx with the refreshed panel, and a plain form post with a
 * redirect.
 */
@Controller
@RequestMapping("/members")
class MemberController {

	static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	private final Members members;

	private final MemberAdministration administration;

	private final Invitations invitations;

	private final MessageSource messages;

	MemberController(Members members, MemberAdministration administration, Invitations invitations,
			MessageSource messages) {
		this.members = members;
		this.administration = administration;
		this.invitations = invitations;
		this.messages = messages;
	}

	@Bean
	static NavigationEntry membersNavigation() {
		return new NavigationEntry("/members", "nav.members", 90, null, Role.VIEWER.name());
	}

	@GetMapping
	@PreAuthorize("hasRole('VIEWER')")
	String list(@AuthenticationPrincipal AtlasPrincipal principal, Model model, HtmxRequest htmx) {
		fill(model, principal);
		model.addAttribute("invite", InviteForm.empty());
		return view(htmx);
	}

	/**
	 * The address of one of the page's forms asked with a GET: the page. A refused form
	 * shows the page again at its address, whose language links and reload then ask it
	 * so.
	 */
	@GetMapping({ "/invitations", "/{id}/roles", "/{id}/deactivate", "/{id}/reactivate", "/invitations/{id}/revoke" })
	@PreAuthorize("hasRole('VIEWER')")
	String formAddress() {
		return "redirect:/members";
	}

	@PostMapping("/invitations")
	@PreAuthorize("hasRole('ADMIN')")
	String invite(@AuthenticationPrincipal AtlasPrincipal principal, @ModelAttribute("invite") InviteForm form,
			BindingResult binding, Model model, HtmxRequest htmx, RedirectAttributes redirect) {
		try {
			var invited = this.invitations.invite(principal, form.email(), form.role());
			return done(principal, model, htmx, redirect, text("members.invited", invited.email()));
		}
		catch (InvalidInputException ex) {
			FormErrors.copy(ex, binding);
			fill(model, principal);
			return view(htmx);
		}
	}

	@PostMapping("/invitations/{id}/revoke")
	@PreAuthorize("hasRole('ADMIN')")
	String revokeInvitation(@AuthenticationPrincipal AtlasPrincipal principal, @PathVariable UUID id, Model model,
			HtmxRequest htmx, RedirectAttributes redirect) {
		String email = this.invitations.revoke(id);
		return done(principal, model, htmx, redirect, text("members.pending.revoked", email));
	}

	@PostMapping("/{id}/roles")
	@PreAuthorize("hasRole('ADMIN')")
	String changeRole(@AuthenticationPrincipal AtlasPrincipal principal, @PathVariable UUID id,
			@RequestParam(defaultValue = "") String role, Model model, HtmxRequest htmx, RedirectAttributes redirect) {
		try {
			Member member = this.administration.changeRoles(principal, UserId.of(id), List.of(role));
			return done(principal, model, htmx, redirect, text("members.role-changed", member.name()));
		}
		catch (InvalidInputException | ConflictException ex) {
			return refused(principal, model, htmx, ex);
		}
	}

	@PostMapping("/{id}/deactivate")
	@PreAuthorize("hasRole('ADMIN')")
	String deactivate(@AuthenticationPrincipal AtlasPrincipal principal, @PathVariable UUID id, Model model,
			HtmxRequest htmx, RedirectAttributes redirect) {
		try {
			Member member = this.administration.deactivate(principal, UserId.of(id));
			return done(principal, model, htmx, redirect, text("members.deactivated", member.name()));
		}
		catch (ConflictException ex) {
			return refused(principal, model, htmx, ex);
		}
	}

	@PostMapping("/{id}/reactivate")
	@PreAuthorize("hasRole('ADMIN')")
	String reactivate(@AuthenticationPrincipal AtlasPrincipal principal, @PathVariable UUID id, Model model,
			HtmxRequest htmx, RedirectAttributes redirect) {
		Member member = this.administration.reactivate(principal, UserId.of(id));
		return done(principal, model, htmx, redirect, text("members.reactivated", member.name()));
	}

	private String done(AtlasPrincipal principal, Model model, HtmxRequest htmx, RedirectAttributes redirect,
			String notice) {
		if (!htmx.isHtmxRequest()) {
			redirect.addFlashAttribute("notice", notice);
			return "redirect:/members";
		}
		fill(model, principal);
		model.addAttribute("invite", InviteForm.empty());
		model.addAttribute("notice", notice);
		return "tenancy/members :: panel";
	}

	private String refused(AtlasPrincipal principal, Model model, HtmxRequest htmx, RuntimeException ex) {
		String code = (ex instanceof InvalidInputException invalid) ? invalid.problems().get(0).code()
				: ex.getMessage();
		fill(model, principal);
		model.addAttribute("invite", InviteForm.empty());
		model.addAttribute("problem", text(code));
		return view(htmx);
	}

	private void fill(Model model, AtlasPrincipal principal) {
		Member me = this.members.find(principal.userId()).orElseThrow();
		boolean admin = me.has(Role.ADMIN);
		boolean owner = me.has(Role.OWNER);
		model.addAttribute("rows",
				this.members.all().stream().map((m) -> MemberRow.of(m, principal, admin, owner)).toList());
		model.addAttribute("canManage", admin);
		model.addAttribute("assignableRoles",
				Arrays.stream(Role.values()).filter((r) -> owner || r != Role.OWNER).toList());
		model.addAttribute("pending", admin ? this.invitations.pending() : List.of());
		model.addAttribute("zone", PARIS);
	}

	private static String view(HtmxRequest htmx) {
		return (htmx.isHtmxRequest() && !htmx.isBoosted()) ? "tenancy/members :: panel" : "tenancy/members";
	}

	private String text(String code, Object... arguments) {
		return this.messages.getMessage(code, arguments, code, LocaleContextHolder.getLocale());
	}

}
