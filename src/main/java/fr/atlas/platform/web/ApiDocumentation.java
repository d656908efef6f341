package fr.atlas.platform.web;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;

/**
 * The OpenAPI document (/v3/api-docs) as a client generator reads it: what the API is,
 * how to authenticate (a bearer API token, which every operation needs unless it says
 * {@code security: []}), and the problem details (RFC 9457) it answers with when a call
 * fails, each with its status. Without these the document said every call answered only
 * 200, in any media type, for anyone.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

	static final String BEARER = "bearer";

	static final String PROBLEM = "Problem";

	private static final String PROBLEM_JSON = "application/problem+json";

	private static final String IDEMPOTENCY_KEY = "Idempotency-Key";

	@Bean
	OpenAPI atlasApi() {
		return new OpenAPI()
			.info(new Info().title("Atlas API")
				.version("v1")
				.description("Atlas Prospect and Atlas Immobilier. Every call but sign-up and token creation needs "
						+ "`Authorization: Bearer atl_…`, a personal API token (POST /api/v1/auth/tokens). Errors are "
						+ "RFC 9457 problem details in French, or English with `Accept-Language: en`; invalid input "
						+ "lists each field in `errors`. An object of another organisation is a 404."))
			.components(new Components()
				.addSecuritySchemes(BEARER,
						new SecurityScheme().type(SecurityScheme.Type.HTTP)
							.scheme("bearer")
							.bearerFormat("atl_…")
							.description("A personal API token, shown once when created"))
				.addSchemas(PROBLEM, problemSchema()))
			.addSecurityItem(new SecurityRequirement().addList(BEARER));
	}

	/**
	 * Adds to each operation the failures every API call can meet and that its own
	 * annotations do not already say: 400 for a call that takes input, 401 and 403 for a
	 * call that needs a token, 404 for an address that names an object, 409 for a call
	 * that takes an Idempotency-Key, 429 past the rate limit.
	 */
	@Bean
	OpenApiCustomizer problemResponses() {
		return (api) -> {
			if (api.getPaths() == null) {
				return;
			}
			api.getPaths().forEach((path, item) -> item.readOperations().forEach((operation) -> {
				boolean takesInput = operation.getRequestBody() != null
						|| (operation.getParameters() != null && !operation.getParameters().isEmpty());
				boolean isPublic = operation.getSecurity() != null && operation.getSecurity().isEmpty();
				if (takesInput) {
					addProblem(operation, "400", "Invalid input: each field in error in `errors`");
				}
				if (!isPublic) {
					addProblem(operation, "401", "No valid API token (WWW-Authenticate: Bearer)");
					addProblem(operation, "403", "The member's role, a read-only token or a module switched off");
				}
				if (path.contains("{")) {
					addProblem(operation, "404", "No such object in the caller's organisation");
				}
				addProblem(operation, "429", "Too many requests: Retry-After says when to try again");
				if (operation.getParameters() != null && operation.getParameters()
					.stream()
					.anyMatch((parameter) -> IDEMPOTENCY_KEY.equalsIgnoreCase(parameter.getName()))) {
					addProblem(operation, "409", "The Idempotency-Key was sent before with another request");
				}
			}));
		};
	}

	/**
	 * Names each operation after its controller and method ({@code prospectList},
	 * {@code contactList}, {@code caseGet}), unless its {@code @Operation} names it. A
	 * client generator makes its methods of these ids: springdoc's own, the method's name
	 * alone, numbered the same-named ones in the order it met them ({@code list_1} to
	 * {@code list_10}), so a new endpoint renumbered the others and broke the clients
	 * generated before.
	 */
	@Bean
	OperationCustomizer operationIds() {
		return (operation, handler) -> {
			io.swagger.v3.oas.annotations.Operation named = handler
				.getMethodAnnotation(io.swagger.v3.oas.annotations.Operation.class);
			if (named == null || named.operationId().isEmpty()) {
				String type = handler.getBeanType().getSimpleName().replaceFirst("(Api)?Controller$", "");
				operation.setOperationId(
						StringUtils.uncapitalize(type) + StringUtils.capitalize(handler.getMethod().getName()));
			}
			return operation;
		};
	}

	/** The 409 of a call marked {@link ConflictsWith}, as a problem detail. */
	@Bean
	OperationCustomizer conflictResponses() {
		return (operation, handler) -> {
			ConflictsWith conflict = handler.getMethodAnnotation(ConflictsWith.class);
			if (conflict != null) {
				addProblem(operation, "409", conflict.value());
			}
			return operation;
		};
	}

	private static void addProblem(Operation operation, String status, String description) {
		if (operation.getResponses() == null || operation.getResponses().containsKey(status)) {
			return;
		}
		operation.getResponses()
			.addApiResponse(status, new ApiResponse().description(description).content(problemContent()));
	}

	private static Content problemContent() {
		return new Content().addMediaType(PROBLEM_JSON,
				new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)));
	}

	@SuppressWarnings("rawtypes")
	private static Schema problemSchema() {
		ObjectSchema fieldError = new ObjectSchema();
		fieldError.setProperties(Map.of("field", new StringSchema().description("The field, such as `tags[1]`"), "code",
				new StringSchema().description("A stable code, such as `siret:invalid_checksum`"), "message",
				new StringSchema().description("The code in words, in the caller's language")));
		ObjectSchema problem = new ObjectSchema();
		problem.description("An RFC 9457 problem detail");
		problem.setProperties(Map.of("type", new StringSchema().format("uri"), "title", new StringSchema(), "status",
				new IntegerSchema(), "detail", new StringSchema(), "instance", new StringSchema().format("uri"), "code",
				new StringSchema().description("A stable code for a client to act on"), "errors",
				new ArraySchema().items(fieldError).description("Invalid input: its first 50 errors"), "moreErrors",
				new IntegerSchema().description("Invalid input: the errors left out of `errors`, when there are more"),
				"correlationId", new StringSchema()
					.description("On a failure of ours (500): the id of its log lines, to quote to support")));
		problem.setRequired(List.of("type", "title", "status"));
		return problem;
	}

}
