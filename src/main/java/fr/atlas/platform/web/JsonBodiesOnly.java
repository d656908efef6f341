package fr.atlas.platform.web;

import org.jspecify.annotations.Nullable;
import tools.jackson.dataformat.yaml.YAMLMapper;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.ResolvableType;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverters;
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

	@Override
	public void configureMessageConverters(HttpMessageConverters.ServerBuilder builder) {
		builder.configureMessageConvertersList((converters) -> converters
			.replaceAll((converter) -> (converter instanceof JacksonYamlHttpMessageConverter yaml
					&& !(converter instanceof WriteOnlyYaml)) ? new WriteOnlyYaml(yaml.getMapper()) : converter));
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
