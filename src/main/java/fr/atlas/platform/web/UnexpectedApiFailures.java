package fr.atlas.platform.web;

import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A failure of the API that nothing else answers (a bug, a database out of reach): a 500
 * problem detail in the caller's language with the request's correlation id, the one the
 * log line of the failure carries, rather than Spring Boot's English error JSON. Asked
 * last: every other advice, and the answers that exceptions carry themselves (a status of
 * their own, a refused sign-in or access), go first.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class UnexpectedApiFailures {

	private static final Log logger = LogFactory.getLog(UnexpectedApiFailures.class);

	private final MessageSource messages;

	UnexpectedApiFailures(MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler(Exception.class)
	ProblemDetail failed(Exception ex, HttpServletRequest request) throws Exception {
		if (ex instanceof ErrorResponse || ex instanceof AuthenticationException || ex instanceof AccessDeniedException
				|| AnnotatedElementUtils.hasAnnotation(ex.getClass(), ResponseStatus.class)) {
			// answered by the resolvers after this one, as before
			throw ex;
		}
		return internalError(this.messages, request, ex);
	}

	/**
	 * Logs a failure with the request it failed and answers it as a 500 in the caller's
	 * language, with the correlation id of the log line.
	 */
	static ProblemDetail internalError(MessageSource messages, HttpServletRequest request, Exception ex) {
		Object correlationId = request.getAttribute(CorrelatedErrorAttributes.ATTRIBUTE);
		logger.error("Unexpected failure of " + request.getMethod() + " " + request.getRequestURI(), ex);
		ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.INTERNAL_SERVER_ERROR);
		problem.setTitle(
				messages.getMessage("problem.status.500", null, "Erreur interne", LocaleContextHolder.getLocale()));
		problem.setDetail((correlationId != null)
				? messages.getMessage("problem.unexpected.with-id", new Object[] { correlationId },
						LocaleContextHolder.getLocale())
				: messages.getMessage("problem.unexpected", null, LocaleContextHolder.getLocale()));
		problem.setType(URI.create("https://atlas.test/problems/internal-error"));
		if (correlationId != null) {
			problem.setProperty("correlationId", correlationId);
		}
		return problem;
	}

}
