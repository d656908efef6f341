package fr.atlas.platform.web;

import java.io.IOException;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.ResolvableType;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.http.converter.yaml.JacksonYamlHttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The API reads its request bodies as JSON only (ADR 0106). Spring registers a YAML
 * converter for every body as soon as Jackson's YAML format is on the class path, which
 * it is for the workflow documents (ADR 0010); the rules the JSON bodies keep
 * ({@link StrictJsonText}, {@link RefusesUnknownProperties}) are settings of the JSON
 * mapper alone, so a body sent as {@code application/yaml} went round them: a misspelt
 * {@code readonly} gave a token that writes, a number was taken as a name. The converter
 * now only writes: a client asking for YAML still gets it, as ADR 0010 says, and the
 * workflow import reads its YAML itself, with line numbers; any other YAML body is a 415.
 */
@Configuration(proxyBeanMethods = false)
class JsonBodiesOnly implements WebMvcConfigurer {

	/**
	 * JSON Patch (RFC 6902): a list of operations, which no address of the API applies.
	 * Spring's JSON converter reads every {@code application/*+json}, so an array of
	 * operations sent to a {@code PATCH} was read as its body and refused with a 400
	 * "send valid JSON"; it is a 415 now, as any other type the API does not take (ADR
	 * 0111). A JSON merge patch ({@code application/merge-patch+json}) is an object read
	 * as the {@code PATCH} bodies are, and is still read.
	 */
	static final MediaType JSON_PATCH = MediaType.parseMediaType("application/json-patch+json");

	@Override
	public void configureMessageConverters(HttpMessageConverters.ServerBuilder builder) {
		builder.configureMessageConvertersList((converters) -> converters.replaceAll((converter) -> {
			if (converter instanceof JacksonYamlHttpMessageConverter yaml && !(converter instanceof WriteOnlyYaml)) {
				return new WriteOnlyYaml(yaml.getMapper());
			}
			if (converter.getClass() == JacksonJsonHttpMessageConverter.class) {
				return new NoJsonPatch(((JacksonJsonHttpMessageConverter) converter).getMapper());
			}
			return converter;
		}));
	}

	/**
	 * Spring's JSON converter, refusing to read JSON Patch, and writing what is not a
	 * problem as {@code application/json} (ADR 0119).
	 */
	static final class NoJsonPatch extends JacksonJsonHttpMessageConverter {

		NoJsonPatch(JsonMapper mapper) {
			super(mapper);
		}

		/**
		 * Spring writes every {@code application/*+json} a client asks for, so
		 * {@code Accept: application/problem+json, application/json} labelled a member, a
		 * list or a new token {@code application/problem+json}: a client that reads the
		 * type to tell a failure from a success took the success for a problem (and
		 * {@code application/hal+json} claimed a format the body is not). A body that is
		 * not a problem is JSON and says so, whatever suffixed type was asked for; RFC
		 * 9110 lets a server disregard {@code Accept} rather than answer 406.
		 */
		@Override
		protected void addDefaultHeaders(HttpHeaders headers, Object body, @Nullable MediaType contentType)
				throws IOException {
			boolean suffixed = contentType != null && !contentType.equalsTypeAndSubtype(MediaType.APPLICATION_JSON)
					&& "json".equals(contentType.getSubtypeSuffix());
			super.addDefaultHeaders(headers, body,
					(suffixed && !(body instanceof ProblemDetail)) ? MediaType.APPLICATION_JSON : contentType);
		}

		@Override
		public boolean canRead(ResolvableType type, @Nullable MediaType mediaType) {
			return !jsonPatch(mediaType) && super.canRead(type, mediaType);
		}

		@Override
		public boolean canRead(Class<?> type, @Nullable MediaType mediaType) {
			return !jsonPatch(mediaType) && super.canRead(type, mediaType);
		}

		private static boolean jsonPatch(@Nullable MediaType mediaType) {
			return mediaType != null && mediaType.equalsTypeAndSubtype(JSON_PATCH);
		}

	}

	/** Spring's YAML converter, refusing to read. */
	static final class WriteOnlyYaml extends JacksonYamlHttpMessageConverter {

		WriteOnlyYaml(YAMLMapper mapper) {
			super(mapper);
		}

		@Override
		public boolean canRead(ResolvableType type, @Nullable MediaType mediaType) {
			return false;
		}

		@Override
		public boolean canRead(Class<?> type, @Nullable MediaType mediaType) {
			return false;
		}

	}

}
