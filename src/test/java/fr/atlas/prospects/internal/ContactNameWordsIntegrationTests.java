package fr.atlas.prospects.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import fr.atlas.support.DatabaseRoles;
import fr.atlas.support.WebIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The database folds a contact's name ({@code contact.name_words}, V4_35) as the search
 * folds its text ({@link ContactMatch#fold}): letter by letter over the whole table, so
 * that a letter added to one side only is caught.
 */
@WebIntegrationTest
class ContactNameWordsIntegrationTests {

	@Autowired
	Environment environment;

	@Test
	void theDatabaseFoldsEveryLetterOfTheTableAsTheSearchDoes() throws SQLException {
		try (Connection owner = new DatabaseRoles(this.environment).owner();
				Statement statement = owner.createStatement()) {
			// the contact table's columns, defaults and generated one included, without
			// its rows,
			// policy or keys
			statement.execute("create temp table folded (like contact including defaults including generated)");
			String letters = ContactMatch.ACCENTED + "AZaz09_%";
			try (PreparedStatement insert = owner.prepareStatement(
					"insert into folded (org_id, id, agency_id, first_name, last_name) values (gen_random_uuid(),"
							+ " gen_random_uuid(), gen_random_uuid(), ?, ?) returning name_words")) {
				for (char c : letters.toCharArray()) {
					assertThat(nameWords(insert, "x" + c + "y", "Z" + c)).as(String.valueOf(c))
						.isEqualTo(" " + ContactMatch.fold("x" + c + "y Z" + c));
				}
				assertThat(nameWords(insert, "Cécile", "BŒUF")).isEqualTo(" cecile boeuf");
				assertThat(nameWords(insert, "Jean-Pierre", "O’Brien")).isEqualTo(" jean pierre o brien");
				assertThat(nameWords(insert, null, "Strauß")).isEqualTo("  strauss");
				assertThat(nameWords(insert, "Søren", null)).isEqualTo(" soren ");
			}
			statement.execute("drop table folded");
		}
	}

	private static String nameWords(PreparedStatement insert, String first, String last) throws SQLException {
		insert.setString(1, first);
		insert.setString(2, last);
		try (ResultSet rs = insert.executeQuery()) {
			rs.next();
			return rs.getString(1);
		}
	}

}
