package fr.atlas.prospects.internal;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FrenchNumbersTests {

	@Test
	void readsFrenchGroupingAndDecimals() {
		assertThat(value("1 032 000")).isEqualByComparingTo("1032000");
		assertThat(value("1\u202F032\u202F000 €")).isEqualByComparingTo("1032000");
		assertThat(value("1.032.000")).isEqualByComparingTo("1032000");
		assertThat(value("1 032 000,50 €")).isEqualByComparingTo("1032000.50");
		assertThat(value("12,5")).isEqualByComparingTo("12.5");
		assertThat(value("1,032,000.50")).isEqualByComparingTo("1032000.50");
		assertThat(value("42")).isEqualByComparingTo("42");
	}

	@Test
	void readsScientificNotation() {
		assertThat(value("1,5E+6")).isEqualByComparingTo("1500000");
		assertThat(value("1.2345678E7")).isEqualByComparingTo("12345678");
		assertThat(value("1,23457E+11 €")).isEqualByComparingTo("123457000000");
		assertThat(value("2,5e-1")).isEqualByComparingTo("0.25");
		assertThat(FrenchNumbers.parse("1,5E+6 annonces").isInvalid()).isTrue();
	}

	@Test
	void readsMultipliers() {
		assertThat(value("1,5 M€")).isEqualByComparingTo("1500000");
		assertThat(value("250 k€")).isEqualByComparingTo("250000");
		assertThat(value("250K")).isEqualByComparingTo("250000");
		assertThat(value("2 millions")).isEqualByComparingTo("2000000");
		assertThat(value("1,2 Md€")).isEqualByComparingTo("1200000000");
		assertThat(value("3 MEUR")).isEqualByComparingTo("3000000");
	}

	@Test
	void readsTheCurrencyBeforeOrAfterTheAmount() {
		assertThat(value("€250k")).isEqualByComparingTo("250000");
		assertThat(value("€250K")).isEqualByComparingTo("250000");
		assertThat(value("€ 1,5M")).isEqualByComparingTo("1500000");
		assertThat(value("€1.5M")).isEqualByComparingTo("1500000");
		assertThat(value("EUR 250 000")).isEqualByComparingTo("250000");
		assertThat(value("EUR250000")).isEqualByComparingTo("250000");
		assertThat(value("eur 1 032 000,50")).isEqualByComparingTo("1032000.50");
		assertThat(value("€ 1.032.000")).isEqualByComparingTo("1032000");
		assertThat(value("€2Md")).isEqualByComparingTo("2000000000");
		assertThat(value("€ 1,2 Md")).isEqualByComparingTo("1200000000");
		assertThat(value("Euros 300 000")).isEqualByComparingTo("300000");
		assertThat(value("250K €")).isEqualByComparingTo("250000");
		assertThat(value("250 K €")).isEqualByComparingTo("250000");
		assertThat(value("1.2M€")).isEqualByComparingTo("1200000");
		assertThat(value("1,2M€")).isEqualByComparingTo("1200000");
		assertThat(value("250 000 EUR")).isEqualByComparingTo("250000");
		assertThat(value("2 Md€")).isEqualByComparingTo("2000000000");
		assertThat(value("1\u00A0500 k€")).isEqualByComparingTo("1500000");
		// the sign before the currency, as after it
		assertThat(value("-€250k")).isEqualByComparingTo("-250000");
		assertThat(value("€-250k")).isEqualByComparingTo("-250000");
		// a currency alone, or twice, is no amount
		assertThat(FrenchNumbers.parse("€").problem()).isEqualTo("invalid_number");
		assertThat(FrenchNumbers.parse("EUR").problem()).isEqualTo("invalid_number");
		assertThat(FrenchNumbers.parse("€ 250 €").problem()).isEqualTo("invalid_number");
		assertThat(FrenchNumbers.parse("€k").problem()).isEqualTo("invalid_number");
	}

	@Test
	void rejectsText() {
		assertThat(FrenchNumbers.parse("environ un million").problem()).isEqualTo("invalid_number");
		assertThat(FrenchNumbers.parse("1,2,3").problem()).isEqualTo("invalid_number");
		assertThat(FrenchNumbers.parse(" ").value()).isNull();
	}

	private static BigDecimal value(String raw) {
		return FrenchNumbers.parse(raw).value();
	}

}
