package fr.atlas.platform.web;

import java.util.Map;

import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.webmvc.error.DefaultErrorAttributes;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;

/**
 * Adds the request's correlation id to what an error page is given: the generic page asks
 * the member to quote it to support, so it shows it. A filter that refused the request
 * before any controller can name its reason (a message key), which the page says.
 */
@Component
class CorrelatedErrorAttributes extends DefaultErrorAttributes {

	static final String ATTRIBUTE = CorrelatedErrorAttributes.class.getName() + ".correlationId";

	static final String REASON = CorrelatedErrorAttributes.class.getName() + ".reason";

	@Override
	public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
		Map<String, Object> attributes = super.getErrorAttributes(request, options);
		Object correlationId = request.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
		if (correlationId != null) {
			attributes.put("correlationId", correlationId);
		}
		Object reason = request.getAttribute(REASON, RequestAttributes.SCOPE_REQUEST);
		if (reason != null) {
			attributes.put("reason", reason);
		}
		else if (Integer.valueOf(400).equals(attributes.get("status")) && request instanceof ServletWebRequest servlet
				&& ContainerErrorProblems.cookies(servlet.getRequest()) > ContainerErrorProblems.MAX_COOKIES) {
			// Tomcat refused the request for its cookies before any filter of ours: the
			// page says why, as the API's problem does (ADR 0111, ADR 0114)
			attributes.put("reason", "problem.too-many-cookies");
			attributes.put("reasonArguments", new Object[] { ContainerErrorProblems.MAX_COOKIES });
		}
		return attributes;
	}

}
