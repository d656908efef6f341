package fr.atlas.tenancy.web;

import fr.atlas.tenancy.Feature;
import fr.atlas.tenancy.Features;
import fr.atlas.tenancy.RequiresFeature;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Refuses the handlers of a module the organisation has switched off
 * ({@link RequiresFeature}); {@link SwitchedOffModuleProblems} says so to the caller.
 * Runs after authentication, so the organisation is known; handlers without the
 * annotation cost nothing.
 */
@Configuration(proxyBeanMethods = false)
class SwitchedOffModules implements WebMvcConfigurer, HandlerInterceptor {

	private final Features features;

	SwitchedOffModules(Features features) {
		this.features = features;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this);
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (!(handler instanceof HandlerMethod method)) {
			return true;
		}
		RequiresFeature required = method.hasMethodAnnotation(RequiresFeature.class)
				? method.getMethodAnnotation(RequiresFeature.class)
				: AnnotatedElementUtils.findMergedAnnotation(method.getBeanType(), RequiresFeature.class);
		if (required != null && !this.features.isEnabled(required.value())) {
			throw new ModuleSwitchedOffException(required.value());
		}
		return true;
	}

	/** A request for a module the organisation has switched off. */
	static class ModuleSwitchedOffException extends RuntimeException {

		private final Feature feature;

		ModuleSwitchedOffException(Feature feature) {
			super("Module " + feature.key() + " switched off");
			this.feature = feature;
		}

		Feature feature() {
			return this.feature;
		}

	}

}
