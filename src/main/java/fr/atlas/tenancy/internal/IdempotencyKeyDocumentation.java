package fr.atlas.tenancy.internal;

import java.util.List;

import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import org.springdoc.core.customizers.OperationCustomizer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * Shows the {@code Idempotency-Key} header that {@link IdempotencyKeyFilter} honours on
 * every write of the API in the OpenAPI document, where an integrator looks for it.
 */
@Configuration(proxyBeanMethods = false)
class IdempotencyKeyDocumentation {

	@Bean
	OperationCustomizer idempotencyKeyHeader() {
		return (operation, handler) -> {
			PostMapping post = handler.getMethodAnnotation(PostMapping.class);
			if (handler.hasMethodAnnotation(GetMapping.class)
					|| (post != null && List.of(post.value()).contains(IdempotencyKeyFilter.TOKENS))) {
				// creating a token refuses the header (ADR 0054)
				return operation;
			}
			boolean documented = operation.getParameters() != null && operation.getParameters()
				.stream()
				.anyMatch((parameter) -> IdempotencyKeyFilter.HEADER.equalsIgnoreCase(parameter.getName()));
			if (!documented) {
				operation.addParametersItem(new HeaderParameter().name(IdempotencyKeyFilter.HEADER)
					.required(false)
					.description("Makes a retry safe: the same request sent again with the same key within a day is "
							+ "done once and answered alike (Idempotent-Replayed: true); the key on another request "
							+ (handler.hasMethodAnnotation(DeleteMapping.class) ? "" : "or another body ")
							+ "is a 409. 1 to 255 visible ASCII characters, a UUID for instance.")
					.schema(new StringSchema().maxLength(255)));
			}
			return operation;
		};
	}

}
