package fr.atlas.web;

import java.net.URI;
import java.sql.SQLException;

import fr.atlas.platform.InvalidInputException;
import fr.atlas.platform.NotFoundException;
import fr.atlas.platform.UnstorableText;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.ModelAndView;

/**
 * Error pages of the UI. Another organisation's object is "not found", like a missing
 * one.
 */
@ControllerAdvice(annotations = Controller.class)
class UiErrors {

	private final MessageSource messages;

	UiErrors(MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler(NotFoundException.class)
	@ResponseStatus(HttpStatus.NOT_FOUND)
	String notFound() {
		return "error/404";
	}

	/**
	 * Input a page's form could not have sent (a hidden version that is no number, a
	 * value outside its list) and that its controller leaves to us: what was wrong, with
	 * the way back, rather than the error page of a failure.
	 */
	@ExceptionHandler(InvalidInputException.class)
	ModelAndView invalidInput(InvalidInputException ex, HttpServletRequest request) {
		ModelAndView page = new ModelAndView("error/400", HttpStatus.BAD_REQUEST);
		page.addObject("problems",
				ex.problems()
					.stream()
					.map((problem) -> this.messages.getMessage(problem.code(), problem.arguments(), problem.code(),
							LocaleContextHolder.getLocale()))
					.distinct()
					.toList());
		page.addObject("back", sameSitePage(request));
		return page;
	}

	/**
	 * A unique key met by two submissions at once, past the checks each made before
	 * writing (two tabs, a double click the page's script did not catch): the second one
	 * is told what happened, with a way back to the page it came from, instead of the
	 * error page of a failure; so is a reference to a row another request deleted at that
	 * moment. Text holding a NUL character is a 400. Any other refusal of the database
	 * stays an error.
	 */
	@ExceptionHandler(DataIntegrityViolationException.class)
	ModelAndView concurrentChange(DataIntegrityViolationException ex, HttpServletRequest request) {
		if (UnstorableText.refused(ex)) {
			// text PostgreSQL cannot store, a NUL character: the sender's mistake, said
			// as such, as the API does
			ModelAndView page = new ModelAndView("error/400", HttpStatus.BAD_REQUEST);
			page.addObject("reason", "problem.invalid-characters");
			page.addObject("back", sameSitePage(request));
			return page;
		}
		String state = (ex.getMostSpecificCause() instanceof SQLException sql) ? sql.getSQLState() : null;
		if (!"23505".equals(state) && !"23503".equals(state)) {
			throw ex;
		}
		ModelAndView page = new ModelAndView("error/409", HttpStatus.CONFLICT);
		if ("23503".equals(state)) {
			// a reference to a row another request deleted at that moment (a task
			// added to a case being deleted): every reference is checked before writing
			page.addObject("reason", "problem.reference-gone");
		}
		page.addObject("back", sameSitePage(request));
		return page;
	}

	/** The page the form was on, when the browser says so and it is one of ours. */
	static @Nullable String sameSitePage(HttpServletRequest request) {
		String referer = request.getHeader(HttpHeaders.REFERER);
		if (referer == null) {
			return null;
		}
		try {
			URI uri = URI.create(referer);
			if (uri.getHost() == null || !uri.getHost().equalsIgnoreCase(request.getServerName())
					|| uri.getPort() != request.getServerPort() || uri.getRawPath() == null
					|| !uri.getRawPath().startsWith("/") || uri.getRawPath().startsWith("//")) {
				return null;
			}
			return uri.getRawPath() + ((uri.getRawQuery() != null) ? "?" + uri.getRawQuery() : "");
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
