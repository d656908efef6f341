package fr.atlas.tenancy.web;

import fr.atlas.platform.AtlasPrincipal;
import fr.atlas.platform.Languages;
import fr.atlas.tenancy.internal.Accounts;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * A signed-in member who picks a language with the header links ({@code ?lang=en}) keeps
 * it: it is stored in their account, which sign-in and e-mails use, not only in the
 * browser's cookie.
 */
@Configuration(proxyBeanMethods = false)
class LanguageChoice implements WebMvcConfigurer, HandlerInterceptor {

	private final Accounts accounts;

	LanguageChoice(Accounts accounts) {
		this.accounts = accounts;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this).excludePathPatterns("/api/**");
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		String language = request.getParameter("lang");
		if (Languages.supports(language) && SecurityContextHolder.getContext().getAuthentication() != null
				&& SecurityContextHolder.getContext()
					.getAuthentication()
					.getPrincipal() instanceof AtlasPrincipal member) {
			this.accounts.changeLocale(member.userId(), language);
		}
		return true;
	}

}
