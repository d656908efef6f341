package fr.atlas.cases.web;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import fr.atlas.cases.internal.CaseReports.Breakdown;
import fr.atlas.cases.internal.CaseReports.Conversion;
import fr.atlas.cases.internal.CaseReports.Delay;
import fr.atlas.cases.internal.CaseReports.Stage;
import fr.atlas.cases.internal.CaseReports.Summary;
import org.junit.jupiter.api.Test;

import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard's CSV opens as it is in a French spreadsheet for a French reader, in an
 * English one for an English reader.
 */
class ReportCsvTests {

	static final Summary SUMMARY = new Summary(Instant.parse("2026-12-01T00:00:00Z"),
			Instant.parse("2026-12-31T00:00:00Z"), 12, 8, 6, 2, 0.25,
			List.of(new Conversion("LEAD_ACHAT", 12,
					List.of(new Stage("QUALIFIED", 4, 1.0 / 3, false), new Stage("LOST", 3, 0.25, true)))),
			List.of(new Delay("leadToQualified", 4, 12.5, 30.25)),
			List.of(new Breakdown("u-1", 5, 2, 0.4, 3, 1), new Breakdown(null, 1, 0, 0.0, 0, 0)),
			List.of(new Breakdown("FORM", 7, 1, 1.0 / 7, 2, 0)));

	static final Map<String, String> NAMES = Map.of("u-1", "=Dupont; Léa \"la boss\"");

	@Test
	void frenchReadersGetFrenchHeadersSemicolonsDecimalCommasAndAByteOrderMark() {
		byte[] bytes = csv(Locale.FRENCH, Map.of("LEAD_ACHAT", "Achat"),
				Map.of("LEAD_ACHAT:QUALIFIED", "Qualifié", "LEAD_ACHAT:LOST", "Perdu"));
		assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
		String text = new String(bytes, StandardCharsets.UTF_8).substring(1);
		assertThat(text.split("\r\n")).containsExactly("Rubrique;Élément;Détail;Nombre;Taux ou heures",
				"Indicateur clé;Rendez-vous planifiés;;8;", "Rendez-vous;Honorés;;6;",
				"Rendez-vous;Non honorés (no-show);;2;0,25", "Dossiers;Dossiers ouverts;;12;",
				"Conversion par étape;Achat;Qualifié;4;0,3333", "Sortie du parcours;Achat;Perdu;3;0,25",
				"Délai (heures);Lead → qualifié;Médiane;4;12,5", "Délai (heures);Lead → qualifié;90e centile;4;30,25",
				"Agent;\"'=Dupont; Léa \"\"la boss\"\"\";Dossiers ouverts;5;",
				"Agent;\"'=Dupont; Léa \"\"la boss\"\"\";Gagnés;2;0,4",
				"Agent;\"'=Dupont; Léa \"\"la boss\"\"\";Rendez-vous planifiés;3;",
				"Agent;\"'=Dupont; Léa \"\"la boss\"\"\";Non honorés (no-show);1;", "Agent;—;Dossiers ouverts;1;",
				"Agent;—;Gagnés;0;0", "Agent;—;Rendez-vous planifiés;0;", "Agent;—;Non honorés (no-show);0;",
				"Source;Formulaire;Dossiers ouverts;7;", "Source;Formulaire;Gagnés;1;0,1429",
				"Source;Formulaire;Rendez-vous planifiés;2;", "Source;Formulaire;Non honorés (no-show);0;");
	}

	@Test
	void englishReadersGetEnglishHeadersCommasAndDecimalPoints() {
		byte[] bytes = csv(Locale.ENGLISH, Map.of("LEAD_ACHAT", "Purchase"),
				Map.of("LEAD_ACHAT:QUALIFIED", "Qualified"));
		assertThat(bytes[0]).isEqualTo((byte) 'S');
		String text = new String(bytes, StandardCharsets.UTF_8);
		assertThat(text.split("\r\n"))
			.startsWith("Section,Item,Detail,Count,Rate or hours", "North star,Appointments planned,,8,")
			.contains("Appointments,No-shows,,2,0.25", "Conversion by stage,Purchase,Qualified,4,0.3333",
					"Left the funnel,Purchase,LOST,3,0.25", "Delay (hours),Lead → qualified,Median,4,12.5",
					"Agent,\"'=Dupont; Léa \"\"la boss\"\"\",Won,2,0.4", "Source,Form,Won,1,0.1429",
					"Agent,\"'=Dupont; Léa \"\"la boss\"\"\",Appointments planned,3,",
					"Agent,\"'=Dupont; Léa \"\"la boss\"\"\",No-shows,1,");
		assertThat(text).doesNotContain(";0,", "Rubrique");
	}

	private static byte[] csv(Locale locale, Map<String, String> types, Map<String, String> states) {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasenames("i18n/cases");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return new ReportCsv(messages, locale).write(SUMMARY, types, states, NAMES);
	}

}
