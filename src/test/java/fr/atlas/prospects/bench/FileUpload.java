package fr.atlas.prospects.bench;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

/**
 * A generated file sent to {@code POST /api/v1/imports} as a browser would, its part
 * streamed from the disk: how both benchmarks start an import.
 */
final class FileUpload {

	private FileUpload() {
	}

	static HttpRequest to(URI imports, String token, Path csv) throws FileNotFoundException {
		String boundary = "bench" + UUID.randomUUID().toString().replace("-", "");
		String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
				+ csv.getFileName() + "\"\r\nContent-Type: text/csv\r\n\r\n";
		String tail = "\r\n--" + boundary + "--\r\n";
		return HttpRequest.newBuilder(imports)
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofString(head),
					HttpRequest.BodyPublishers.ofFile(csv), HttpRequest.BodyPublishers.ofString(tail)))
			.timeout(Duration.ofMinutes(10))
			.build();
	}

	/**
	 * Sends the file and gives the body of the 202 that accepted it (the import's
	 * {@code id} and {@code status}); any other answer fails the benchmark.
	 */
	static String send(HttpClient http, URI imports, String token, Path csv) throws IOException, InterruptedException {
		HttpResponse<String> response = http.send(to(imports, token, csv), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 202) {
			throw new IllegalStateException("upload failed: " + response.statusCode() + " " + response.body());
		}
		return response.body();
	}

}
