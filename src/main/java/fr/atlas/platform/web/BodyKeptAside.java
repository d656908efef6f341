package fr.atlas.platform.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/**
 * Keeps a JSON body aside, with the type it is read as, while it is read: Jackson stops
 * at the first value of the wrong type, and {@link ApiProblems} reads the body again,
 * property by property, to name every one at once, as every other validation does (ADR
 * 0111). Bodies larger than {@link #KEPT} are not kept: their problem names the first
 * value, as before.
 */
@ControllerAdvice
class BodyKeptAside extends RequestBodyAdviceAdapter {

	/** The largest body kept: a form's worth of JSON, not a document. */
	static final int KEPT = 64 * 1024;

	static final String BODY = BodyKeptAside.class.getName() + ".body";

	static final String TYPE = BodyKeptAside.class.getName() + ".type";

	@Override
	public boolean supports(MethodParameter parameter, Type targetType,
			Class<? extends HttpMessageConverter<?>> converterType) {
		return JacksonJsonHttpMessageConverter.class.isAssignableFrom(converterType);
	}

	@Override
	public HttpInputMessage beforeBodyRead(HttpInputMessage input, MethodParameter parameter, Type targetType,
			Class<? extends HttpMessageConverter<?>> converterType) throws IOException {
		long length = input.getHeaders().getContentLength();
		RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
		if (attributes == null || length < 0 || length > KEPT) {
			return input;
		}
		byte[] body = input.getBody().readNBytes(KEPT + 1);
		attributes.setAttribute(BODY, body, RequestAttributes.SCOPE_REQUEST);
		attributes.setAttribute(TYPE, targetType, RequestAttributes.SCOPE_REQUEST);
		return new HttpInputMessage() {

			@Override
			public InputStream getBody() {
				return new ByteArrayInputStream(body);
			}

			@Override
			public HttpHeaders getHeaders() {
				return input.getHeaders();
			}

		};
	}

	static byte @Nullable [] body(HttpServletRequest request) {
		return (request.getAttribute(BODY) instanceof byte[] body && body.length <= KEPT) ? body : null;
	}

	static @Nullable Type type(HttpServletRequest request) {
		return (request.getAttribute(TYPE) instanceof Type type) ? type : null;
	}

}
