package fr.atlas.cases.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import fr.atlas.platform.InvalidInputException;

import org.springframework.stereotype.Component;

/**
 * Reads and writes the module's {@code jsonb} columns and JSON documents with the
 * application's JSON mapper, so stored and returned JSON look the same.
 */
@Component
public class CaseJson {

	private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
	};

	private static final TypeReference<List<Object>> LIST = new TypeReference<>() {
	};

	private final JsonMapper mapper;

	CaseJson(JsonMapper mapper) {
		this.mapper = mapper;
	}

	public String write(Object value) {
		return this.mapper.writeValueAsString(value);
	}

	public Map<String, Object> readMap(String json) {
		return this.mapper.readValue(json, MAP);
	}

	public List<Object> readList(String json) {
		return this.mapper.readValue(json, LIST);
	}

	/** Parses a document a user sent, reporting malformed JSON as invalid input. */
	public Map<String, Object> parseDocument(String field, String json) {
		try {
			return readMap(json);
		}
		catch (StreamConstraintsException ex) {
			throw new InvalidInputException(field, "document.too-complex", CaseYaml.MAX_NESTING);
		}
		catch (JacksonException ex) {
			throw new InvalidInputException(field, "json.malformed", ex.getOriginalMessage());
		}
	}

	/** A copy of any JSON-shaped object as plain maps and lists. */
	public Map<String, Object> toMap(Object value) {
		return this.mapper.convertValue(value, MAP);
	}

}
