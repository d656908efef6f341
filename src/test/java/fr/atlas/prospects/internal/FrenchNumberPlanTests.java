package fr.atlas.prospects.internal;

import java.util.Random;

import fr.atlas.prospects.internal.PhoneNumbers.Phone;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FrenchNumberPlanTests {

	@Test
	void answersAsLibphonenumberForEveryFiveDigitPrefix() {
		// a type depends on the first five significant digits at most: every prefix with
		// the lowest, the highest and a random rest covers the whole plan
		Random random = new Random(5);
		for (int prefix = 10_000; prefix <= 99_999; prefix++) {
			for (String rest : new String[] { "0000", "9999", String.format("%04d", random.nextInt(10_000)) }) {
				String significant = prefix + rest;
				Checked<Phone> expected = PhoneNumbers.parse("0" + significant);
				assertThat(FrenchNumberPlan.check(significant)).as(significant).isEqualTo(expected);
			}
		}
	}

	@Test
	void answersAsLibphonenumberForInternationalWritings() {
		Random random = new Random(33);
		for (int i = 0; i < 20_000; i++) {
			String significant = String.valueOf(100_000_000 + random.nextInt(900_000_000));
			assertThat(FrenchNumberPlan.check(significant)).as(significant)
				.isEqualTo(PhoneNumbers.parse("+33" + significant))
				.isEqualTo(PhoneNumbers.parse("0033" + significant))
				.isEqualTo(PhoneNumbers.parse("+33 (0)" + significant));
		}
	}

	@Test
	void tellsTheKindsApart() {
		assertThat(FrenchNumberPlan.kind("123456789")).isEqualTo(PhoneNumbers.Kind.FIXED);
		assertThat(FrenchNumberPlan.kind("612345678")).isEqualTo(PhoneNumbers.Kind.MOBILE);
		assertThat(FrenchNumberPlan.kind("800123456")).isEqualTo(PhoneNumbers.Kind.OTHER);
		assertThat(FrenchNumberPlan.kind("836041234")).isNull();
		assertThat(FrenchNumberPlan.kind("712345678")).isNull();
	}

}
