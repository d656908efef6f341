package fr.atlas.tenancy.web;

import java.net.URI;

import fr.atlas.tenancy.Feature;
import fr.atlas.tenancy.web.SwitchedOffModules.ModuleSwitchedOffException;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * Tells a member that the module they reached is switched off for their organisation and
 * that an administrator can switch it on: a problem detail for the API, a page for the
 * UI. An htmx request is sent to that page ({@link SwitchedOffModulePage},
 * {@code HX-Redirect}), as htmx swaps no error response into the page it came from; a
 * fragment refreshing itself gets 204 and stays as it was.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class SwitchedOffModuleProblems {

	private final MessageSource messages;

	SwitchedOffModuleProblems(MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler(ModuleSwitchedOffException.class)
	Object switchedOff(ModuleSwitchedOffException ex, HttpServletRequest request) {
		Feature feature = ex.feature();
		if (request.getServletPath().startsWith("/api/")) {
			ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.FORBIDDEN);
			problem.setType(URI.create("https://atlas.test/problems/module-off"));
			problem.setTitle(text("problem.module-off"));
			problem.setDetail(text("problem.module-off.detail", label(feature)));
			problem.setProperty("module", feature.key());
			return ResponseEntity.status(HttpStatus.FORBIDDEN).body(problem);
		}
		if (request.getHeader("HX-Request") != null) {
			if ("GET".equals(request.getMethod()) && request.getHeader("HX-Boosted") == null) {
				// a part of a page refreshing itself (the top bar's bell every minute,
				// on a page opened before the module was switched off): left as it is,
				// rather than taking the member away from what they are doing
				return ResponseEntity.noContent().build();
			}
			return ResponseEntity.status(HttpStatus.FORBIDDEN)
				.header("HX-Redirect", request.getContextPath() + "/modules/" + feature.key() + "/switched-off")
				.build();
		}
		return page(feature);
	}

	/** The page that says so, for {@link SwitchedOffModulePage} too. */
	static ModelAndView page(Feature feature) {
		ModelAndView page = new ModelAndView("tenancy/module-off", HttpStatus.FORBIDDEN);
		page.addObject("module", feature.key());
		return page;
	}

	private static DefaultMessageSourceResolvable label(Feature feature) {
		return new DefaultMessageSourceResolvable("feature." + feature.key());
	}

	private String text(String code, Object... arguments) {
		return this.messages.getMessage(code, arguments, code, LocaleContextHolder.getLocale());
	}

}
