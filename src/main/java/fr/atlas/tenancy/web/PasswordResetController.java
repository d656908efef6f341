package fr.atlas.tenancy.web;

import fr.atlas.platform.InvalidInputException;
import fr.atlas.tenancy.internal.Accounts;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "Forgot your password": mails a reset link, then lets its holder choose a new password.
 * Public pages; the answer never tells whether an address has an account.
 */
@Controller
class PasswordResetController {

	private final Accounts accounts;

	PasswordResetController(Accounts accounts) {
		this.accounts = accounts;
	}

	@GetMapping("/password/forgot")
	String forgot() {
		return "tenancy/password-forgot";
	}

	@PostMapping("/password/forgot")
	String requestReset(@RequestParam(defaultValue = "") String email, Model model) {
		try {
			this.accounts.requestPasswordReset(email);
		}
		catch (InvalidInputException ex) {
			// an address of no e-mail's form: said so, as it tells nothing of any account
			model.addAttribute("problem", ex.problems().get(0).code());
			model.addAttribute("email", email);
			return "tenancy/password-forgot";
		}
		model.addAttribute("sent", true);
		return "tenancy/password-forgot";
	}

	@GetMapping("/password/reset")
	String resetForm(@RequestParam(defaultValue = "") String token, Model model) {
		model.addAttribute("token", token);
		model.addAttribute("valid", this.accounts.isResetLinkValid(token));
		return "tenancy/password-reset";
	}

	@PostMapping("/password/reset")
	String reset(@RequestParam(defaultValue = "") String token, @RequestParam(defaultValue = "") String password,
			@RequestParam(defaultValue = "") String confirmPassword, Model model, RedirectAttributes redirect) {
		model.addAttribute("token", token);
		model.addAttribute("valid", true);
		if (!password.equals(confirmPassword)) {
			model.addAttribute("problem", "password.mismatch");
			model.addAttribute("problemArgument", "");
			return "tenancy/password-reset";
		}
		try {
			// the login page says how many tokens the reset revoked (ADR 0076)
			redirect.addFlashAttribute("revokedTokens", this.accounts.resetPassword(token, password));
		}
		catch (InvalidInputException ex) {
			String code = ex.problems().get(0).code();
			model.addAttribute("valid", !"token".equals(ex.problems().get(0).field()));
			model.addAttribute("problem", code);
			Object[] arguments = ex.problems().get(0).arguments();
			model.addAttribute("problemArgument", (arguments.length > 0) ? arguments[0] : "");
			return "tenancy/password-reset";
		}
		return "redirect:/login?reset";
	}

}
