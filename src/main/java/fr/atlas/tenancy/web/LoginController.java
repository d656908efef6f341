package fr.atlas.tenancy.web;

import org.jspecify.annotations.Nullable;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class LoginController {

	@GetMapping("/login")
	String login(@Nullable Authentication authentication) {
		// ?target= (the page of a form sent after the session ended) goes through the
		// form as it is: the sign-in keeps it only if it is a page of this site
		if (signedIn(authentication)) {
			return "redirect:/";
		}
		return "tenancy/login";
	}

	/**
	 * A typed or bookmarked {@code /logout}: before, a 404. Signing out stays a
	 * {@code POST} with the form's CSRF token, or any page could sign a member out with a
	 * link, so this page asks, with that form. Signed out already: the sign-in page.
	 */
	@GetMapping("/logout")
	String logout(@Nullable Authentication authentication) {
		return signedIn(authentication) ? "tenancy/logout" : "redirect:/login";
	}

	private static boolean signedIn(@Nullable Authentication authentication) {
		return authentication != null && !(authentication instanceof AnonymousAuthenticationToken)
				&& authentication.isAuthenticated();
	}

}
