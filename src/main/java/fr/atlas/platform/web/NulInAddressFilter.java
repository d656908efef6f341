package fr.atlas.platform.web;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A page address whose query holds a NUL character ({@code /prospects?city=%00}): no page
 * or link of ours writes one, and the page would ignore the filter in silence and write
 * the character back into its field. Refused as a bad address, with the error page that
 * says so. The API is left as it is: its searches find nothing for such text (tested in
 * {@code ApiErrorsIntegrationTests}), which scripts rely on more than on a refusal.
 */
@Component
class NulInAddressFilter extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String query = request.getQueryString();
		boolean nul = query != null && query.toLowerCase(Locale.ROOT).contains("%00");
		if (nul && !request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
			response.sendError(HttpServletResponse.SC_BAD_REQUEST);
			return;
		}
		chain.doFilter(request, response);
	}

}
