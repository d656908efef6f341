package fr.atlas.cases.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import fr.atlas.platform.InvalidInputException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class FieldSchemaTests {

	final FieldSchema schema = new FieldSchema(
			List.of(new FieldSpec("budget", FieldSpec.Type.NUMBER, Map.of("fr", "Budget (€)"), List.of())));

	@Test
	void readsAnAmountAsTheFrenchWriteIt() {
		assertThat(budget("350 000 €")).isEqualTo(350000L);
		assertThat(budget("350\u202F000\u00A0€")).isEqualTo(350000L);
		assertThat(budget("1 250 000 euros")).isEqualTo(1250000L);
		assertThat(budget("2 500,50")).isEqualTo(new BigDecimal("2500.50"));
		assertThat(budget("350000")).isEqualTo(350000L);
	}

	@Test
	void refusesWhatIsNoAmount() {
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> this.schema.apply(Map.of(), Map.of("budget", "beaucoup")));
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> this.schema.apply(Map.of(), Map.of("budget", "€")));
	}

	@Test
	void theMoneyFieldIsTheFirstNumberInEuros() {
		FieldSpec surface = new FieldSpec("surface", FieldSpec.Type.NUMBER, Map.of("fr", "Surface (m²)"), List.of());
		FieldSpec price = new FieldSpec("price", FieldSpec.Type.TEXT, Map.of("fr", "Prix (€)"), List.of());
		FieldSpec rent = new FieldSpec("rent", FieldSpec.Type.NUMBER, Map.of("fr", "Loyer (€)"), List.of());
		FieldSpec income = new FieldSpec("income", FieldSpec.Type.NUMBER, Map.of("fr", "Revenus (€)"), List.of());
		assertThat(new FieldSchema(List.of(surface, price, rent, income)).moneyField()).contains(rent);
		assertThat(new FieldSchema(List.of(new FieldSpec("amount", FieldSpec.Type.NUMBER,
				Map.of("fr", "Montant", "en", "Amount in euros"), List.of())))
			.moneyField()).isPresent();
		assertThat(new FieldSchema(
				List.of(new FieldSpec("fee", FieldSpec.Type.NUMBER, Map.of("fr", "Frais EUR"), List.of())))
			.moneyField()).isPresent();
		// a word that holds "euro" is no euro, and a type without any has no sum
		assertThat(new FieldSchema(List.of(surface, price,
				new FieldSpec("lots", FieldSpec.Type.NUMBER, Map.of("fr", "Lots hors zone Europe"), List.of())))
			.moneyField()).isEmpty();
	}

	private Object budget(String typed) {
		return this.schema.apply(Map.of(), Map.of("budget", typed)).get("budget");
	}

}
