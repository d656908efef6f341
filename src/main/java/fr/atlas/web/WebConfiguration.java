package fr.atlas.web;

import java.time.Duration;
import java.util.Locale;

import fr.atlas.platform.Languages;
import org.jspecify.annotations.Nullable;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.SimpleLocaleContext;
import org.springframework.context.i18n.SimpleTimeZoneAwareLocaleContext;
import org.springframework.context.i18n.TimeZoneAwareLocaleContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import org.springframework.web.servlet.resource.LiteWebJarsResourceResolver;

/**
 * French first: a chosen language is kept in a cookie; without one, English is used only
 * when the browser or API client asks for it ({@code Accept-Language}). Static files are
 * served from their own paths only (see {@link #addResourceHandlers}).
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

	@Bean
	LocaleResolver localeResolver() {
		CookieLocaleResolver resolver = new AtlasLanguages();
		resolver.setCookieMaxAge(Duration.ofDays(365));
		resolver.setDefaultLocaleFunction((request) -> asked(request.getHeader("Accept-Language")));
		// a cookie that is no language (typed by hand, another site's) is as none: it
		// failed every page with a 500
		resolver.setRejectInvalidCookies(false);
		return resolver;
	}

	/**
	 * The language cookie, holding only Atlas's languages: a language it does not speak
	 * ({@code ?lang=zz}, a cookie {@code atlas-lang=zz}) is not kept, and is read as
	 * none, rather than pages claiming {@code lang="zz"} over French text.
	 */
	static final class AtlasLanguages extends CookieLocaleResolver {

		AtlasLanguages() {
			super("atlas-lang");
		}

		@Override
		public LocaleContext resolveLocaleContext(HttpServletRequest request) {
			LocaleContext context = super.resolveLocaleContext(request);
			Locale locale = context.getLocale();
			if (locale != null && Languages.supports(locale.getLanguage())) {
				return context;
			}
			Locale asked = asked(request.getHeader("Accept-Language"));
			return (context instanceof TimeZoneAwareLocaleContext zoned)
					? new SimpleTimeZoneAwareLocaleContext(asked, zoned.getTimeZone()) : new SimpleLocaleContext(asked);
		}

		@Override
		public Locale resolveLocale(HttpServletRequest request) {
			Locale locale = resolveLocaleContext(request).getLocale();
			return (locale != null) ? locale : Languages.DEFAULT;
		}

		@Override
		public void setLocaleContext(HttpServletRequest request, @Nullable HttpServletResponse response,
				@Nullable LocaleContext context) {
			Locale locale = (context != null) ? context.getLocale() : null;
			if (locale != null && !Languages.supports(locale.getLanguage())) {
				// not a language of ours: the one in use stays
				return;
			}
			super.setLocaleContext(request, response, context);
		}

	}

	/**
	 * The language an {@code Accept-Language} header asks for among Atlas's, French when
	 * it asks for none of them.
	 */
	static Locale asked(@Nullable String acceptLanguage) {
		if (acceptLanguage == null || acceptLanguage.isBlank()) {
			return Languages.DEFAULT;
		}
		try {
			Locale best = Locale.lookup(Locale.LanguageRange.parse(acceptLanguage), Languages.SUPPORTED);
			return (best != null) ? best : Languages.DEFAULT;
		}
		catch (IllegalArgumentException ex) {
			return Languages.DEFAULT;
		}
	}

	/**
	 * The style sheets, scripts and webjars, each under its own path, instead of Spring
	 * Boot's {@code /**} ({@code spring.web.resources.add-mappings: false}). Every link a
	 * page writes goes through the resource chain (webjars are linked without their
	 * version); under {@code /**} each one, {@code /prospects/<id>} included, was looked
	 * up as a file in the jar: about 2 ms a link, over a second for a review queue page
	 * of 100 pairs.
	 */
	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		registry.addResourceHandler("/css/**").addResourceLocations("classpath:/static/css/").resourceChain(true);
		registry.addResourceHandler("/js/**").addResourceLocations("classpath:/static/js/").resourceChain(true);
		registry.addResourceHandler("/img/**").addResourceLocations("classpath:/static/img/").resourceChain(true);
		registry.addResourceHandler("/webjars/**")
			.addResourceLocations("classpath:/META-INF/resources/webjars/")
			.resourceChain(true)
			.addResolver(new LiteWebJarsResourceResolver());
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
		interceptor.setParamName("lang");
		interceptor.setIgnoreInvalidLocale(true);
		registry.addInterceptor(interceptor);
	}

}
