package fr.atlas.prospects.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ContactMatchTests {

	@Test
	void foldsCaseAccentsLigaturesAndLettersTheNormalizerKeeps() {
		assertThat(ContactMatch.fold("Bœuf")).isEqualTo("boeuf");
		assertThat(ContactMatch.fold("BŒUF")).isEqualTo("boeuf");
		assertThat(ContactMatch.fold("Lætitia Strauß")).isEqualTo("laetitia strauss");
		assertThat(ContactMatch.fold("Søren Østergaard")).isEqualTo("soren ostergaard");
		assertThat(ContactMatch.fold("Łukasz Wałęsa")).isEqualTo("lukasz walesa");
		assertThat(ContactMatch.fold("Hélène LEFÈVRE")).isEqualTo("helene lefevre");
		// what separates the words of a name is a space
		assertThat(ContactMatch.fold("Jean-Pierre O’Brien d'Arc J.")).isEqualTo("jean pierre o brien d arc j ");
	}

	@Test
	void foldsEveryLetterAsAgencyNamesAreFolded() {
		for (char c : ContactMatch.ACCENTED.toCharArray()) {
			if (Character.isLetter(c)) {
				String agencyFold = CleanText.fold(String.valueOf(c));
				assertThat(agencyFold).as(String.valueOf(c)).matches("[a-z]+");
				assertThat(ContactMatch.fold(String.valueOf(c))).as(String.valueOf(c)).isEqualTo(agencyFold);
			}
		}
	}

	@Test
	void eachWordOfTheTextBeginsAWordOfTheName() {
		assertThat(ContactMatch.of("Sophie").prefixes()).containsExactly("% sophie%");
		assertThat(ContactMatch.of("soph MART").prefixes()).containsExactly("% soph%", "% mart%");
		assertThat(ContactMatch.of("Jean-Pierre").prefixes()).containsExactly("% jean%", "% pierre%");
		assertThat(ContactMatch.of("Boeuf").prefixes()).containsExactly("% boeuf%");
		assertThat(ContactMatch.of("Bœuf").prefixes()).containsExactly("% boeuf%");
		// the same word twice is one test
		assertThat(ContactMatch.of("Martin Martin").prefixes()).containsExactly("% martin%");
		// as written: no wildcard in a name
		assertThat(ContactMatch.of("a_b%").prefixes()).containsExactly("% a\\_b\\%%");
		assertThat(ContactMatch.of("Soph").condition()).isEqualTo("(c.name_words like all(?))");
	}

	@Test
	void aTextNeedsAWordOfTwoLettersToBeAName() {
		assertThat(ContactMatch.of("M").byName()).isFalse();
		assertThat(ContactMatch.of("p m").byName()).isFalse();
		assertThat(ContactMatch.of("-").byName()).isFalse();
		assertThat(ContactMatch.of("Li").prefixes()).containsExactly("% li%");
		// an initial after a name that is long enough
		assertThat(ContactMatch.of("Sophie M").prefixes()).containsExactly("% sophie%", "% m%");
		assertThat(ContactMatch.of("M").condition()).isEqualTo("false");
	}

	@Test
	void aTextWithADigitOrAnAtIsNoName() {
		ContactMatch email = ContactMatch.of("S.Martin@Agence.fr");
		assertThat(email.byName()).isFalse();
		assertThat(email.condition()).isEqualTo("(c.emails @> array[?::text])");
		assertThat(email.args()).containsExactly("s.martin@agence.fr");
		ContactMatch phone = ContactMatch.of("06 12 34 56 78");
		assertThat(phone.byName()).isFalse();
		assertThat(phone.args()).containsExactly("+33612345678");
	}

}
