package fr.atlas.prospects.internal;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class StreetWordsTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			83bis Boulevard du Mal Foch       | 83 bis Boulevard du Maréchal Foch
			27T All. des Alpes                | 27 ter Allée des Alpes
			174B Cours Victor Hugo            | 174 bis Cours Victor Hugo
			121 B Cours du Mar. Foch          | 121 bis cours du Maréchal Foch
			22 T Imp St Honoré                | 22 ter Impasse Saint-Honoré
			71 Rte Aristide Briand            | 71 Route Aristide Briand
			36 R. du Pdt Wilson               | 36 rue du Président Wilson
			82 Imp. Gal Leclerc               | 82 impasse Général Leclerc
			139 rue du Fbg St-Antoine         | 139 rue du Faubourg Saint-Antoine
			16 Pl. Voltaire                   | 16 place Voltaire
			66B Chem. de l'Église             | 66 bis chemin de l'Église
			12 av. de la République           | 12 Avenue de la République
			""")
	void abbreviationsOfStreetsAreTheirWords(String abbreviated, String written) {
		assertThat(Candidate.words(abbreviated)).isEqualTo(Candidate.words(written));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			12 rue de la Paix   | 14 rue de la Paix
			12 rue b            | 12 rue bis
			5 bd Foch           | 5 rue Foch
			""")
	void otherDoorsStayApart(String a, String b) {
		assertThat(Candidate.words(a)).isNotEqualTo(Candidate.words(b));
	}

}
