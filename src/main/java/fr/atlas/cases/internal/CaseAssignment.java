package fr.atlas.cases.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import fr.atlas.cases.CaseAssignmentRulesChanged;
import fr.atlas.cases.engine.AssignmentPolicy;
import fr.atlas.cases.engine.AssignmentPolicy.Choice;
import fr.atlas.cases.engine.AssignmentRule;
import fr.atlas.cases.engine.AssignmentRule.Facts;
import fr.atlas.cases.engine.AssignmentStrategy;
import fr.atlas.cases.engine.PostcodeZone;
import fr.atlas.platform.CurrentTenant;
import fr.atlas.platform.InvalidInputException;
import fr.atlas.platform.InvalidInputException.FieldProblem;
import fr.atlas.platform.web.RefusesUnknownProperties;
import fr.atlas.tenancy.Member;
import fr.atlas.tenancy.Members;
import fr.atlas.tenancy.Role;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Assignment rules of the current organisation's case types, and the choice they make for
 * a new case ({@link AssignmentPolicy}): ordered rules on postcode zone, specialty and
 * source, each giving the case to the least loaded of its members or to each in turn.
 * Rules are replaced as a whole, which keeps their order simple and the change one
 * audited event; a rule's round-robin cursor survives the replacement when its name
 * stays.
 */
@Service
@Transactional
public class CaseAssignment {

	static final int MAX_RULES = 50;

	/** The field of a case that holds its postcode. */
	public static final String POSTCODE_FIELD = "postcode";

	/** The field of a case that holds its specialty, besides its tags. */
	public static final String SPECIALTY_FIELD = "specialty";

	private final JdbcClient jdbc;

	private final CaseTypes caseTypes;

