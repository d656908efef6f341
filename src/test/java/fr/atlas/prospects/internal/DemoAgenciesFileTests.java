package fr.atlas.prospects.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo's agencies are around Lyon: a number of theirs that reads as an overseas
 * department's (06 39 is Mayotte, 06 9x the Antilles and La Réunion) is shown as "+262 …"
 * on a Lyon agency's page, which a French visitor reads as a mistake of Atlas.
 */
class DemoAgenciesFileTests {

	@Test
	void everyPhoneOfTheDemoAgenciesIsAMainlandNumber() throws IOException {
		List<String> lines = new ClassPathResource(DemoProspects.FILE).getContentAsString(StandardCharsets.UTF_8)
			.lines()
			.toList();
		List<String> header = Arrays.asList(lines.getFirst().split(";", -1));
		List<Integer> phoneColumns = List.of(header.indexOf("Téléphone"), header.indexOf("Portable"));
		assertThat(phoneColumns).doesNotContain(-1);
		long numbers = 0;
		for (String line : lines.subList(1, lines.size())) {
			String[] cells = line.split(";", -1);
			for (int column : phoneColumns) {
				var phone = PhoneNumbers.normalise(cells[column]).value();
				if (phone != null) {
					numbers++;
					assertThat(phone.e164()).as("line %s", line).startsWith("+33");
				}
			}
		}
		assertThat(numbers).isGreaterThan(50);
	}

}
