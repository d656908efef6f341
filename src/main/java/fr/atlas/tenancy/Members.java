package fr.atlas.tenancy;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import fr.atlas.platform.OrgId;
import fr.atlas.platform.UserId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The members of the current organisation.
 */
@Service
@Transactional(readOnly = true)
public class Members {

	static final String COLUMNS = "id, org_id, email, name, roles, active, locale, created_at";

	private final JdbcClient jdbc;

	Members(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<Member> find(UserId id) {
		return this.jdbc.sql("select " + COLUMNS + " from app_user where id = ?")
			.param(id.value())
			.query(Members::map)
			.optional();
	}

	public List<Member> all() {
		return this.jdbc.sql("select " + COLUMNS + " from app_user order by lower(name), lower(email)")
			.query(Members::map)
			.list();
	}

	public List<Member> active() {
		return all().stream().filter(Member::active).toList();
	}

	/**
	 * Every member's name by id, former members' too: what pages show for a person an
	 * entity still refers to.
	 */
	public Map<UUID, String> namesById() {
		return byId(Member::name);
	}

	/** Every member's e-mail by id, former members' too. */
	public Map<UUID, String> emailsById() {
		return byId(Member::email);
	}

	private Map<UUID, String> byId(Function<Member, String> value) {
		return all().stream().collect(Collectors.toMap((member) -> member.id().value(), value, (a, b) -> a));
	}

	static Member map(ResultSet rs, int row) throws SQLException {
		return new Member(UserId.of(rs.getObject("id", UUID.class)), OrgId.of(rs.getObject("org_id", UUID.class)),
				rs.getString("email"), rs.getString("name"), roles(rs.getArray("roles")), rs.getBoolean("active"),
				rs.getString("locale"), rs.getTimestamp("created_at").toInstant());
	}

	static List<Role> roles(Array array) throws SQLException {
		return Arrays.stream((String[]) array.getArray()).map(Role::parse).flatMap(Optional::stream).sorted().toList();
	}

}
