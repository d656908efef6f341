package fr.atlas.platform.web;

import java.lang.reflect.RecordComponent;
import java.net.URI;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import fr.atlas.platform.ConflictException;
import fr.atlas.platform.InvalidInputException;
import fr.atlas.platform.NotFoundException;
import fr.atlas.platform.TooManyRequestsException;
import fr.atlas.platform.UnstorableText;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import org.springframework.beans.TypeMismatchException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.context.MessageSource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.beans.ConversionNotSupportedException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingPathVariableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.method.annotation.MethodArgumentConversionNotSupportedException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns errors of the REST API into RFC 9457 problem details, in the caller's language,
 * with an {@code errors} list of {@code {field, code, message}} for invalid input.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiProblems extends ResponseEntityExceptionHandler {

	/** A whole number too large (or small) for its field. */
	private static final String OUT_OF_RANGE = "json.number.out-of-range";

	/** Errors a 400 lists at most; more than anyone corrects before sending again. */
	static final int LISTED_ERRORS = 50;

	private final MessageSource messages;

	private final LiteralAddresses addresses;

	private final ObjectProvider<JsonMapper> json;

	@Autowired
	ApiProblems(MessageSource messages,
			@Qualifier("requestMappingHandlerMapping") ObjectProvider<RequestMappingHandlerMapping> mappings,
			ObjectProvider<JsonMapper> json) {
		this.messages = messages;
		this.addresses = new LiteralAddresses(mappings);
		this.json = json;
	}

	ApiProblems(MessageSource messages) {
		this(messages, new StaticListableBeanFactory().getBeanProvider(RequestMappingHandlerMapping.class),
				new StaticListableBeanFactory().getBeanProvider(JsonMapper.class));
	}

	@ExceptionHandler(InvalidInputException.class)
	ProblemDetail invalid(InvalidInputException ex) {
		// only the problems listed are put into words
		return invalidInput(ex.problems()
			.stream()
			.limit(LISTED_ERRORS)
			.map((p) -> new FieldError(p.field(), p.code(), text(p.code(), p.arguments())))
			.toList(), ex.problems().size());
	}

	/**
	 * The same words for an id nobody has and for another organisation's, so that nobody
	 * learns which: "Introuvable" alone, without a detail, was all a client that shows a
	 * problem's title and detail could say.
	 */
	@ExceptionHandler(NotFoundException.class)
	ProblemDetail notFound(NotFoundException ex) {
		ProblemDetail problem = problem(HttpStatus.NOT_FOUND, "problem.not-found");
		problem.setDetail(text("problem.not-found.detail"));
		return problem;
	}

	@ExceptionHandler(ConflictException.class)
	ProblemDetail conflict(ConflictException ex) {
		ProblemDetail problem = problem(HttpStatus.CONFLICT, "problem.conflict");
		problem.setDetail(text(ex.getMessage(), ex.arguments()));
		problem.setProperty("code", ex.getMessage());
		ex.details().forEach(problem::setProperty);
		return problem;
	}

	@ExceptionHandler(TooManyRequestsException.class)
	ResponseEntity<ProblemDetail> tooMany(TooManyRequestsException ex) {
		ProblemDetail problem = problem(HttpStatus.TOO_MANY_REQUESTS, "problem.too-many-requests");
		long seconds = ex.retryAfterSeconds();
		problem.setDetail(this.messages.getMessage(TooManyRequestsException.waitInWords(seconds, "problem.retry-after"),
				LocaleContextHolder.getLocale()));
		problem.setProperty("retryAfterSeconds", seconds);
		return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
			.header(HttpHeaders.RETRY_AFTER, Long.toString(ex.retryAfterSeconds()))
			.body(problem);
	}

	@ExceptionHandler(AccessDeniedException.class)
	ProblemDetail denied(AccessDeniedException ex) {
		return problem(HttpStatus.FORBIDDEN, "problem.forbidden");
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		if (ex.getContentType() != null) {
			return super.handleHttpMediaTypeNotSupported(ex, readableTypesOnly(headers, request), status, request);
		}
		// a request without a body names no type: say what to send rather than "null"
		ProblemDetail problem = problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "problem.status.415");
		problem.setDetail(text("problem.no-content-type"));
		return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE).headers(headers).body(problem);
	}

	/**
	 * The types a 415 says the address takes ({@code Accept}, and {@code Accept-Patch}
	 * for a {@code PATCH}), without YAML where no address of the path declares it: Spring
	 * lists every converter's types, and the YAML one only writes (ADR 0106), so a client
	 * told to send YAML got a 415 again (ADR 0111). JSON Patch is no body the API reads
	 * either ({@link JsonBodiesOnly}).
	 */
	private HttpHeaders readableTypesOnly(HttpHeaders headers, WebRequest request) {
		if (!(request instanceof ServletWebRequest servlet)) {
			return headers;
		}
		Set<MediaType> declared = this.addresses.declaredBodyTypes(servlet.getRequest());
		HttpHeaders kept = new HttpHeaders();
		kept.putAll(headers);
		for (String name : List.of(HttpHeaders.ACCEPT, "Accept-Patch")) {
			List<String> values = headers.get(name);
			if (values == null) {
				continue;
			}
			List<MediaType> types = MediaType.parseMediaTypes(values)
				.stream()
				.filter((type) -> declared.contains(type) || !(type.getSubtype().endsWith("yaml")
						|| type.equalsTypeAndSubtype(JsonBodiesOnly.JSON_PATCH)))
				.toList();
			kept.remove(name);
			if (!types.isEmpty()) {
				kept.set(name, MediaType.toString(types));
			}
		}
		return kept;
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<FieldError> errors = new ArrayList<>();
		ex.getBindingResult()
			.getFieldErrors()
			.forEach((error) -> errors
				.add(new FieldError(error.getField(), error.getCode() != null ? error.getCode() : "invalid",
						this.messages.getMessage(error, LocaleContextHolder.getLocale()))));
		return ResponseEntity.badRequest().body(invalidInput(errors));
	}

	/**
	 * A parameter sent in a form Spring cannot turn into the expected type (a file part
	 * where text is expected) is the caller's mistake, not the server's: Spring answers
	 * 500 with its internals in the detail.
	 */
	@Override
	protected @Nullable ResponseEntity<Object> handleConversionNotSupported(ConversionNotSupportedException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		if (!(ex instanceof MethodArgumentConversionNotSupportedException argument)) {
			return super.handleConversionNotSupported(ex, headers, status, request);
		}
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				text("problem.unconvertible-parameter", argument.getName()));
		problem.setTitle(text("problem.status.400"));
		return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
	}

	/**
	 * A body that is JSON but holds a value of the wrong type or shape
	 * ({@code "dueDate":"31/12/2026"}, {@code "enabled":"yes"}, {@code "roles":"AGENT"})
	 * names the field and what it expects, like any invalid input; a body that is no JSON
	 * at all keeps Spring's "cannot be read".
	 */
	@Override
	protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		MismatchedInputException mismatch = mismatch(ex);
		InputCoercionException outOfRange = outOfRange(ex);
		FieldError first;
		if (mismatch == null && outOfRange != null && !outOfRange.getPath().isEmpty()) {
			// a whole number beyond what the field holds (99999999999999999999 days) is
			// valid JSON: named by its field, not "send valid JSON" (ADR 0106)
			first = new FieldError(JsonValueExpected.path(outOfRange.getPath()), OUT_OF_RANGE, text(OUT_OF_RANGE));
		}
		else if (mismatch == null || mismatch.getPath().isEmpty()) {
			return super.handleHttpMessageNotReadable(ex, headers, status, request);
		}
		else {
			first = error("", mismatch);
		}
		return ResponseEntity.badRequest().headers(headers).body(invalidInput(everyValue(first, request)));
	}

	/** A value Jackson could not read, at {@code prefix} and its own path. */
	private FieldError error(String prefix, MismatchedInputException mismatch) {
		String path = join(prefix, JsonValueExpected.path(mismatch.getPath()));
		if (mismatch instanceof UnrecognizedPropertyException unknown) {
			String expected = (unknown.getKnownPropertyIds() != null) ? unknown.getKnownPropertyIds()
				.stream()
				.map(String::valueOf)
				.sorted()
				.collect(Collectors.joining(", ")) : "";
			return new FieldError(path, "json.unknown-property",
					text("json.unknown-property", unknown.getPropertyName(), expected));
		}
		if (mismatch instanceof WholeCharacters.HalfAPair) {
			return new FieldError(path, WholeCharacters.CODE, text(WholeCharacters.CODE));
		}
		String code = JsonValueExpected.of(mismatch.getTargetType()).code();
		Object[] arguments = (mismatch.getTargetType() != null && mismatch.getTargetType().isEnum())
				? new Object[] { enumValues(mismatch.getTargetType()) } : new Object[0];
		return new FieldError(path, code, text(code, arguments));
	}

	private static String join(String prefix, String path) {
		return prefix.isEmpty() ? path
				: path.isEmpty() ? prefix : path.startsWith("[") ? prefix + path : prefix + "." + path;
	}

	/**
	 * Every value of the wrong type of a record's body, not only the first, which is all
	 * Jackson tells (ADR 0111): the body kept aside ({@link BodyKeptAside}) is read again
	 * property by property, each as the type of its component. The first problem is among
	 * them; a body not kept, or not a record's, names the first alone as before.
	 */
	private List<FieldError> everyValue(FieldError first, WebRequest request) {
		JsonMapper mapper = this.json.getIfAvailable();
		if (mapper == null || !(request instanceof ServletWebRequest servlet)
				|| !(BodyKeptAside.type(servlet.getRequest()) instanceof Class<?> record) || !record.isRecord()
				|| BodyKeptAside.body(servlet.getRequest()) == null) {
			return List.of(first);
		}
		List<FieldError> errors = new ArrayList<>();
		try {
			JsonNode root = mapper.readTree(BodyKeptAside.body(servlet.getRequest()));
			if (!root.isObject()) {
				return List.of(first);
			}
			for (RecordComponent component : record.getRecordComponents()) {
				JsonNode value = root.get(component.getName());
				if (value == null || value.isNull()) {
					continue;
				}
				try {
					mapper.treeToValue(value, mapper.constructType(component.getGenericType()));
				}
				catch (MismatchedInputException mismatch) {
					errors.add(error(component.getName(), mismatch));
				}
				catch (InputCoercionException coercion) {
					errors.add(new FieldError(join(component.getName(), JsonValueExpected.path(coercion.getPath())),
							OUT_OF_RANGE, text(OUT_OF_RANGE)));
				}
			}
		}
		catch (JacksonException ex) {
			return List.of(first);
		}
		if (errors.stream().noneMatch((error) -> error.field().equals(first.field()))) {
			errors.add(0, first);
		}
		return errors;
	}

	private static @Nullable InputCoercionException outOfRange(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof InputCoercionException coercion) {
				return coercion;
			}
		}
		return null;
	}

	private static @Nullable MismatchedInputException mismatch(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof MismatchedInputException mismatch) {
				return mismatch;
			}
		}
		return null;
	}

	private static String enumValues(Class<?> type) {
		return Arrays.stream(type.getEnumConstants()).map(Object::toString).collect(Collectors.joining(", "));
	}

	/**
	 * An address written out in full that only takes another method
	 * ({@code GET /api/v1/cases/calendar-feed}, a {@code POST} address) is matched by the
	 * address of that method with a variable ({@code GET /api/v1/cases/{id}}): the word
	 * is no id, and the answer is that the method is not allowed there, with
	 * {@code Allow}, not that the id is invalid.
	 */
	@Override
	protected @Nullable ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		if (ex instanceof MethodArgumentTypeMismatchException argument
				&& argument.getParameter().hasParameterAnnotation(PathVariable.class)
				&& request instanceof ServletWebRequest servlet) {
			Set<String> allowed = this.addresses.methodsOfAMoreSpecificAddress(servlet.getRequest());
			if (!allowed.isEmpty()) {
				var notAllowed = new HttpRequestMethodNotSupportedException(servlet.getRequest().getMethod(), allowed);
				HttpHeaders withAllow = new HttpHeaders();
				withAllow.putAll(headers);
				withAllow.putAll(notAllowed.getHeaders());
				return handleHttpRequestMethodNotSupported(notAllowed, withAllow, HttpStatus.METHOD_NOT_ALLOWED,
						request);
			}
		}
		ResponseEntity<Object> response = super.handleTypeMismatch(ex, headers, status, request);
		if (ex instanceof MethodArgumentTypeMismatchException argument && response != null
				&& response.getBody() instanceof ProblemDetail problem && problem.getDetail() != null) {
			// a tool that reads errors[], as it does for a body's values, learns which
			// parameter (?page=abc) and what it expects
			String message = problem.getDetail().strip().replaceAll("\\.$", "");
			problem.setProperty("errors", List.of(new FieldError(argument.getName(),
					JsonValueExpected.of(argument.getRequiredType()).code(), message)));
			// the same problem as a body's value of the wrong type: a tool that goes by
			// the type reads errors[] for both (ADR 0070)
			problem.setTitle(text("problem.invalid-input"));
			problem.setType(URI.create("https://atlas.test/problems/invalid-input"));
		}
		return response;
	}

	/**
	 * An id of blanks ({@code /api/v1/prospects/%20}) reads as no id: Spring's own
	 * detail, "Required path variable 'id' is not present.", came in English under a
	 * French title, and named the method's parameter rather than saying what to send.
	 */
	@Override
	protected @Nullable ResponseEntity<Object> handleMissingPathVariable(MissingPathVariableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return required(ex.getVariableName(), headers);
	}

	/** A required query parameter left out, said as a body's missing field is. */
	@Override
	protected @Nullable ResponseEntity<Object> handleMissingServletRequestParameter(
			MissingServletRequestParameterException ex, HttpHeaders headers, HttpStatusCode status,
			WebRequest request) {
		return required(ex.getParameterName(), headers);
	}

	private ResponseEntity<Object> required(String name, HttpHeaders headers) {
		ProblemDetail problem = invalidInput(List.of(new FieldError(name, "field.required", text("field.required"))));
		// as it is: createResponseEntity would put Spring's title of a 400 over ours
		return ResponseEntity.status(HttpStatus.BAD_REQUEST).headers(headers).body(problem);
	}

	/** A multipart body that cannot be read (see {@link ApiRoutingProblems}). */
	ProblemDetail unreadableMultipart() {
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "problem.status.400");
		problem.setDetail(text("problem.unreadable-multipart"));
		return problem;
	}

	/**
	 * A write the database refuses although it passed the checks made before it. Text
	 * PostgreSQL cannot store (a NUL character, invalid for its UTF-8) is the caller's
	 * mistake: 400 rather than the 500 of a failed statement. A unique key that two
	 * requests met at once is a 409; so is a reference to a row that another request
	 * deleted at that moment (a task added to a case being deleted: the check found the
	 * case, the foreign key no longer does). Any other refusal is a gap in our checks:
	 * the 500 problem detail of {@link UnexpectedApiFailures}, which this handler, chosen
	 * for the exception, would otherwise leave to Spring Boot's English error.
	 */
	@ExceptionHandler(DataIntegrityViolationException.class)
	ProblemDetail refusedWrite(DataIntegrityViolationException ex, HttpServletRequest request) {
		String state = (ex.getMostSpecificCause() instanceof SQLException sql) ? sql.getSQLState() : null;
		if ("23505".equals(state)) {
			// a unique key met by two requests at once, past the checks each made before
			// writing: the second is in conflict with what the first just wrote
			return conflict("problem.concurrent-change");
		}
		if ("23503".equals(state)) {
			// every reference is checked before writing (another organisation's row is
			// unknown, a 400 or a 404): only a deletion at the same moment gets here
			return conflict("problem.reference-gone");
		}
		if (!UnstorableText.refused(ex)) {
			return UnexpectedApiFailures.internalError(this.messages, request, ex);
		}
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "problem.status.400");
		problem.setDetail(text("problem.invalid-characters"));
		return problem;
	}

	/**
	 * Two requests that each locked a row the other needed (a deadlock the database broke
	 * by failing one), or a lock not granted in time: the refused one met what the other
	 * was doing at that moment, a 409 the caller may retry, not the 500 of a failure of
	 * ours.
	 */
	@ExceptionHandler(PessimisticLockingFailureException.class)
	ProblemDetail lockedByAnother(PessimisticLockingFailureException ex) {
		return conflict("problem.concurrent-change");
	}

	private ProblemDetail conflict(String code) {
		// typed as every conflict is, told apart by its code as ConflictException's are
		ProblemDetail problem = problem(HttpStatus.CONFLICT, "problem.conflict");
		problem.setDetail(text(code));
		problem.setProperty("code", code);
		return problem;
	}

	@Override
	protected ResponseEntity<Object> createResponseEntity(@Nullable Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		if (body instanceof ProblemDetail problem && problem.getTitle() != null) {
			// Spring's own titles are English: give them in the user's language
			// when we can.
			String key = "problem.status." + statusCode.value();
			Locale locale = LocaleContextHolder.getLocale();
			problem.setTitle(this.messages.getMessage(key, null, problem.getTitle(), locale));
			// and their details, where we have our own
			problem.setDetail(this.messages.getMessage("problem.detail." + statusCode.value(), null,
					problem.getDetail(), locale));
		}
		return super.createResponseEntity(body, headers, statusCode, request);
	}

	/**
	 * Invalid input: each problem in {@code errors}, by field, and their messages as the
	 * {@code detail} too, where a client that knows RFC 9457 and not our {@code errors}
	 * looks for what went wrong (ADR 0061). "Données invalides" alone said nothing.
	 */
	private ProblemDetail invalidInput(List<FieldError> errors) {
		return invalidInput(errors, errors.size());
	}

	/**
	 * The first {@link #LISTED_ERRORS} of {@code total} errors, and how many more there
	 * are ({@code moreErrors}, said at the end of the detail): a request with thousands
	 * of mistakes (an import's mapping naming 3,000 columns the file does not have, each
	 * problem listing the file's headers again) was answered with every one of them, tens
	 * or hundreds of megabytes built in memory for a request of a few kilobytes (ADR
	 * 0121).
	 */
	private ProblemDetail invalidInput(List<FieldError> errors, int total) {
		List<FieldError> listed = (errors.size() > LISTED_ERRORS) ? errors.subList(0, LISTED_ERRORS) : errors;
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "problem.invalid-input");
		List<String> sentences = new ArrayList<>(listed.stream().map(this::sentence).toList());
		int more = total - listed.size();
		if (more > 0) {
			sentences.add(text("problem.more-errors", more));
			problem.setProperty("moreErrors", more);
		}
		problem.setDetail(detail(sentences));
		problem.setProperty("errors", List.copyOf(listed));
		return problem;
	}

	/**
	 * An error as the detail says it: the shared messages ("Champ obligatoire", "Nombre
	 * entier attendu") name no field, which {@code errors} gives beside each but the
	 * detail, read alone, would lose ("Champ obligatoire." of a sign-up said not which);
	 * the others name what they are about in their own words.
	 */
	private String sentence(FieldError error) {
		String message = (error.message() != null) ? error.message().strip() : "";
		if (message.isEmpty() || error.field().isBlank()
				|| !(error.code().startsWith("field.") || error.code().startsWith("json.expected.")
						|| error.code().equals(OUT_OF_RANGE) || error.code().equals(WholeCharacters.CODE))) {
			return message;
		}
		return text("problem.field-message", error.field(), lowerFirst(message));
	}

	/** "Required" as it reads after a colon; "JSON…" and "SIRET…" kept as they are. */
	private static String lowerFirst(String message) {
		if (message.length() > 1 && Character.isUpperCase(message.charAt(0))
				&& !Character.isUpperCase(message.charAt(1))) {
			return Character.toLowerCase(message.charAt(0)) + message.substring(1);
		}
		return message;
	}

	/**
	 * The messages as one text: each a sentence, in the order given. One that ends with a
	 * bracket or a quote ("… (AGENCY, CONTACT ou LISTING)", "… «\u00A0file\u00A0»") is a
	 * sentence too: without its period, the next ran on from it.
	 */
	static @Nullable String detail(List<String> messages) {
		String detail = messages.stream()
			.filter((message) -> message != null && !message.isBlank())
			.map(String::strip)
			.map((message) -> message.matches("(?s).*[\\p{L}\\p{N})\\]»\"]") ? message + "." : message)
			.distinct()
			.collect(Collectors.joining(" "));
		return detail.isEmpty() ? null : detail;
	}

	private ProblemDetail problem(HttpStatus status, String titleCode) {
		ProblemDetail problem = ProblemDetail.forStatus(status);
		problem.setTitle(text(titleCode));
		problem.setType(URI.create("https://atlas.test/problems/" + titleCode.replace("problem.", "")));
		return problem;
	}

	private String text(String code, Object... arguments) {
		Locale locale = LocaleContextHolder.getLocale();
		return this.messages.getMessage(code, arguments, code, locale);
	}

	record FieldError(String field, String code, String message) {
	}

}
