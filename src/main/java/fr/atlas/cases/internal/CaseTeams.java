package fr.atlas.cases.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import fr.atlas.cases.CaseId;
import fr.atlas.cases.CaseTeamChanged;
import fr.atlas.cases.CaseUpdated;
import fr.atlas.platform.ConflictException;
import fr.atlas.platform.CurrentTenant;
import fr.atlas.platform.InvalidInputException;
import fr.atlas.platform.TransactionLock;
import fr.atlas.platform.InvalidInputException.FieldProblem;
import fr.atlas.platform.NotFoundException;
import fr.atlas.platform.UserId;
import fr.atlas.platform.web.RefusesUnknownProperties;
import fr.atlas.tenancy.Members;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The teams of the current organisation. Members must be active members of it; a team's
 * name is unique in the organisation whatever its case. Deleting a team leaves its cases
 * without a team (a field change on each timeline).
 */
@Service
@Transactional
public class CaseTeams {

	private final JdbcClient jdbc;

	private final Members members;

	private final Timeline timeline;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	CaseTeams(JdbcClient jdbc, Members members, Timeline timeline, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.members = members;
		this.timeline = timeline;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * What an administrator gives for a team: its name and its members. A misspelt
	 * {@code "memberz"} is refused (it would have emptied the team); the team as read,
	 * with its {@code id} and {@code createdAt}, may be sent back.
	 */
	@RefusesUnknownProperties
	@JsonIgnoreProperties({ "id", "createdAt" })
	public record TeamForm(@Nullable String name, @Nullable List<String> members) {
	}

	@Transactional(readOnly = true)
	public List<CaseTeam> all() {
		Map<UUID, List<UUID>> membersOf = new LinkedHashMap<>();
		this.jdbc.sql("select team_id, user_id from case_team_member")
			.query((rs, row) -> membersOf.computeIfAbsent(rs.getObject(1, UUID.class), (k) -> new ArrayList<>())
				.add(rs.getObject(2, UUID.class)))
			.list();
		return this.jdbc.sql("select id, name, created_at from case_team order by lower(name), id")
			.query((rs, row) -> new CaseTeam(rs.getObject(1, UUID.class), rs.getString(2),
					List.copyOf(membersOf.getOrDefault(rs.getObject(1, UUID.class), List.of())),
					rs.getTimestamp(3).toInstant()))
			.list();
	}

	@Transactional(readOnly = true)
	public Optional<CaseTeam> find(UUID id) {
		return this.jdbc.sql("select id, name, created_at from case_team where id = ?")
			.param(id)
			.query((rs, row) -> new CaseTeam(rs.getObject(1, UUID.class), rs.getString(2), membersOf(id),
					rs.getTimestamp(3).toInstant()))
			.optional();
	}

	@Transactional(readOnly = true)
	public CaseTeam require(UUID id) {
		return find(id).orElseThrow(() -> new NotFoundException("Équipe"));
	}

	public CaseTeam create(TeamForm form) {
		Checked team = check(form, null);
		UUID id = UUID.randomUUID();
		this.jdbc.sql("insert into case_team (org_id, id, name, created_at) values (:org, :id, :name, :now)")
			.param("org", CurrentTenant.require().value())
			.param("id", id)
			.param("name", team.name())
			.param("now", Timestamp.from(this.clock.instant()))
			.update();
		writeMembers(id, team.members());
		this.events.publishEvent(
				new CaseTeamChanged(CurrentTenant.require(), id, "created", team.name(), team.members().size(), 0));
		return require(id);
	}

	/** Renames a team and replaces its members. */
	public CaseTeam update(UUID id, TeamForm form) {
		CaseTeam current = require(id);
		Checked team = check(form, id);
		this.jdbc.sql("update case_team set name = ? where id = ?").params(team.name(), id).update();
		this.jdbc.sql("delete from case_team_member where team_id = ?").param(id).update();
		writeMembers(id, team.members());
		String name = current.name().equals(team.name()) ? team.name() : current.name() + " → " + team.name();
		this.events
			.publishEvent(new CaseTeamChanged(CurrentTenant.require(), id, "updated", name, team.members().size(), 0));
		return require(id);
	}

	/**
	 * Deletes a team; its cases stay as they are but without a team, each with a new
	 * version (an edit begun before fails as stale) and a timeline entry.
	 */
	public void delete(UUID id, @Nullable UserId by) {
		CaseTeam team = require(id);
		// cases being created with this team hold it (for key share) until they commit:
		// wait for them, so the update below releases them too
		this.jdbc.sql("select id from case_team where id = ? for update").param(id).query(UUID.class).optional();
		Instant now = this.clock.instant();
		List<Map<String, Object>> released = this.jdbc.sql("""
				update case_file set team_id = null, updated_at = :now, version = version + 1
				where team_id = :team returning id, reference""")
			.param("now", Timestamp.from(now))
			.param("team", id)
			.query((rs, row) -> Map.<String, Object>of("id", rs.getObject(1, UUID.class), "reference", rs.getString(2)))
			.list();
		for (Map<String, Object> c : released) {
			Map<String, Object> change = new LinkedHashMap<>();
			change.put("from", id.toString());
			change.put("to", null);
			this.timeline.record((UUID) c.get("id"), "FIELD_CHANGE", by, now,
					Map.of("changes", Map.of("teamId", change)));
			this.events.publishEvent(new CaseUpdated(CurrentTenant.require(), CaseId.of((UUID) c.get("id")),
					(String) c.get("reference"), List.of("teamId")));
		}
		this.jdbc.sql("delete from case_team where id = ?").param(id).update();
		this.events.publishEvent(new CaseTeamChanged(CurrentTenant.require(), id, "deleted", team.name(),
				team.members().size(), released.size()));
	}

	private record Checked(String name, Set<UUID> members) {
	}

	private Checked check(TeamForm form, @Nullable UUID self) {
		List<FieldProblem> problems = new ArrayList<>();
		String name = (form.name() != null) ? form.name().trim() : "";
		if (name.isEmpty()) {
			problems.add(new FieldProblem("name", "field.required"));
		}
		else if (name.length() > 100) {
			problems.add(new FieldProblem("name", "field.too-long", 100));
		}
		Set<UUID> members = new LinkedHashSet<>();
		List<String> given = (form.members() != null) ? form.members() : List.of();
		for (int i = 0; i < given.size(); i++) {
			String raw = given.get(i);
			try {
				UUID member = UUID.fromString(String.valueOf(raw).trim());
				if (this.members.find(UserId.of(member)).filter((m) -> m.active()).isEmpty()) {
					problems.add(new FieldProblem("members[" + i + "]", "case.team.member-unknown", raw));
				}
				else {
					members.add(member);
				}
			}
			catch (IllegalArgumentException ex) {
				problems.add(new FieldProblem("members[" + i + "]", "case.team.member-unknown", raw));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		// the organisation's team changes take turns: two teams named alike at once meet
		// here rather than in the unique index (a 500)
		TransactionLock.take(this.jdbc, "case-team-names:" + CurrentTenant.require().value());
		boolean taken = this.jdbc
			.sql("select exists (select 1 from case_team where lower(name) = lower(:name) and id <> :self)")
			.param("name", name)
			.param("self", (self != null) ? self : new UUID(0, 0))
			.query(Boolean.class)
			.single();
		if (taken) {
			throw new ConflictException("case.team.name-taken", name);
		}
		return new Checked(name, members);
	}

	private void writeMembers(UUID team, Set<UUID> members) {
		for (UUID member : members) {
			this.jdbc.sql("insert into case_team_member (org_id, team_id, user_id) values (:org, :team, :user)")
				.param("org", CurrentTenant.require().value())
				.param("team", team)
				.param("user", member)
				.update();
		}
	}

	private List<UUID> membersOf(UUID team) {
		return this.jdbc.sql("select user_id from case_team_member where team_id = ?")
			.param(team)
			.query(UUID.class)
			.list();
	}

}
