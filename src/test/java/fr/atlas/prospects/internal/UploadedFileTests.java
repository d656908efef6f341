package fr.atlas.prospects.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class UploadedFileTests {

	@TempDir
	Path directory;

	@Test
	void copiesHashesAndChecksUtf8InOnePass() throws Exception {
		// "é" cut in two by the end of the first block
		byte[] utf8 = ("x".repeat(UploadedFile.HEAD - 1) + "é;" + "ü".repeat(100_000) + "\n")
			.getBytes(StandardCharsets.UTF_8);
		UploadedFile upload = copy(utf8);
		assertThat(upload.utf8()).isTrue();
		assertThat(upload.size()).isEqualTo(utf8.length);
		assertThat(upload.head()).isEqualTo(Arrays.copyOf(utf8, UploadedFile.HEAD));
		assertThat(upload.sha256())
			.isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(utf8)));
		assertThat(Files.readAllBytes(this.directory.resolve("copy"))).isEqualTo(utf8);
	}

	@Test
	void seesWhatIsNotUtf8() throws IOException {
		byte[] latin = ("x".repeat(200_000) + "é\n").getBytes(StandardCharsets.ISO_8859_1);
		assertThat(copy(latin).utf8()).isFalse();
		byte[] cut = Arrays.copyOf("aé".getBytes(StandardCharsets.UTF_8), 2);
		assertThat(copy(cut).utf8()).isFalse();
		assertThat(copy("Nom\n".getBytes(StandardCharsets.UTF_8)).utf8()).isTrue();
	}

	@Test
	void keepsAnEmptyUploadEmpty() throws IOException {
		UploadedFile upload = copy(new byte[0]);
		assertThat(upload.size()).isZero();
		assertThat(upload.head()).isEmpty();
	}

	@Test
	void doesNotReadAWorkbookAsText() throws IOException {
		byte[] xlsx = { 'P', 'K', 3, 4, (byte) 0xFF, (byte) 0xFE };
		UploadedFile upload = copy(xlsx);
		assertThat(FileProfile.format(upload.head())).isEqualTo(FileProfile.Format.XLSX);
		assertThat(upload.size()).isEqualTo(6);
	}

	private UploadedFile copy(byte[] content) throws IOException {
		return UploadedFile.copy(new ByteArrayInputStream(content), this.directory.resolve("copy"));
	}

}
