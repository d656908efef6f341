package fr.atlas.tenancy.web;

import fr.atlas.platform.InvalidInputException;
import fr.atlas.tenancy.internal.Accounts;
import fr.atlas.tenancy.internal.Accounts.Signup;
import fr.atlas.tenancy.internal.SessionLogin;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * Creates an organisation and its owner, then signs the owner in.
 */
@Controller
class SignupController {

	private final Accounts accounts;

	private final SessionLogin sessions;

	SignupController(Accounts accounts, SessionLogin sessions) {
		this.accounts = accounts;
		this.sessions = sessions;
	}

	@GetMapping("/signup")
	String form(Model model) {
		model.addAttribute("form", SignupForm.empty());
		return "tenancy/signup";
	}

	@PostMapping("/signup")
	String signup(@ModelAttribute("form") SignupForm form, BindingResult binding, HttpServletRequest request,
			HttpServletResponse response) {
		try {
			this.accounts.signup(new Signup(form.organisation(), form.name(), form.email(), form.password(),
					LocaleContextHolder.getLocale().getLanguage()));
		}
		catch (InvalidInputException ex) {
			FormErrors.copy(ex, binding);
			return "tenancy/signup";
		}
		this.sessions.signIn(request, response, form.email(), form.password());
		return "redirect:/";
	}

}
