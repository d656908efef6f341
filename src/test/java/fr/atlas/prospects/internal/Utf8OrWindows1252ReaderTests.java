package fr.atlas.prospects.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class Utf8OrWindows1252ReaderTests {

	private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

	@Test
	void readsUtf8AsUtf8AndAStrayByteAsWindows1252() throws IOException {
		byte[] file = join("Raison sociale;Ville;Téléphone\nMixte Agence;Besan".getBytes(StandardCharsets.UTF_8),
				"ç".getBytes(WINDOWS_1252),
				"on;01 52 52 52 52\nMixte Deux;Orléans 😀;€\n".getBytes(StandardCharsets.UTF_8));
		assertThat(read(file, 3)).isEqualTo(
				"Raison sociale;Ville;Téléphone\nMixte Agence;Besançon;01 52 52 52 52\n" + "Mixte Deux;Orléans 😀;€\n");
		assertThat(Utf8OrWindows1252Reader.mostlyUtf8(new ByteArrayInputStream(file))).isTrue();
	}

	@Test
	void takesWindows1252TextForWindows1252() throws IOException {
		byte[] text = "Société Générale d’Agences à Orléans — « Crédit » n° 5\n".repeat(50).getBytes(WINDOWS_1252);
		assertThat(Utf8OrWindows1252Reader.mostlyUtf8(new ByteArrayInputStream(text))).isFalse();
		assertThat(read(text, 7)).isEqualTo(new String(text, WINDOWS_1252));
	}

	@Test
	void readsValidUtf8AsTheJdkDoesWhateverTheReadsLength() throws IOException {
		Random random = new Random(7);
		String[] pieces = { "a", "é", "ç", "€", "😀", "\n", ";", "日本", "\u00a0" };
		for (int i = 0; i < 200; i++) {
			StringBuilder text = new StringBuilder();
			int length = random.nextInt(300);
			for (int j = 0; j < length; j++) {
				text.append(pieces[random.nextInt(pieces.length)]);
			}
			byte[] utf8 = text.toString().getBytes(StandardCharsets.UTF_8);
			assertThat(read(utf8, 1 + random.nextInt(5))).isEqualTo(text.toString());
		}
	}

	@Test
	void readsAnyBytesWithoutLosingOne() throws IOException {
		Random random = new Random(11);
		for (int i = 0; i < 500; i++) {
			byte[] bytes = new byte[random.nextInt(100)];
			random.nextBytes(bytes);
			String text = read(bytes, 2);
			// every byte is read: as part of a UTF-8 sequence or as one character
			assertThat(text.getBytes(StandardCharsets.UTF_8).length).isGreaterThanOrEqualTo(bytes.length / 4);
			assertThat(text.codePointCount(0, text.length())).isLessThanOrEqualTo(bytes.length);
		}
	}

	private static String read(byte[] bytes, int chunk) throws IOException {
		StringBuilder text = new StringBuilder();
		try (Reader reader = new Utf8OrWindows1252Reader(new ByteArrayInputStream(bytes))) {
			char[] buffer = new char[chunk];
			int read;
			while ((read = reader.read(buffer, 0, chunk)) != -1) {
				text.append(buffer, 0, read);
			}
		}
		return text.toString();
	}

	private static byte[] join(byte[]... parts) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (byte[] part : parts) {
			out.writeBytes(part);
		}
		return out.toByteArray();
	}

}
