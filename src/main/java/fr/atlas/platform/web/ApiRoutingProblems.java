package fr.atlas.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * The API's errors that happen before any controller is chosen (an unknown path, a method
 * or a content type no endpoint takes): {@link ApiProblems} only advises the REST
 * controllers, so these came out in Spring Boot's own English error format. Under
 * {@code /api/} they get the same problem details; elsewhere they are left to the pages'
 * error handling.
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class ApiRoutingProblems {

	private final ApiProblems problems;

	ApiRoutingProblems(ApiProblems problems) {
		this.problems = problems;
	}

	@ExceptionHandler({ NoResourceFoundException.class, HttpRequestMethodNotSupportedException.class,
			HttpMediaTypeNotSupportedException.class, HttpMediaTypeNotAcceptableException.class })
	@Nullable ResponseEntity<Object> beforeAnyController(Exception ex, HttpServletRequest request, HttpServletResponse response,
			WebRequest webRequest) throws Exception {
		if (!api(request)) {
			if (ex instanceof NoResourceFoundException) {
				// the pages' error page: rethrown, every browser's /favicon.ico and every
				// robot's probe logged a warning with a stack trace
				response.sendError(HttpServletResponse.SC_NOT_FOUND);
				return null;
			}
			// rethrown as it came: Spring then handles it as if this advice did not exist
			throw ex;
		}
		ResponseEntity<Object> problem = this.problems.handleException(ex, webRequest);
		if (problem == null) {
			throw ex;
		}
		return problem;
	}

	/**
	 * A path nothing answers, pages and static files included (ADR 0037), is the problem
	 * of a path no file answers, as it was when static files were mapped to every path.
	 */
	@ExceptionHandler(NoHandlerFoundException.class)
	@Nullable ResponseEntity<Object> noHandler(NoHandlerFoundException ex, HttpServletRequest request,
			HttpServletResponse response, WebRequest webRequest) throws Exception {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return beforeAnyController(new NoResourceFoundException(HttpMethod.valueOf(ex.getHttpMethod()), path,
				path.startsWith("/") ? path.substring(1) : path), request, response, webRequest);
	}

	/**
	 * A multipart body that cannot be read (no boundary, cut off, a file name Tomcat
	 * refuses) fails before any controller is chosen: the caller's mistake, so 400.
	 */
	@ExceptionHandler(MultipartException.class)
	@Nullable ResponseEntity<Object> unreadableMultipart(MultipartException ex, HttpServletRequest request,
			HttpServletResponse response, WebRequest webRequest) throws Exception {
		if (!api(request) || ex instanceof MaxUploadSizeExceededException) {
			// pages as before; a file too large is Spring's 413
			return beforeAnyController(ex, request, response, webRequest);
		}
		return ResponseEntity.badRequest().body(this.problems.unreadableMultipart());
	}

	private static boolean api(HttpServletRequest request) {
		return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
	}

}
