package fr.atlas.prospects.bench;

import java.io.FileNotFoundException;
import java.net.URI;
import java.net.http.HttpRequest;
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

}
