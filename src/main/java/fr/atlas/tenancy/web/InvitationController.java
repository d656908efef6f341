package fr.atlas.tenancy.web;

import fr.atlas.platform.InvalidInputException;
import fr.atlas.tenancy.internal.Invitations;
import fr.atlas.tenancy.internal.SessionLogin;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The page an invitation link opens: the invitee chooses a name and password, joins the
 * organisation and is signed in.
 */
@Controller
@RequestMapping("/invitations/accept")
class InvitationController {

	private final Invitations invitations;

	private final SessionLogin sessions;

	InvitationController(Invitations invitations, SessionLogin sessions) {
		this.invitations = invitations;
		this.sessions = sessions;
	}

	@GetMapping
	String form(@RequestParam(defaultValue = "") String token, Model model) {
		model.addAttribute("form", new AcceptForm(token, "", ""));
		model.addAttribute("invitation", this.invitations.find(token).orElse(null));
		return "tenancy/invitation";
	}

	@PostMapping
	String accept(@ModelAttribute("form") AcceptForm form, BindingResult binding, Model model,
			HttpServletRequest request, HttpServletResponse response) {
		Invitations.Accepted accepted;
		try {
			accepted = this.invitations.accept(form.token(), form.name(), form.password());
		}
		catch (InvalidInputException ex) {
			FormErrors.copy(ex, binding);
			model.addAttribute("invitation", this.invitations.find(form.token()).orElse(null));
			return "tenancy/invitation";
		}
		this.sessions.signIn(request, response, accepted.email(), form.password());
		return "redirect:/";
	}

	record AcceptForm(String token, String name, String password) {
	}

}
