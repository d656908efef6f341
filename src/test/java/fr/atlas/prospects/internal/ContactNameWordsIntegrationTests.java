package fr.atlas.prospects.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import fr.atlas.support.DatabaseRoles;
import fr.atlas.support.WebIntegrationTest;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The migration's fold of a contact's name ({@code atlas_contact_name_words}, V4_35: the
 * rows there before it, and tests that write contacts straight in the table) is the
 * application's ({@link ContactMatch#nameWords}): letter by letter over the whole table,
 * so that a letter added to one side only is caught.
 */
@WebIntegrationTest
class ContactNameWordsIntegrationTests {

	@Autowired
	Environment environment;

	@Test
	void theDatabaseFoldsEveryLetterOfTheTableAsTheApplicationDoes() throws SQLException {
		try (Connection owner = new DatabaseRoles(this.environment).owner();
				PreparedStatement fold = owner.prepareStatement("select atlas_contact_name_words(?, ?)")) {
			for (char c : (ContactMatch.ACCENTED + "AZaz09_%").toCharArray()) {
				assertThat(nameWords(fold, "x" + c + "y", "Z" + c)).as(String.valueOf(c))
					.isEqualTo(ContactMatch.nameWords("x" + c + "y", "Z" + c));
			}
			assertThat(nameWords(fold, "Cécile", "BŒUF")).isEqualTo(" cecile boeuf")
				.isEqualTo(ContactMatch.nameWords("Cécile", "BŒUF"));
			assertThat(nameWords(fold, "Jean-Pierre", "O’Brien")).isEqualTo(" jean pierre o brien")
				.isEqualTo(ContactMatch.nameWords("Jean-Pierre", "O’Brien"));
			assertThat(nameWords(fold, null, "Strauß")).isEqualTo("  strauss")
				.isEqualTo(ContactMatch.nameWords(null, "Strauß"));
			assertThat(nameWords(fold, "Søren", null)).isEqualTo(" soren ")
				.isEqualTo(ContactMatch.nameWords("Søren", null));
		}
	}

	private static String nameWords(PreparedStatement fold, @Nullable String first, @Nullable String last)
			throws SQLException {
		fold.setString(1, first);
		fold.setString(2, last);
		try (ResultSet rs = fold.executeQuery()) {
			rs.next();
			return rs.getString(1);
		}
	}

}
