package fr.atlas.platform.web;

import java.util.Map;

import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.webmvc.error.DefaultErrorAttributes;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
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
		return attributes;
	}

}
