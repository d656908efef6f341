package fr.atlas.platform.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;

/**
 * What a JSON field of the API expects, said to the caller who sent a value of another
 * type: a date as 2026-12-31, a number, true or false, a list…
 */
enum JsonValueExpected {

	DATE("json.expected.date"), DATE_TIME("json.expected.date-time"), TIME("json.expected.time"),
	BOOLEAN("json.expected.boolean"), INTEGER("json.expected.integer"), NUMBER("json.expected.number"),
	LIST("json.expected.list"), OBJECT("json.expected.object"), TEXT("json.expected.text"), UUID("json.expected.uuid"),
	ENUM("json.expected.one-of"), OTHER("json.expected.other");

	private final String code;

	JsonValueExpected(String code) {
		this.code = code;
	}

	String code() {
		return this.code;
	}

	static JsonValueExpected of(@Nullable Class<?> type) {
		if (type == null) {
			return OTHER;
		}
		if (type == LocalDate.class) {
			return DATE;
		}
		if (type == Instant.class || type == OffsetDateTime.class || type == ZonedDateTime.class
				|| type == LocalDateTime.class) {
			return DATE_TIME;
		}
		if (type == LocalTime.class) {
			return TIME;
		}
		if (type == Boolean.class || type == boolean.class) {
			return BOOLEAN;
		}
		if (type == Integer.class || type == int.class || type == Long.class || type == long.class
				|| type == Short.class || type == short.class || type == java.math.BigInteger.class) {
			return INTEGER;
		}
		if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
			return NUMBER;
		}
		if (type.isArray() || Collection.class.isAssignableFrom(type)) {
			return LIST;
		}
		if (type == String.class || type == Character.class || type == char.class) {
			return TEXT;
		}
		if (type == java.util.UUID.class) {
			return UUID;
		}
		if (type.isEnum()) {
			return ENUM;
		}
		if (Map.class.isAssignableFrom(type) || type.isRecord() || !type.getName().startsWith("java.")) {
			return OBJECT;
		}
		return OTHER;
	}

	/**
	 * The field's path as the caller wrote it: {@code fields.budget}, {@code roles[1]}.
	 */
	static String path(List<JacksonException.Reference> references) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference reference : references) {
			if (reference.getPropertyName() != null) {
				if (!path.isEmpty()) {
					path.append('.');
				}
				path.append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.toString();
	}

}
