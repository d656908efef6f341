package fr.atlas.tenancy.web;

import java.util.Locale;
import java.util.UUID;

import fr.atlas.platform.AtlasPrincipal;
import fr.atlas.platform.InvalidInputException;
import fr.atlas.tenancy.Organisations;
import fr.atlas.tenancy.internal.Accounts;
import fr.atlas.tenancy.internal.ApiTokens;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;

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
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The signed-in member's own account: name, password, language and personal API tokens;
 * and, for an owner, the organisation's name.
 */
@Controller
@RequestMapping("/account")
@PreAuthorize("isAuthenticated()")
class AccountController {

	private final Accounts accounts;

	private final ApiTokens tokens;

	private final LocaleResolver locales;

	private final Organisations organisations;

	AccountController(Accounts accounts, ApiTokens tokens, LocaleResolver locales, Organisations organisations) {
		this.accounts = accounts;
		this.tokens = tokens;
		this.locales = locales;
		this.organisations = organisations;
	}

	@GetMapping
	String account(Model model) {
		model.addAttribute("password", PasswordChangeForm.empty());
		return "tenancy/account";
	}

	/**
	 * The address of one of the page's forms asked with a GET: the page. A refused form
	 * shows the page again at its address, whose language links and reload then ask it
	 * so.
	 */
	@GetMapping({ "/password", "/name", "/organisation", "/language" })
	String formAddress() {
		return "redirect:/account";
	}

	@PostMapping("/name")
	String changeName(@AuthenticationPrincipal AtlasPrincipal principal, @RequestParam(defaultValue = "") String name,
			Model model, RedirectAttributes redirect) {
		try {
			this.accounts.changeName(principal.userId(), name);
		}
		catch (InvalidInputException ex) {
			model.addAttribute("nameProblem", ex.problems().get(0).code());
			model.addAttribute("nameValue", name);
			return account(model);
		}
		redirect.addFlashAttribute("notice", "account.name.changed");
		return "redirect:/account";
	}

	/** Renames the organisation: its owners only. */
	@PostMapping("/organisation")
	@PreAuthorize("hasRole('OWNER')")
	String renameOrganisation(@RequestParam(defaultValue = "") String name, Model model, RedirectAttributes redirect) {
		try {
			this.organisations.rename(name);
		}
		catch (InvalidInputException ex) {
			model.addAttribute("organisationProblem", ex.problems().get(0).code());
			model.addAttribute("organisationValue", name);
			return account(model);
		}
		redirect.addFlashAttribute("notice", "account.organisation.renamed");
		return "redirect:/account";
	}

	@PostMapping("/password")
	String changePassword(@AuthenticationPrincipal AtlasPrincipal principal,
			@ModelAttribute("password") PasswordChangeForm form, BindingResult binding, HttpServletRequest request,
			RedirectAttributes redirect) {
		if (form.newPassword() == null || !form.newPassword().equals(form.confirmPassword())) {
			binding.rejectValue("confirmPassword", "password.mismatch", "password.mismatch");
			return "tenancy/account";
		}
		try {
			HttpSession session = request.getSession(false);
			int revoked = this.accounts.changePassword(principal.userId(), form.currentPassword(), form.newPassword(),
					(session == null) ? null : session.getId(), form.revokesTokens());
			if (form.revokesTokens()) {
				redirect.addFlashAttribute("revokedTokens", revoked);
			}
		}
		catch (InvalidInputException ex) {
			FormErrors.copy(ex, binding);
			return "tenancy/account";
		}
		redirect.addFlashAttribute("notice", "account.password.changed");
		return "redirect:/account";
	}

	@PostMapping("/language")
	String changeLanguage(@AuthenticationPrincipal AtlasPrincipal principal, @RequestParam String language,
			HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
		try {
			this.accounts.changeLocale(principal.userId(), language);
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("problem", "account.language.invalid");
			return "redirect:/account";
		}
		this.locales.setLocale(request, response, Locale.forLanguageTag(language));
		redirect.addFlashAttribute("notice", "account.language.changed");
		return "redirect:/account";
	}

	@GetMapping("/tokens")
	String tokens(@AuthenticationPrincipal AtlasPrincipal principal, Model model) {
		model.addAttribute("tokens", this.tokens.of(principal.userId()));
		model.addAttribute("zone", MemberController.PARIS);
		return "tenancy/tokens";
	}

	/**
	 * Creates a token, then leads to the tokens page, which shows it once: the plain
	 * token goes there in a flash attribute (the session's, read by the next page only),
	 * so reloading that page creates nothing and shows the token no more. The form's
	 * one-time field makes a double click one token.
	 */
	@PostMapping("/tokens")
	String createToken(@AuthenticationPrincipal AtlasPrincipal principal, @RequestParam(defaultValue = "") String name,
			@RequestParam(required = false) @Nullable Integer expiresInDays,
			@RequestParam(defaultValue = "false") boolean readOnly, Model model, RedirectAttributes redirect) {
		try {
			var issued = this.tokens.issue(principal.userId(), name, expiresInDays, readOnly);
			// never stored in clear: shown by the next page only
			redirect.addFlashAttribute("issued", issued.token());
			return "redirect:/account/tokens";
		}
		catch (InvalidInputException ex) {
			ex.problems()
				.stream()
				.filter((problem) -> problem.field().equals("name"))
				.findFirst()
				.ifPresent((problem) -> model.addAttribute("nameProblem", problem.code()));
			ex.problems()
				.stream()
				.filter((problem) -> problem.field().equals("expiresInDays"))
				.findFirst()
				.ifPresent((problem) -> model.addAttribute("lifetimeProblem", problem.code()));
			model.addAttribute("name", name);
			model.addAttribute("expiresInDays", expiresInDays);
			model.addAttribute("readOnly", readOnly);
		}
		return tokens(principal, model);
	}

	@PostMapping("/tokens/{id}/revoke")
	String revokeToken(@AuthenticationPrincipal AtlasPrincipal principal, @PathVariable UUID id,
			RedirectAttributes redirect) {
		this.tokens.revoke(principal.userId(), id);
		redirect.addFlashAttribute("notice", "tokens.revoked");
		return "redirect:/account/tokens";
	}

}
