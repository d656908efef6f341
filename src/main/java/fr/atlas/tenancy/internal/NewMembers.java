package fr.atlas.tenancy.internal;

import java.util.List;

import fr.atlas.platform.InvalidInputException.FieldProblem;
import fr.atlas.platform.OrgId;
import fr.atlas.platform.UserId;
import fr.atlas.tenancy.Role;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How a member comes into an organisation, whichever way they come: a sign-up, an
 * accepted invitation or the demo's members. They meet the same rules (a name, an address
 * no account has yet) and get the same row, so that no way in lets through what another
 * refuses.
 */
@Component
class NewMembers {

	static final int NAME_MAX = 120;

	private final JdbcClient jdbc;

	NewMembers(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Adds the problems of a member's name, spaces already folded, to {@code problems}:
	 * none, too long, or holding a web address.
	 */
	static void checkName(String name, List<FieldProblem> problems) {
		if (name.isEmpty()) {
			problems.add(new FieldProblem("name", "field.required"));
		}
		else if (name.codePointCount(0, name.length()) > NAME_MAX) {
			problems.add(new FieldProblem("name", "field.too-long", NAME_MAX));
		}
		else {
			// the inviter's name is in the invitation mail (ADR 0075)
			LinkInName.check("name", name, problems);
		}
	}

	/**
	 * Whether an account, in any organisation, already has this address: an address
	 * belongs to one account.
	 */
	boolean addressTaken(String email) {
		return Boolean.TRUE
			.equals(this.jdbc.sql("select atlas_email_taken(?)").param(email).query(Boolean.class).single());
	}

	/** Adds the member, in the transaction of the organisation bound. */
	void add(OrgId orgId, UserId userId, String email, String name, String passwordHash, List<Role> roles,
			String locale) {
		this.jdbc.sql("""
				insert into app_user (org_id, id, email, name, password_hash, roles, locale)
				values (:org, :id, :email, :name, :hash, :roles::text[], :locale)""")
			.param("org", orgId.value())
			.param("id", userId.value())
			.param("email", email)
			.param("name", name)
			.param("hash", passwordHash)
			.param("roles", "{" + String.join(",", roles.stream().map(Role::name).toList()) + "}")
			.param("locale", locale)
			.update();
	}

}
