package fr.atlas.prospects.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CopyTextTests {

	/** Characters that each take another path of the encoder. */
	private static final char[] ALPHABET = { 'a', 'Z', '7', ' ', '"', ',', '{', '\\', '\t', '\n', '\r', '\u0001',
			'\u001f', '\u007f', 'é', 'ß', '€', '中', '\uD83C', '\uDFE0', '\uDC00' };

	@Test
	void writesWhatTheTextFormatWithStringsGaveForAnyText() {
		Random random = new Random(20261202);
		for (int round = 0; round < 2_000; round++) {
			List<String> values = new ArrayList<>();
			for (int i = 0; i < 1 + random.nextInt(6); i++) {
				values.add(text(random));
			}
			CopyText text = new CopyText(64);
			StringBuilder expected = new StringBuilder();
			for (String value : values) {
				text.value(value);
				expected.append(escaped(value)).append('\t');
			}
			text.array(values).endRow();
			expected.append(escaped(arrayLiteral(values))).append('\n');
			assertThat(bytes(text)).as("values %s", values.stream().map(CopyTextTests::codes).toList())
				.isEqualTo(expected.toString().getBytes(StandardCharsets.UTF_8));
			assertThat(text.toString())
				.isEqualTo(new String(expected.toString().getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8));
		}
	}

	@Test
	void writesIdentifiersAndWholeNumbersAsJavaPrintsThem() {
		Random random = new Random(7);
		for (int round = 0; round < 1_000; round++) {
			UUID id = new UUID(random.nextLong(), random.nextLong());
			long number = (round == 0) ? Long.MIN_VALUE
					: (round == 1) ? Long.MAX_VALUE : random.nextLong() >> round % 64;
			int small = random.nextInt() >> round % 32;
			CopyText text = new CopyText(8).value(id).value(number).value(small).value((Integer) null).endRow();
			assertThat(text.toString()).isEqualTo(id + "\t" + number + "\t" + small + "\t\\N\n");
		}
	}

	@Test
	void cutsSegmentsAtRowsAndKeepsOnePieceWhenAsked() {
		CopyText segmented = new CopyText(CopyText.SEGMENT);
		CopyText whole = new CopyText(16, false);
		String row = "x".repeat(1000);
		for (int i = 0; i < 200; i++) {
			segmented.value(row).endRow();
			whole.value(row).endRow();
		}
		assertThat(segmented.segments()).hasSizeGreaterThan(1)
			.allSatisfy((segment) -> assertThat(segment.length()).isLessThan(CopyText.SEGMENT + 1002));
		assertThat(whole.segments()).hasSize(1);
		assertThat(segmented.toString()).isEqualTo(whole.toString()).hasSize(200 * 1001);
		whole.clear();
		assertThat(whole.length()).isZero();
		assertThat(whole.value("again").endRow().toString()).isEqualTo("again\n");
	}

	private static String codes(String value) {
		StringBuilder codes = new StringBuilder();
		value.chars().forEach((c) -> codes.append(String.format("%04x ", c)));
		return codes.toString();
	}

	private static byte[] bytes(CopyText text) {
		CopyText.Segment whole = text.whole();
		return java.util.Arrays.copyOf(whole.bytes(), whole.length());
	}

	private static String text(Random random) {
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < random.nextInt(12); i++) {
			text.append(ALPHABET[random.nextInt(ALPHABET.length)]);
		}
		return text.toString();
	}

	/** The textbook escapes of COPY's text format. */
	private static String escaped(String value) {
		return value.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
	}

	private static String arrayLiteral(List<String> values) {
		List<String> quoted = new ArrayList<>();
		for (String value : values) {
			quoted.add('"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"');
		}
		return "{" + String.join(",", quoted) + "}";
	}

}