	private final Members members;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	CaseAssignment(JdbcClient jdbc, CaseTypes caseTypes, Members members, ApplicationEventPublisher events,
			Clock clock) {
		this.jdbc = jdbc;
		this.caseTypes = caseTypes;
		this.members = members;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * A rule as written by the organisation: postcode zones ("92", "75001-75020"),
	 * specialties (compared with the case's tags and {@code specialty} field, ignoring
	 * case), sources (FORM, PORTAL…), the members who may receive the case and how one is
	 * picked ({@link AssignmentStrategy}, LEAST_LOADED when absent).
	 */
	@RefusesUnknownProperties
	public record Rule(@Nullable String name, @Nullable List<String> postcodes, @Nullable List<String> specialties,
			@Nullable List<String> sources, @Nullable List<UUID> assignees, @Nullable String strategy) {

		public Rule {
			postcodes = (postcodes != null) ? List.copyOf(postcodes) : List.of();
			specialties = (specialties != null) ? List.copyOf(specialties) : List.of();
			sources = (sources != null) ? List.copyOf(sources) : List.of();
			assignees = (assignees != null) ? List.copyOf(assignees) : List.of();
			strategy = (strategy != null && !strategy.isBlank()) ? strategy.trim().toUpperCase(Locale.ROOT)
					: AssignmentStrategy.LEAST_LOADED.name();
		}

		AssignmentRule toEngine() {
			return new AssignmentRule((this.name != null) ? this.name : "",
					this.postcodes.stream().map(PostcodeZone::parse).flatMap(Optional::stream).toList(),
					Set.copyOf(this.specialties), Set.copyOf(this.sources), this.assignees,
					AssignmentStrategy.valueOf(this.strategy));
		}

	}

	/** A rule as stored, with the id its round-robin cursor is kept under. */
	private record Stored(UUID id, Rule rule) {
	}

	/** The scope of the round-robin cursor of the default strategy. */
	static final String DEFAULT_SCOPE = "*";

	@Transactional(readOnly = true)
	public List<Rule> rules(String caseType) {
		return stored(caseType).stream().map(Stored::rule).toList();
	}

	private List<Stored> stored(String caseType) {
		this.caseTypes.require(caseType);
		Map<UUID, List<UUID>> assignees = new HashMap<>();
		this.jdbc.sql("""
				select m.rule_id, m.user_id from case_assignment_rule_member m
				join case_assignment_rule r on r.org_id = m.org_id and r.id = m.rule_id
				where r.case_type = ? order by m.rule_id, m.position""")
			.param(caseType)
			.query((rs, row) -> assignees.computeIfAbsent(rs.getObject(1, UUID.class), (k) -> new ArrayList<>())
				.add(rs.getObject(2, UUID.class)))
			.list();
		return this.jdbc.sql("""
				select id, name, postcodes, specialties, sources, strategy from case_assignment_rule
				where case_type = ? order by position""")
			.param(caseType)
			.query((rs, row) -> new Stored(rs.getObject("id", UUID.class),
					new Rule(rs.getString("name"), texts(rs, "postcodes"), texts(rs, "specialties"),
							texts(rs, "sources"), assignees.getOrDefault(rs.getObject("id", UUID.class), List.of()),
							rs.getString("strategy"))))
			.list();
	}

	/**
	 * Replaces the rules of a case type, in order. Every problem is reported at once, by
	 * path ({@code rules[1].postcodes[0]}); nothing changes unless all rules are valid.
	 */
	public List<Rule> replace(String caseType, List<Rule> rules, Actor actor) {
		this.caseTypes.require(caseType);
		List<Rule> normalised = check(rules);
		Map<String, Long> turns = new HashMap<>();
		this.jdbc.sql("""
				select r.name, c.turn from case_assignment_cursor c
				join case_assignment_rule r on c.org_id = r.org_id and c.scope = r.id::text
				where r.case_type = ? for update of c""")
			.param(caseType)
			.query((rs, row) -> turns.put(rs.getString(1), rs.getLong(2)))
			.list();
		this.jdbc.sql("""
				delete from case_assignment_cursor
				where scope in (select id::text from case_assignment_rule where case_type = ?)""")
			.param(caseType)
			.update();
		this.jdbc.sql("delete from case_assignment_rule where case_type = ?").param(caseType).update();
		for (int i = 0; i < normalised.size(); i++) {
			Rule rule = normalised.get(i);
			UUID id = UUID.randomUUID();
			this.jdbc.sql("""
					insert into case_assignment_rule (org_id, id, case_type, position, name, postcodes, specialties,
					    sources, strategy, created_by, created_at)
					values (:org, :id, :type, :position, :name, :postcodes, :specialties, :sources, :strategy,
					    :author, :now)""")
				.param("org", CurrentTenant.require().value())
				.param("id", id)
				.param("type", caseType)
				.param("position", i)
				.param("name", rule.name())
				.param("postcodes", rule.postcodes().toArray(String[]::new))
				.param("specialties", rule.specialties().toArray(String[]::new))
				.param("sources", rule.sources().toArray(String[]::new))
				.param("strategy", rule.strategy())
				.param("author", (actor.userId() != null) ? actor.userId().value() : null)
				.param("now", Timestamp.from(this.clock.instant()))
				.update();
			for (int m = 0; m < rule.assignees().size(); m++) {
				this.jdbc.sql("""
						insert into case_assignment_rule_member (org_id, rule_id, user_id, position)
						values (:org, :rule, :user, :position)""")
					.param("org", CurrentTenant.require().value())
					.param("rule", id)
					.param("user", rule.assignees().get(m))
					.param("position", m)
					.update();
			}
			Long turn = turns.get(rule.name());
			if (turn != null) {
				this.jdbc.sql("insert into case_assignment_cursor (org_id, scope, turn) values (?, ?, ?)")
					.params(CurrentTenant.require().value(), id.toString(), turn)
					.update();
			}
		}
		this.events.publishEvent(new CaseAssignmentRulesChanged(CurrentTenant.require(), caseType,
				normalised.stream().map(Rule::name).toList()));
		return rules(caseType);
	}

	/**
	 * The member the rules of a type give a new case to, or empty when no rule matches
	 * (or none of the matching rules' members is an active agent). A round-robin rule
	 * takes a turn of its cursor, held locked until the caller's transaction ends.
	 */
	public Optional<Choice> byRules(String caseType, Map<String, Object> fields, List<String> tags, String source) {
		List<Stored> rules = stored(caseType);
		if (rules.isEmpty()) {
			return Optional.empty();
		}
		Set<String> specialties = new HashSet<>(tags);
		if (fields.get(SPECIALTY_FIELD) instanceof String specialty && !specialty.isBlank()) {
			specialties.add(specialty);
		}
		Object postcode = fields.get(POSTCODE_FIELD);
		Facts facts = new Facts((postcode != null) ? postcode.toString() : null, specialties, source);
		Set<UUID> available = this.members.active()
			.stream()
			.filter((m) -> m.has(Role.AGENT))
			.map((m) -> m.id().value())
			.collect(Collectors.toSet());
		return new AssignmentPolicy(rules.stream().map((r) -> r.rule().toEngine()).toList()).choose(facts, available,
				openCases(), (position) -> nextTurn(rules.get(position).id().toString()));
	}

	/**
	 * The active agent the default strategy gives a new case to when no rule did: the
	 * least loaded (ties by name) or, in turn, each agent in the order of names.
	 */
	public Optional<UUID> byDefault(AssignmentStrategy strategy) {
		List<UUID> agents = this.members.active()
			.stream()
			.filter((m) -> m.has(Role.AGENT))
			.map((m) -> m.id().value())
			.toList();
		return strategy.pick(agents, (strategy == AssignmentStrategy.LEAST_LOADED) ? openCases() : Map.of(),
				() -> nextTurn(DEFAULT_SCOPE));
	}

	/**
	 * Takes the next turn of a round-robin cursor (0 the first time). The upsert is
	 * atomic and its row lock lasts until the case is created, so two concurrent
	 * creations take successive turns.
	 */
	private long nextTurn(String scope) {
		return this.jdbc.sql("""
				insert into case_assignment_cursor (org_id, scope, turn) values (?, ?, 0)
				on conflict (org_id, scope) do update set turn = case_assignment_cursor.turn + 1
				returning turn""").params(CurrentTenant.require().value(), scope).query(Long.class).single();
	}

	/** Open cases per assignee: the load rules and the default strategy balance. */
	@Transactional(readOnly = true)
	public Map<UUID, Long> openCases() {
		Map<UUID, Long> load = new HashMap<>();
		this.jdbc.sql(
				"select assignee_id, count(*) from case_file where closed_at is null and assignee_id is not null group by 1")
			.query((rs, row) -> load.put(rs.getObject(1, UUID.class), rs.getLong(2)))
			.list();
		return load;
	}

	private List<Rule> check(List<Rule> rules) {
		List<FieldProblem> problems = new ArrayList<>();
		if (rules.size() > MAX_RULES) {
			problems.add(new FieldProblem("rules", "case.assignment.too-many", MAX_RULES));
		}
		Map<UUID, Member> agents = new LinkedHashMap<>();
		this.members.active().stream().filter((m) -> m.has(Role.AGENT)).forEach((m) -> agents.put(m.id().value(), m));
		List<Rule> normalised = new ArrayList<>();
		for (int i = 0; i < rules.size(); i++) {
			Rule rule = rules.get(i);
			String path = "rules[" + i + "]";
			String name = (rule.name() != null) ? rule.name().trim() : "";
			if (name.isEmpty()) {
				problems.add(new FieldProblem(path + ".name", "field.required"));
			}
			else if (name.length() > 100) {
				problems.add(new FieldProblem(path + ".name", "field.too-long", 100));
			}
			List<String> zones = new ArrayList<>();
			for (int z = 0; z < rule.postcodes().size(); z++) {
				String raw = String.valueOf(rule.postcodes().get(z));
				if (raw.isBlank()) {
					continue;
				}
				Optional<PostcodeZone> zone = PostcodeZone.parse(raw);
				if (zone.isEmpty()) {
					problems.add(new FieldProblem(path + ".postcodes[" + z + "]", "case.assignment.invalid-zone", raw));
				}
				else if (!zones.contains(zone.get().text())) {
					zones.add(zone.get().text());
				}
			}
			List<String> specialties = distinct(rule.specialties().stream().map((s) -> s.trim()).toList());
			for (int s = 0; s < specialties.size(); s++) {
				if (specialties.get(s).length() > 50) {
					problems.add(new FieldProblem(path + ".specialties[" + s + "]", "field.too-long", 50));
				}
			}
			List<String> sources = distinct(
					rule.sources().stream().map((s) -> s.trim().toUpperCase(Locale.ROOT)).toList());
			for (int s = 0; s < sources.size(); s++) {
				if (!Cases.SOURCES.contains(sources.get(s))) {
					problems.add(new FieldProblem(path + ".sources[" + s + "]", "case.source.invalid",
							String.join(", ", Cases.SOURCES.stream().sorted().toList())));
				}
			}
			List<UUID> assignees = new ArrayList<>(new LinkedHashSet<>(rule.assignees()));
			if (assignees.isEmpty()) {
				problems.add(new FieldProblem(path + ".assignees", "case.assignment.no-member"));
			}
			for (int a = 0; a < assignees.size(); a++) {
				if (!agents.containsKey(assignees.get(a))) {
					problems.add(new FieldProblem(path + ".assignees[" + a + "]", "case.assignment.unknown-member"));
				}
			}
			String strategy = rule.strategy();
			if (Arrays.stream(AssignmentStrategy.values()).noneMatch((s) -> s.name().equals(strategy))) {
				problems.add(new FieldProblem(path + ".strategy", "case.assignment.invalid-strategy", strategy));
			}
			normalised.add(new Rule(name, zones, specialties, sources, assignees, strategy));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		return normalised;
	}

	private static List<String> distinct(List<String> values) {
		return values.stream().filter((v) -> !v.isEmpty()).distinct().toList();
	}

	private static List<String> texts(ResultSet rs, String column) throws SQLException {
		Array array = rs.getArray(column);
		return (array != null) ? Arrays.asList((String[]) array.getArray()) : List.of();
	}

}
