package fr.atlas.platform.web;

import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;

import fr.atlas.platform.RequestMetadata;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Accepts or creates the {@code X-Correlation-Id} of every request, returns it, and puts
 * it in the MDC so that every log line, audit entry and event of the request carries it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class CorrelationIdFilter extends OncePerRequestFilter {

	// A caller's id is reused only when it is harmless in logs and headers.
	private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String given = request.getHeader(RequestMetadata.CORRELATION_HEADER);
		String correlationId = (given != null && ACCEPTABLE.matcher(given).matches()) ? given
				: UUID.randomUUID().toString();
		response.setHeader(RequestMetadata.CORRELATION_HEADER, correlationId);
		// the error page, rendered after this filter has returned, shows it too
		request.setAttribute(CorrelatedErrorAttributes.ATTRIBUTE, correlationId);
		RequestMetadata.bind(new RequestMetadata(correlationId, request.getRemoteAddr(), null, null));
		try {
			chain.doFilter(request, response);
		}
		finally {
			RequestMetadata.clear();
		}
	}

	@Override
	protected boolean shouldNotFilterAsyncDispatch() {
		return false;
	}

}
