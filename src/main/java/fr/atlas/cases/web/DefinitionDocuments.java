package fr.atlas.cases.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import fr.atlas.cases.internal.CaseJson;
import fr.atlas.cases.internal.CaseYaml;
import fr.atlas.platform.InvalidInputException;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.util.StreamUtils;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

/**
 * Case type and workflow documents as they come and go over HTTP: a YAML body, an
 * uploaded {@code .yaml}/{@code .yml}/{@code .json} file, or a download in either format.
 * JSON bodies stay with Spring's own converter.
 */
@Component
class DefinitionDocuments {

	static final String YAML = CaseYaml.MEDIA_TYPE;

	static final String LEGACY_YAML = CaseYaml.LEGACY_MEDIA_TYPE;

	private static final int MAX_BYTES = 1024 * 1024;

	private final CaseYaml yaml;

	private final CaseJson json;

	DefinitionDocuments(CaseYaml yaml, CaseJson json) {
		this.yaml = yaml;
		this.json = json;
	}

	/** A YAML body, or the part {@code file} of a multipart request. */
	Map<String, Object> read(HttpServletRequest request) {
		if (request instanceof MultipartHttpServletRequest multipart) {
			return read(multipart.getFile("file"));
		}
		try {
			byte[] body = StreamUtils.copyToByteArray(request.getInputStream());
			if (body.length > MAX_BYTES) {
				throw new InvalidInputException("document", "document.too-large", MAX_BYTES / 1024);
			}
			// YAML is UTF-8 unless the request says otherwise.
			java.nio.charset.Charset charset = (request.getCharacterEncoding() != null)
					? java.nio.charset.Charset.forName(request.getCharacterEncoding()) : StandardCharsets.UTF_8;
			return this.yaml.parseDocument("document", new String(body, charset));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** An uploaded file, read as YAML or JSON after its extension. */
	Map<String, Object> read(@Nullable MultipartFile file) {
		if (file == null || file.isEmpty()) {
			throw new InvalidInputException("file", "document.file-required");
		}
		if (file.getSize() > MAX_BYTES) {
			throw new InvalidInputException("file", "document.too-large", MAX_BYTES / 1024);
		}
		String name = (file.getOriginalFilename() != null) ? file.getOriginalFilename().toLowerCase(Locale.ROOT) : "";
		try {
			String text = new String(file.getBytes(), StandardCharsets.UTF_8);
			if (name.endsWith(".yaml") || name.endsWith(".yml")) {
				return this.yaml.parseDocument("file", text);
			}
			if (name.endsWith(".json")) {
				return this.json.parseDocument("file", text);
			}
			throw new InvalidInputException("file", "document.unsupported-file", name);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Whether the caller asked for YAML: {@code format=yaml}, or an Accept header whose
	 * first explicit type is YAML. Any other {@code format} than json or yaml is refused.
	 */
	boolean wantsYaml(@Nullable String format, @Nullable String accept) {
		if (format != null && !format.isBlank()) {
			String wanted = format.trim().toLowerCase(Locale.ROOT);
			if (!List.of("json", "yaml", "yml").contains(wanted)) {
				throw new InvalidInputException("format", "document.unknown-format", format);
			}
			return !wanted.equals("json");
		}
		return yamlType(accept) != null;
	}

	/** A document as a YAML response, as a download when a file name is given. */
	ResponseEntity<String> yaml(Object document, @Nullable String accept, @Nullable String filename) {
		MediaType type = MediaType.parseMediaType((yamlType(accept) != null) ? yamlType(accept) : YAML);
		ResponseEntity.BodyBuilder response = ResponseEntity.ok()
			.contentType(new MediaType(type, StandardCharsets.UTF_8));
		if (filename != null) {
			response.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(filename).build().toString());
		}
		return response.body(this.yaml.write(document));
	}

	private static @Nullable String yamlType(@Nullable String accept) {
		if (accept == null || accept.isBlank()) {
			return null;
		}
		try {
			List<MediaType> types = new java.util.ArrayList<>(MediaType.parseMediaTypes(accept));
			types.sort(java.util.Comparator.comparingDouble(MediaType::getQualityValue).reversed());
			for (MediaType type : types) {
				if (type.isWildcardType() || type.isWildcardSubtype()) {
					continue;
				}
				String name = type.getType() + "/" + type.getSubtype();
				return (name.equals(YAML) || name.equals(LEGACY_YAML)) ? name : null;
			}
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
		return null;
	}

}
