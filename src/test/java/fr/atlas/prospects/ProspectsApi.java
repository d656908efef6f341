package fr.atlas.prospects;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import fr.atlas.support.ApiClient;
import org.jspecify.annotations.Nullable;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Test helper: uploads files to the import API and waits for their jobs, and reads the
 * agency list.
 */
public final class ProspectsApi {

	private final ApiClient api;

	public ProspectsApi(ApiClient api) {
		this.api = api;
	}

	ResponseEntity<Map> upload(String token, String fileName, String content) {
		return upload(token, fileName, content.getBytes(StandardCharsets.UTF_8), null, null);
	}

	ResponseEntity<Map> upload(String token, String fileName, byte[] content, @Nullable String mapping,
			@Nullable String language) {
		return upload(token, fileName, content, mapping, language, null);
	}

	ResponseEntity<Map> upload(String token, String fileName, byte[] content, @Nullable String mapping,
			@Nullable String language, @Nullable String sheet) {
		MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
		if (sheet != null) {
			parts.add("sheet", sheet);
		}
		parts.add("file", new ByteArrayResource(content) {
			@Override
			public String getFilename() {
				return fileName;
			}
		});
		if (mapping != null) {
			parts.add("mapping", mapping);
		}
		return this.api.raw().post().uri("/api/v1/imports").headers((h) -> {
			h.setBearerAuth(token);
			if (language != null) {
				h.set("Accept-Language", language);
			}
		}).contentType(MediaType.MULTIPART_FORM_DATA).body(parts).retrieve().toEntity(Map.class);
	}

	/** Uploads and waits until the job is finished; returns its final status. */
	public Map<String, Object> importAndWait(String token, String fileName, String content) {
		ResponseEntity<Map> accepted = upload(token, fileName, content);
		if (accepted.getStatusCode().value() != 202) {
			throw new IllegalStateException("upload refused: " + accepted);
		}
		return waitFor(token, (String) accepted.getBody().get("id"));
	}

	Map<String, Object> waitFor(String token, String jobId) {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
		while (Instant.now().isBefore(deadline)) {
			Map<String, Object> status = this.api.get(token, "/api/v1/imports/" + jobId).getBody();
			String state = (String) status.get("status");
			if (state.equals("DONE") || state.equals("FAILED") || state.equals("CANCELLED")) {
				return status;
			}
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
		throw new IllegalStateException("import " + jobId + " did not finish");
	}

	/** The names of a page of {@code GET /api/v1/prospects…}, in its order. */
	@SuppressWarnings("unchecked")
	public List<String> names(String token, String path) {
		Map<String, Object> page = this.api.get(token, path).getBody();
		return ((List<Map<String, Object>>) page.get("items")).stream().map((i) -> (String) i.get("name")).toList();
	}

	/** The review queue's pairs, up to 500. */
	@SuppressWarnings("unchecked")
	public List<Map<String, Object>> queue(String token) {
		return this.api.getList(token, "/api/v1/prospects/duplicates?limit=500").getBody();
	}

	/** An import's row report without its header, each line split into its four cells. */
	public List<String[]> report(String token, String job) {
		String csv = this.api.getText(token, "/api/v1/imports/" + job + "/rows").getBody();
		return csv.lines().skip(1).map((line) -> line.split(",", -1)).toList();
	}

	/** The id of the first agency a text search finds. */
	@SuppressWarnings("unchecked")
	public String idOf(String token, String q) {
		Map<String, Object> page = this.api.get(token, "/api/v1/prospects?q=" + q).getBody();
		return (String) ((List<Map<String, Object>>) page.get("items")).get(0).get("id");
	}

}
