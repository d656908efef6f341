package fr.atlas.tenancy.internal;

import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.Map;

import fr.atlas.tenancy.Members;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.firewall.HttpStatusRequestRejectedHandler;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.servlet.support.SessionFlashMapManager;

/**
 * Two filter chains: the REST API under {@code /api/**} (stateless, Bearer tokens,
 * problem details) and the UI (form login, sessions, CSRF, strict headers). Roles are
 * checked with {@code @PreAuthorize} on each controller, using the hierarchy OWNER >
 * ADMIN > MANAGER > AGENT > VIEWER.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

	static final String[] PUBLIC_PAGES = { "/login", "/signup", "/password/**", "/invitations/**", "/outbox/**",
			"/css/**", "/js/**", "/img/**", "/webjars/**", "/favicon.ico", "/error", "/actuator/health/**",
			"/actuator/info", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html", "/portal/**",
			"/cases/calendar/*.ics" };

	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
			+ "img-src 'self' data: https://*.tile.openstreetmap.org; font-src 'self' data:; connect-src 'self'; "
			+ "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

	/** The longest e-mail address there is (RFC 5321's path). */
	private static final int MAX_EMAIL_LENGTH = 254;

	@Bean
	static RoleHierarchy roleHierarchy() {
		return RoleHierarchyImpl.fromHierarchy("""
				ROLE_OWNER > ROLE_ADMIN
				ROLE_ADMIN > ROLE_MANAGER
				ROLE_MANAGER > ROLE_AGENT
				ROLE_AGENT > ROLE_VIEWER""");
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	/**
	 * A request the firewall refuses is answered as any other API error, a problem detail
	 * in the caller's language naming what was refused: the path ({@code //}, {@code ;},
	 * encoded slashes), a header or parameter holding a control character, the host name,
	 * or a method no endpoint has ({@code PROPFIND}, {@code TRACE}), which is a 405 as
	 * for a known method an address does not take. Pages get the error page of the same
	 * status.
	 */
	@Bean
	RequestRejectedHandler requestRejected(MessageSource messages, JsonMapper json,
			ObjectProvider<LocaleResolver> locales) {
		RequestRejectedHandler badRequestPage = new HttpStatusRequestRejectedHandler();
		RequestRejectedHandler methodPage = new HttpStatusRequestRejectedHandler(HttpStatus.METHOD_NOT_ALLOWED.value());
		return (request, response, rejected) -> {
			Refusal refusal = Refusal.of(rejected);
			if (!request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
				((refusal == Refusal.METHOD) ? methodPage : badRequestPage).handle(request, response, rejected);
				return;
			}
			// the firewall refuses before any chain's filter ran (ResolvedLocaleFilter
			// among them)
			LocaleResolver resolver = locales.getIfAvailable();
			if (resolver != null) {
				LocaleContextHolder.setLocale(resolver.resolveLocale(request));
			}
			if (refusal == Refusal.METHOD) {
				writeMethodRefused(request, response, json, messages);
				return;
			}
			new FilterProblems(json, messages).write(request, response, HttpStatus.BAD_REQUEST, refusal.code);
		};
	}

	/**
	 * What the firewall refused, told by its message: Spring Security's
	 * {@code RequestRejectedException} carries no other detail.
	 */
	enum Refusal {

		METHOD("HTTP method", "problem.status.405"), HEADER("header", "problem.bad-header"),
		PARAMETER("parameter", "problem.bad-parameter"), HOST("domain", "problem.bad-host"),
		PATH("", "problem.bad-path");

		private final String named;

		final String code;

		Refusal(String named, String code) {
			this.named = named;
			this.code = code;
		}

		static Refusal of(RequestRejectedException rejected) {
			String message = String.valueOf(rejected.getMessage());
			for (Refusal refusal : values()) {
				if (refusal != PATH && message.startsWith("The request was rejected because the " + refusal.named)) {
					return refusal;
				}
			}
			return PATH;
		}

	}

	private static void writeMethodRefused(HttpServletRequest request, HttpServletResponse response, JsonMapper json,
			MessageSource messages) throws IOException {
		Locale locale = LocaleContextHolder.getLocale();
		ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.METHOD_NOT_ALLOWED);
		problem.setTitle(messages.getMessage("problem.status.405", null, "Method not allowed", locale));
		// the same words as for a known method an address does not take
		problem.setDetail(messages.getMessage("problemDetail." + HttpRequestMethodNotSupportedException.class.getName(),
				new Object[] { request.getMethod() }, "", locale));
		problem.setInstance(URI.create(request.getRequestURI()));
		response.setStatus(HttpStatus.METHOD_NOT_ALLOWED.value());
		response.setCharacterEncoding("UTF-8");
		response.setContentType("application/problem+json");
		json.writeValue(response.getOutputStream(), problem);
	}

	/**
	 * The platform's metrics, for a scraper holding the metrics token: they count what
	 * every organisation does, so they are not a member's to read.
	 */
	@Bean
	@Order(0)
	SecurityFilterChain metrics(HttpSecurity http, SecurityProperties properties, MessageSource messages,
			JsonMapper json, ObjectProvider<LocaleResolver> locales,
			@Qualifier("requestMappingHandlerMapping") ObjectProvider<RequestMappingHandlerMapping> handlers)
			throws Exception {
		FilterProblems problems = new FilterProblems(json, messages);
		AuthenticationEntryPoint unauthorized = (request, response, ex) -> {
			response.setHeader("WWW-Authenticate", "Bearer realm=\"metrics\"");
			problems.write(request, response, HttpStatus.UNAUTHORIZED, "problem.metrics-token");
		};
		http.securityMatcher("/actuator", "/actuator/", "/actuator/prometheus/**", "/actuator/metrics/**")
			.authorizeHttpRequests((auth) -> auth.anyRequest().hasAuthority(MetricsTokenFilter.ROLE))
			.csrf((csrf) -> csrf.disable())
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache((cache) -> cache.disable())
			.securityContext((context) -> context.requireExplicitSave(true))
			.exceptionHandling((ex) -> ex.authenticationEntryPoint(unauthorized)
				.accessDeniedHandler((request, response, denied) -> unauthorized.commence(request, response, null)))
			.addFilterBefore(new ResolvedLocaleFilter(locales), SecurityContextHolderFilter.class)
			.addFilterBefore(new MetricsTokenFilter(properties.metricsToken()), AuthorizationFilter.class);
		return http.build();
	}

	@Bean
	@Order(1)
	SecurityFilterChain api(HttpSecurity http, ApiTokens tokens, Members members, LoginThrottle throttle,
			ThrottleBuckets buckets, ApiRateLimits limits, IdempotentRequests idempotent, MessageSource messages,
			JsonMapper json, ObjectProvider<LocaleResolver> locales,
			@Qualifier("requestMappingHandlerMapping") ObjectProvider<RequestMappingHandlerMapping> handlers)
			throws Exception {
		FilterProblems problems = new FilterProblems(json, messages);
		// RFC 9110 (15.5.2): a 401 says which scheme to authenticate with, and RFC 6750
		// (3.1) whether the token sent was refused, so that a client tells a missing
		// token from one to replace
		AuthenticationEntryPoint unauthorized = (request, response, ex) -> {
			boolean refused = ex instanceof BadCredentialsException;
			String detail = problems
				.text(refused ? "problem.unauthorized.refused-token" : "problem.unauthorized.no-token");
			response.setHeader("WWW-Authenticate",
					refused ? "Bearer realm=\"atlas\", error=\"invalid_token\"" : "Bearer realm=\"atlas\"");
			problems.write(request, response, HttpStatus.UNAUTHORIZED, "problem.unauthorized", detail, Map.of());
		};
		AccessDeniedHandler forbidden = (request, response, ex) -> problems.write(request, response,
				HttpStatus.FORBIDDEN, "problem.forbidden");
		http.securityMatcher("/api/**")
			.authorizeHttpRequests((auth) -> auth.requestMatchers(BearerTokenFilter.PUBLIC.toArray(String[]::new))
				.permitAll()
				.anyRequest()
				.authenticated())
			.csrf((csrf) -> csrf.disable())
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache((cache) -> cache.disable())
			.exceptionHandling((ex) -> ex.authenticationEntryPoint(unauthorized).accessDeniedHandler(forbidden))
			.addFilterBefore(new ResolvedLocaleFilter(locales), SecurityContextHolderFilter.class)
			.addFilterBefore(new ThrottleFilter(throttle, problems, messages),
					UsernamePasswordAuthenticationFilter.class)
			.addFilterBefore(new BearerTokenFilter(tokens, unauthorized,
					(request, response, ex) -> problems.write(request, response, HttpStatus.FORBIDDEN,
							"problem.read-only-token", problems.text("problem.read-only-token.detail"), Map.of()),
					handlers), UsernamePasswordAuthenticationFilter.class)
			.addFilterAfter(new TenantBindingFilter(members), AuthorizationFilter.class)
			.addFilterAfter(new ApiRateLimitFilter(buckets, limits, problems), TenantBindingFilter.class)
			.addFilterAfter(new IdempotencyKeyFilter(idempotent, messages, json), ApiRateLimitFilter.class)
			.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives("default-src 'none'")));
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain ui(HttpSecurity http, Members members, LoginThrottle throttle, MessageSource messages,
			SecurityProperties properties, ObjectProvider<LocaleResolver> locales, IdempotentRequests idempotent,
			JsonMapper json) throws Exception {
		http.authorizeHttpRequests(
				(auth) -> auth.requestMatchers(PUBLIC_PAGES).permitAll().anyRequest().authenticated())
			.formLogin((form) -> form.loginPage("/login")
				.usernameParameter("email")
				.successHandler(signedIn(locales))
				.failureHandler(loginFailure(messages))
				.permitAll())
			.logout((logout) -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout").permitAll())
			.sessionManagement((session) -> session.sessionFixation((fixation) -> fixation.changeSessionId()))
			.exceptionHandling((ex) -> ex.accessDeniedHandler(new ExpiredFormHandler(messages, json, PUBLIC_PAGES)))
			.addFilterBefore(new ResolvedLocaleFilter(locales), SecurityContextHolderFilter.class)
			.addFilterBefore(new ThrottleFilter(throttle, new FilterProblems(json, messages), messages),
					UsernamePasswordAuthenticationFilter.class)
			.addFilterAfter(new TenantBindingFilter(members), AuthorizationFilter.class)
			.addFilterAfter(new FormOnceFilter(idempotent), TenantBindingFilter.class)
			.headers((headers) -> {
				headers.contentSecurityPolicy((csp) -> csp.policyDirectives(CONTENT_SECURITY_POLICY));
				headers.frameOptions((frame) -> frame.deny());
				headers.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN));
				if (!properties.hsts()) {
					// HSTS is only sent over HTTPS anyway; atlas.security.hsts=false
					// drops it behind proxies that add their own.
					headers.httpStrictTransportSecurity((hsts) -> hsts.disable());
				}
			});
		return http.build();
	}

	/**
	 * Goes where the member was heading (or home), in the language chosen in their
	 * account rather than the one of the browser they signed in from. A member whose
	 * session ended as they sent a form goes back to that form's page
	 * ({@link ExpiredFormHandler}).
	 */
	private static AuthenticationSuccessHandler signedIn(ObjectProvider<LocaleResolver> locales) {
		SavedRequestAwareAuthenticationSuccessHandler target = new SavedRequestAwareAuthenticationSuccessHandler();
		target.setDefaultTargetUrl("/");
		return (request, response, authentication) -> {
			LocaleResolver resolver = locales.getIfAvailable();
			if (resolver != null && authentication.getPrincipal() instanceof MemberPrincipal member) {
				resolver.setLocale(request, response, Locale.forLanguageTag(member.locale()));
			}
			String unsent = ExpiredFormHandler.local(request.getParameter(ExpiredFormHandler.TARGET));
			if (unsent != null) {
				response.sendRedirect(request.getContextPath() + ExpiredFormHandler.withUnsent(unsent));
				return;
			}
			target.onAuthenticationSuccess(request, response, authentication);
		};
	}

	private static AuthenticationFailureHandler loginFailure(MessageSource messages) {
		return (request, response, exception) -> {
			if (exception instanceof AccountLockedException locked) {
				ThrottleFilter.writeTooManyPage(response, locked.retryAfterSeconds(), messages);
				return;
			}
			String reason = (exception instanceof org.springframework.security.authentication.DisabledException)
					? "deactivated" : "error";
			keepTheEmail(request, response);
			response.sendRedirect(request.getContextPath() + "/login?" + reason);
		};
	}

	/**
	 * The e-mail a failed sign-in was typed with, for the sign-in page it goes back to (a
	 * flash attribute, never in the address): the form came back empty, the e-mail to
	 * type again for a mistyped password.
	 */
	private static void keepTheEmail(HttpServletRequest request, HttpServletResponse response) {
		String email = request.getParameter("email");
		if (email == null || email.isBlank() || email.length() > MAX_EMAIL_LENGTH) {
			return;
		}
		FlashMap flash = new FlashMap();
		flash.put("loginEmail", email.strip());
		flash.setTargetRequestPath(request.getContextPath() + "/login");
		new SessionFlashMapManager().saveOutputFlashMap(flash, request, response);
	}

}
