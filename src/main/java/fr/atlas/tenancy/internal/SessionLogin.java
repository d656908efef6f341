package fr.atlas.tenancy.internal;

import fr.atlas.tenancy.SignInMethod;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * Signs a member in right after they created their account or accepted an invitation.
 */
@Component
public class SessionLogin {

	private final PasswordLogin login;

	private final SecurityContextRepository repository = new HttpSessionSecurityContextRepository();

	SessionLogin(PasswordLogin login) {
		this.login = login;
	}

	public void signIn(HttpServletRequest request, HttpServletResponse response, String email, String password) {
		MemberPrincipal principal = this.login.authenticate(email, password, SignInMethod.NEW_ACCOUNT);
		request.getSession(true);
		request.changeSessionId();
		var context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(
				UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.authorities()));
		SecurityContextHolder.setContext(context);
		this.repository.saveContext(context, request, response);
	}

}
