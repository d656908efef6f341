package fr.atlas.platform.web;

import java.util.Set;
import java.util.TreeSet;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.RequestPath;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The addresses written out in full beside an address with a variable: a {@code GET} of
 * {@code /api/v1/cases/calendar-feed}, which only takes {@code POST}, is matched by
 * {@code GET /api/v1/cases/{id}} with "calendar-feed" for an id. Spring only says a
 * method is not allowed when no address of the method matches at all; these addresses
 * tell which methods the caller meant address takes.
 */
class LiteralAddresses {

	private final ObjectProvider<RequestMappingHandlerMapping> mappings;

	LiteralAddresses(ObjectProvider<RequestMappingHandlerMapping> mappings) {
		this.mappings = mappings;
	}

	/**
	 * The methods of the addresses more specific than the one that was chosen for the
	 * request and that match its path; empty when there are none.
	 */
	Set<String> methodsOfAMoreSpecificAddress(HttpServletRequest request) {
		Set<String> methods = new TreeSet<>();
		RequestMappingHandlerMapping mapping = this.mappings.getIfAvailable();
		if (!(request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE) instanceof String chosen)
				|| mapping == null) {
			return methods;
		}
		PathPattern chosenPattern = PathPatternParser.defaultInstance.parse(chosen);
		PathContainer path = RequestPath.parse(request.getRequestURI(), request.getContextPath())
			.pathWithinApplication();
		for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
			PathPatternsRequestCondition patterns = info.getPathPatternsCondition();
			if (patterns == null || info.getMethodsCondition().getMethods().isEmpty()) {
				continue;
			}
			for (PathPattern pattern : patterns.getPatterns()) {
				if (pattern.matches(path) && PathPattern.SPECIFICITY_COMPARATOR.compare(pattern, chosenPattern) < 0) {
					info.getMethodsCondition().getMethods().stream().map(RequestMethod::name).forEach(methods::add);
				}
			}
		}
		return methods.contains(request.getMethod()) ? Set.of() : methods;
	}

	/**
	 * The body types the addresses of the request's path and method declare they consume
	 * ({@code consumes}): empty when none declares any, as a body read by the JSON
	 * converter alone.
	 */
	Set<MediaType> declaredBodyTypes(HttpServletRequest request) {
		Set<MediaType> types = new java.util.LinkedHashSet<>();
		RequestMappingHandlerMapping mapping = this.mappings.getIfAvailable();
		if (mapping == null) {
			return types;
		}
		PathContainer path = RequestPath.parse(request.getRequestURI(), request.getContextPath())
			.pathWithinApplication();
		for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
			PathPatternsRequestCondition patterns = info.getPathPatternsCondition();
			if (patterns == null || info.getMethodsCondition()
				.getMethods()
				.stream()
				.noneMatch((method) -> method.name().equals(request.getMethod()))) {
				continue;
			}
			if (patterns.getPatterns().stream().anyMatch((pattern) -> pattern.matches(path))) {
				types.addAll(info.getConsumesCondition().getConsumableMediaTypes());
			}
		}
		return types;
	}

}
