package fr.atlas.prospects.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FileProfileTests {

	static final String TEXT = "Raison sociale\tVille\r\nAgence Forêt Élysée\tSète\r\nImmobilière Côte d’Azur\tNice\r\n";

	@Test
	void takesUtf16ByItsByteOrderMarkAndReadsItWithoutTheMark() throws IOException {
		byte[] little = marked(new byte[] { (byte) 0xFF, (byte) 0xFE }, TEXT.getBytes(StandardCharsets.UTF_16LE));
		byte[] big = marked(new byte[] { (byte) 0xFE, (byte) 0xFF }, TEXT.getBytes(StandardCharsets.UTF_16BE));
		assertThat(FileProfile.utf16(little)).isEqualTo("UTF-16LE");
		assertThat(FileProfile.utf16(big)).isEqualTo("UTF-16BE");
		assertThat(read(little, "UTF-16LE")).isEqualTo(TEXT);
		assertThat(read(big, "UTF-16BE")).isEqualTo(TEXT);
	}

	@Test
	void takesUtf16WithoutAMarkByTheZeroBytesOfLatinText() throws IOException {
		assertThat(FileProfile.utf16(TEXT.getBytes(StandardCharsets.UTF_16LE))).isEqualTo("UTF-16LE");
		assertThat(FileProfile.utf16(TEXT.getBytes(StandardCharsets.UTF_16BE))).isEqualTo("UTF-16BE");
		assertThat(read(TEXT.getBytes(StandardCharsets.UTF_16LE), "UTF-16LE")).isEqualTo(TEXT);
	}

	/**
	 * A file that is not UTF-8 is read as Windows-1252 only when it reads as Latin text;
	 * one in another encoding was imported as runs of symbols.
	 */
	@Test
	void tellsLatinTextInWindows1252FromTextInAnotherEncoding() {
		String french = TEXT + "L’ÉTOILE IMMOBILIÈRE\tL’Haÿ-les-Roses\r\nŒuvre & Cœur – 1,5 M€\tSaint-Étienne\r\n"
				+ "d’Éole « Prestige »\tÎle-d’Yeu\r\n";
		assertThat(FileProfile.latinText(french.repeat(20).getBytes(Charset.forName("windows-1252")))).isTrue();
		assertThat(FileProfile.latinText(TEXT.repeat(20).getBytes(StandardCharsets.ISO_8859_1))).isTrue();
		// one stray name in another script among Latin rows is a row's problem, not the
		// file's
		assertThat(FileProfile
			.latinText((french.repeat(20) + "Агентство\tМосква\r\n").getBytes(Charset.forName("windows-1251"))))
			.isTrue();
		String chinese = "公司名称\t城市\r\n北京房地产经纪有限公司\t北京\r\n上海置业顾问\t上海\r\n";
		String russian = "Название\tГород\r\nАгентство недвижимости Москва\tМосква\r\nДом и сад\tСанкт-Петербург\r\n";
		String japanese = "会社名\t都市\r\n東京不動産株式会社\t東京\r\n大阪ホーム\t大阪\r\n";
		assertThat(FileProfile.latinText(chinese.repeat(5).getBytes(Charset.forName("GB18030")))).isFalse();
		assertThat(FileProfile.latinText(chinese.repeat(5).getBytes(Charset.forName("Big5")))).isFalse();
		assertThat(FileProfile.latinText(japanese.repeat(5).getBytes(Charset.forName("Shift_JIS")))).isFalse();
		assertThat(FileProfile.latinText(russian.repeat(5).getBytes(Charset.forName("windows-1251")))).isFalse();
		assertThat(FileProfile.latinText(russian.repeat(5).getBytes(Charset.forName("KOI8-R")))).isFalse();
		assertThat(FileProfile.latinText(TEXT.repeat(5).getBytes(Charset.forName("IBM500")))).isFalse();
		// a file pieced together from a UTF-8 export and a Windows-1252 one is Latin text
		byte[] utf8 = french.repeat(10).getBytes(StandardCharsets.UTF_8);
		byte[] windows = french.repeat(10).getBytes(Charset.forName("windows-1252"));
		byte[] pieced = java.util.Arrays.copyOf(utf8, utf8.length + windows.length);
		System.arraycopy(windows, 0, pieced, utf8.length, windows.length);
		assertThat(FileProfile.latinText(pieced)).isTrue();
	}

	@Test
	void leavesOtherFilesAlone() {
		assertThat(FileProfile.utf16(TEXT.getBytes(StandardCharsets.UTF_8))).isNull();
		assertThat(FileProfile.utf16(TEXT.getBytes(Charset.forName("windows-1252")))).isNull();
		// too short to tell, and binary: refused as before
		byte[] binary = { 1, 0, 2, 0, 3, 4, 5, 0 };
		assertThat(FileProfile.utf16(binary)).isNull();
		assertThat(FileProfile.binary(binary)).isTrue();
		// random bytes have zeros on both sides, or on neither
		byte[] noise = new byte[4096];
		new Random(7).nextBytes(noise);
		assertThat(FileProfile.utf16(noise)).isNull();
	}

	@Test
	void refusesUtf16ThatIsNotText() {
		String controls = "\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000e\u000f\u0010\u0011";
		assertThat(FileProfile.binary(controls.repeat(4))).isTrue();
		assertThat(FileProfile.binary(TEXT)).isFalse();
	}

	@Test
	void findsTheDelimiterBesideALongQuotedCell(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
			throws IOException {
		// a description of a few thousand characters, with commas, in quotes: it once
		// overflowed the stack of the request that uploaded it (a 500)
		String description = "\"" + "Belle agence, vue mer, \"\"centre\"\"; ".repeat(20_000) + "\"";
		java.nio.file.Path file = dir.resolve("long.csv");
		java.nio.file.Files.writeString(file,
				"Nom;Ville;Description\nAgence Longue;Sète;" + description + "\nAgence Courte;Agde;\n");
		assertThat(FileProfile.detectDelimiter(file, "UTF-8")).isEqualTo(';');
	}

	@Test
	void leavesOutQuotedSectionsAsACsvReaderReadsThem() {
		assertThat(FileProfile.unquoted("a;\"b;c\";d")).isEqualTo("a;;d");
		assertThat(FileProfile.unquoted("\"x \"\"y\"\" z\",w")).isEqualTo(",w");
		assertThat(FileProfile.unquoted("\"\";\"\"")).isEqualTo(";");
		// a quote that never closes stays, and so does what follows it
		assertThat(FileProfile.unquoted("a;\"b;c")).isEqualTo("a;\"b;c");
		// a doubled quote at the end closes the section at its first quote
		assertThat(FileProfile.unquoted("a;\"b;c\"\"")).isEqualTo("a;\"");
		assertThat(FileProfile.unquoted("plain;line")).isEqualTo("plain;line");
	}

	@Test
	void stillReadsAUtf8MarkAndText() throws IOException {
		byte[] marked = marked(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF },
				TEXT.getBytes(StandardCharsets.UTF_8));
		assertThat(read(marked, "UTF-8")).isEqualTo(TEXT);
		assertThat(read(TEXT.getBytes(StandardCharsets.UTF_8), "UTF-8")).isEqualTo(TEXT);
	}

	private static byte[] marked(byte[] mark, byte[] text) {
		byte[] bytes = new byte[mark.length + text.length];
		System.arraycopy(mark, 0, bytes, 0, mark.length);
		System.arraycopy(text, 0, bytes, mark.length, text.length);
		return bytes;
	}

	private static String read(byte[] bytes, String encoding) throws IOException {
		try (Reader reader = FileProfile.reader(new ByteArrayInputStream(bytes), encoding)) {
			StringBuilder text = new StringBuilder();
			char[] buffer = new char[256];
			int n;
			while ((n = reader.read(buffer)) > 0) {
				text.append(buffer, 0, n);
			}
			return text.toString();
		}
	}

}
