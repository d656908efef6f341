package fr.atlas.tenancy.internal;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Gives the security filters the language the pages and controllers answer in (the
 * {@link LocaleResolver}'s: the language chosen, else French unless the client asks for
 * English). Without it, what a filter writes itself (a 429, an idempotency key refused)
 * followed the servlet container's locale: English for a client that sends no
 * {@code Accept-Language}.
 */
final class ResolvedLocaleFilter extends OncePerRequestFilter {

	private final ObjectProvider<LocaleResolver> locales;

	ResolvedLocaleFilter(ObjectProvider<LocaleResolver> locales) {
		this.locales = locales;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		LocaleResolver resolver = this.locales.getIfAvailable();
		if (resolver == null) {
			chain.doFilter(request, response);
			return;
		}
		LocaleContext previous = LocaleContextHolder.getLocaleContext();
		LocaleContextHolder.setLocale(resolver.resolveLocale(request));
		try {
			chain.doFilter(request, response);
		}
		finally {
			LocaleContextHolder.setLocaleContext(previous);
		}
	}

}
