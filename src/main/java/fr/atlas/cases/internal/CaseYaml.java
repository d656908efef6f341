package fr.atlas.cases.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import fr.atlas.platform.InvalidInputException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

import org.springframework.stereotype.Component;

/**
 * Case type and workflow documents in YAML: the same model as the JSON form
 * ({@link WorkflowJson}, {@link CaseTypes#export}), so a document converts both ways
 * without loss. Malformed YAML is invalid input whose message gives the line and column.
 */
@Component
public class CaseYaml {

	public static final String MEDIA_TYPE = "application/yaml";

	/** The older name many tools still send. */
	public static final String LEGACY_MEDIA_TYPE = "application/x-yaml";

	private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
	};

	/** How deep the parser reads lists and mappings in one another, Jackson's default. */
	static final int MAX_NESTING = StreamReadConstraints.DEFAULT_MAX_DEPTH;

	private final YAMLMapper mapper = YAMLMapper.builder()
		.disable(YAMLWriteFeature.WRITE_DOC_START_MARKER)
		.enable(YAMLWriteFeature.MINIMIZE_QUOTES)
		// "250000" must stay a text when written: unquoted it would be read
		// back as a number.
		.enable(YAMLWriteFeature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
		.enable(YAMLWriteFeature.INDENT_ARRAYS_WITH_INDICATOR)
		// Two "transitions:" keys would silently keep the last one.
		.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
		.build();

	public String write(Object document) {
		return this.mapper.writeValueAsString(document);
	}

	/**
	 * Parses a document a user sent; its root must be a mapping. Problems are reported on
	 * {@code field} with code {@code yaml.malformed} (line, column, what the parser said)
	 * or {@code yaml.not-a-mapping}.
	 */
	public Map<String, Object> parseDocument(String field, String yaml) {
		if (yaml.isBlank()) {
			throw new InvalidInputException(field, "yaml.empty");
		}
		try {
			Map<String, Object> document = this.mapper.readValue(yaml, MAP);
			if (document == null) {
				throw new InvalidInputException(field, "yaml.empty");
			}
			return document;
		}
		catch (JacksonException ex) {
			TokenStreamLocation location = ex.getLocation();
			if (ex instanceof StreamConstraintsException) {
				// the parser's own words, with no line to give ("line -1"), and in
				// English
				throw new InvalidInputException(field, "document.too-complex", MAX_NESTING);
			}
			if (ex instanceof tools.jackson.databind.exc.MismatchedInputException) {
				throw new InvalidInputException(field, "yaml.not-a-mapping");
			}
			int line = (location != null) ? location.getLineNr() : -1;
			int column = (location != null) ? location.getColumnNr() : -1;
			throw new InvalidInputException(field, "yaml.malformed", line, column, firstLine(ex.getOriginalMessage()));
		}
	}

	private static String firstLine(String message) {
		if (message == null) {
			return "";
		}
		int newline = message.indexOf('\n');
		return ((newline >= 0) ? message.substring(0, newline) : message).trim();
	}

}
