package fr.atlas.tenancy.internal;

import fr.atlas.platform.TooManyRequestsException;
import fr.atlas.tenancy.SignInMethod;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Form login through {@link PasswordLogin}.
 */
@Component
class PasswordAuthenticationProvider implements AuthenticationProvider {

	private final PasswordLogin login;

	PasswordAuthenticationProvider(PasswordLogin login) {
		this.login = login;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		try {
			MemberPrincipal principal = this.login.authenticate(authentication.getName(),
					String.valueOf(authentication.getCredentials()), SignInMethod.FORM);
			return UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.authorities());
		}
		catch (TooManyRequestsException ex) {
			throw new AccountLockedException(ex.retryAfter());
		}
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

}
