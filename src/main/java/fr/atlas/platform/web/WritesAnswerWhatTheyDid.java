package fr.atlas.platform.web;

import java.util.List;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.accept.ContentNegotiationStrategy;
import org.springframework.web.accept.HeaderContentNegotiationStrategy;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.servlet.config.annotation.ContentNegotiationConfigurer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * A write of the API says what it did, whatever its {@code Accept} header asks for (ADR
 * 0119). Spring chooses the answer's type once the handler has returned: a sign-up sent
 * with {@code Accept: text/html} made its account, then answered 406, so the client took
 * it for refused and its retry was "an account exists"; a token request made a token that
 * was never shown, an invitation was mailed. RFC 9110 lets a server disregard
 * {@code Accept} rather than answer 406: a {@code POST}, {@code PUT}, {@code PATCH} or
 * {@code DELETE} under {@code /api/} whose header admits no type the API writes is
 * answered in JSON, as if it had sent none. A read still answers 406: it changed nothing,
 * and the client may ask again.
 */
@Configuration(proxyBeanMethods = false)
class WritesAnswerWhatTheyDid implements WebMvcConfigurer {

	@Override
	public void configureContentNegotiation(ContentNegotiationConfigurer configurer) {
		configurer.strategies(List.of(new UnmetAcceptOfAWrite()));
	}

	/** Spring's reading of the {@code Accept} header, but for a write it cannot meet. */
	static final class UnmetAcceptOfAWrite implements ContentNegotiationStrategy {

		private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

		/** What the API's converters write: JSON and its suffixed types, and YAML. */
		private static final List<MediaType> WRITTEN = List.of(MediaType.APPLICATION_JSON,
				MediaType.parseMediaType("application/*+json"), MediaType.APPLICATION_YAML);

		private final HeaderContentNegotiationStrategy header = new HeaderContentNegotiationStrategy();

		@Override
		public List<MediaType> resolveMediaTypes(NativeWebRequest request) throws HttpMediaTypeNotAcceptableException {
			List<MediaType> accepted = this.header.resolveMediaTypes(request);
			HttpServletRequest http = request.getNativeRequest(HttpServletRequest.class);
			if (http == null || READS.contains(http.getMethod())
					|| !http.getRequestURI().startsWith(http.getContextPath() + "/api/")) {
				return accepted;
			}
			boolean met = accepted.stream().anyMatch((type) -> WRITTEN.stream().anyMatch(type::isCompatibleWith));
			return met ? accepted : MEDIA_TYPE_ALL_LIST;
		}

	}

}
