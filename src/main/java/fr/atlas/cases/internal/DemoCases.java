package fr.atlas.cases.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Collectors;

import fr.atlas.platform.CurrentTenant;
import fr.atlas.platform.OrgId;
import fr.atlas.tenancy.DemoOrganisation;
import fr.atlas.tenancy.Member;
import fr.atlas.tenancy.Role;
import fr.atlas.tenancy.Members;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo mode: a few hundred buyer leads and agency prospects of the demo organisation,
 * spread over the last four months across every stage, with visits and demos (some
 * no-shows), so the board and the report look like a real agency's. Made through the same
 * services as real work, so timelines and audit are complete. Runs after the tenancy demo
 * data and only while the organisation has no cases.
 */
@Component
@ConditionalOnProperty(name = "atlas.demo.enabled", havingValue = "true")
@Order(100)
class DemoCases implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoCases.class);

	static final int LEADS = 180;

	static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	/** The hours the demo's agency works, in Paris. */
	static final int OPENS = 8;

	static final int CLOSES = 20;

	static final int PROSPECTS = 120;

	/** How long a case may stay in one state before the demo's team lets it go. */
	static final Duration STALE = Duration.ofDays(30);

	static final String[] FIRST = { "Camille", "Léa", "Hugo", "Louis", "Chloé", "Nathan", "Manon", "Jules", "Inès",
			"Lucas", "Emma", "Gabriel", "Sarah", "Arthur", "Zoé", "Paul" };

	static final String[] LAST = { "Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand",
			"Leroy", "Moreau", "Simon", "Laurent", "Lefebvre", "Michel", "Garcia", "Roux" };

	static final String[] PLACES = { "Lyon 3e", "Lyon 6e", "Villeurbanne", "Caluire-et-Cuire", "Écully", "Oullins",
			"Bron", "Lyon 7e", "Tassin-la-Demi-Lune", "Sainte-Foy-lès-Lyon" };

	static final String[] POSTCODES = { "69003", "69006", "69100", "69300", "69130", "69600", "69500", "69007", "69160",
			"69110" };

	static final String[] PROPERTIES = { "T2", "T3", "T4", "Maison", "Studio", "Loft", "T5" };

	static final String[] CITIES = { "Paris", "Lyon", "Marseille", "Bordeaux", "Nantes", "Lille", "Toulouse", "Nice",
			"Rennes", "Grenoble" };

	private final DemoOrganisation demo;

	private final Cases cases;

	private final CaseWork work;

	private final CaseTypes caseTypes;

	private final Members members;

	private final CaseAssignment assignment;

	private final CaseTeams teams;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final Clock clock;

	DemoCases(DemoOrganisation demo, Cases cases, CaseWork work, CaseTypes caseTypes, Members members,
			CaseAssignment assignment, CaseTeams teams, JdbcClient jdbc, TransactionTemplate transactions,
			Clock clock) {
		this.assignment = assignment;
		this.teams = teams;
		this.demo = demo;
		this.cases = cases;
		this.work = work;
		this.caseTypes = caseTypes;
		this.members = members;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		OrgId org = this.demo.orgId().orElse(null);
		if (org == null) {
			return;
		}
		CurrentTenant.runAs(org, () -> {
			boolean empty = Boolean.TRUE.equals(this.transactions.execute((tx) -> {
				this.caseTypes.ensureSeeded();
				return this.jdbc.sql("select not exists (select 1 from case_file)").query(Boolean.class).single();
			}));
			if (!empty) {
				return;
			}
			// One transaction for the whole history, settled before it commits: the SLA
			// watch and the task reminders run every minute from 30 s after the start,
			// and on a busy machine they ran while the seed was half done, its
			// months-old deadlines not yet settled, and escalated them to every manager
			// (99+ notifications) and mailed reminders of tasks long past. They see the
			// history once it is whole, or nothing of it.
			Seeded seeded = this.transactions.execute((tx) -> {
				// the members who work cases: a viewer reads them
				List<UUID> team = this.members.active()
					.stream()
					.filter((Member m) -> m.has(Role.AGENT))
					.map((Member m) -> m.id().value())
					.toList();
				assignmentRules();
				UUID transaction = team("Transaction Lyon", DemoOrganisation.AGENT_EMAIL,
						DemoOrganisation.MANAGER_EMAIL);
				UUID development = team("Développement commercial", DemoOrganisation.OWNER_EMAIL,
						DemoOrganisation.MANAGER_EMAIL);
				Random random = new Random(2026);
				Instant now = this.clock.instant();
				for (int i = 0; i < LEADS; i++) {
					lead(random, team, transaction, now);
				}
				for (int i = 0; i < PROSPECTS; i++) {
					prospect(random, team, development, now);
				}
				int abandoned = abandonStaleCases(random, now);
				int completed = completePastTasks(random, now);
				return new Seeded(abandoned, completed, settlePastDeadlines(now));
			});
			int abandoned = seeded.abandoned();
			int completed = seeded.completed();
			int settled = seeded.settled();
			log.info(
					"Demo cases created: {} buyer leads and {} agency prospects ({} stale ones closed as lost, {} past tasks completed, {} past deadlines settled)",
					LEADS, PROSPECTS, abandoned, completed, settled);
		});
	}

	private record Seeded(int abandoned, int completed, int settled) {
	}

	/**
	 * New buyer leads of Lyon go to the agent, those of the eastern suburbs to the
	 * manager.
	 */
	private void assignmentRules() {
		List<Member> active = this.members.active();
		List<UUID> agent = idsOf(active, DemoOrganisation.AGENT_EMAIL);
		List<UUID> manager = idsOf(active, DemoOrganisation.MANAGER_EMAIL);
		if (agent.isEmpty() || manager.isEmpty()) {
			return;
		}
		this.assignment.replace("LEAD_ACHAT",
				List.of(new CaseAssignment.Rule("Lyon intra-muros", List.of("69001-69009"), null, null, agent, null),
						new CaseAssignment.Rule("Villeurbanne et est lyonnais", List.of("69100", "69500", "69800"),
								null, null, manager, null)),
				Actor.system());
	}

	private static List<UUID> idsOf(List<Member> members, String email) {
		return members.stream().filter((m) -> m.email().equalsIgnoreCase(email)).map((m) -> m.id().value()).toList();
	}

	/**
	 * A case the history left in a state for more than a month was let go, as a team does
	 * with a lead that stopped answering: closed as lost a few weeks after it stalled.
	 * Left open, months of them made the demo's home page read as a neglected pipeline
	 * (146 cases late, 108 tasks overdue for the owner).
	 */
	private int abandonStaleCases(Random random, Instant now) {
		List<UUID> stale = this.transactions.execute((tx) -> this.jdbc
			.sql("select id from case_file where closed_at is null and state_entered_at < :since order by id")
			.param("since", Timestamp.from(now.minus(STALE)))
			.query(UUID.class)
			.list());
		for (UUID id : stale) {
			this.transactions.executeWithoutResult((tx) -> {
				CaseFile c = this.cases.require(id);
				Instant at = open(c.stateEnteredAt().plus(Duration.ofDays(14 + random.nextInt(14))));
				this.cases.transition(id, "lose", Map.of("lossReason", "Sans suite"), null, Actor.system(),
						Clock.fixed(at, ZoneOffset.UTC));
			});
		}
		return stale.size();
	}

	/**
	 * The team did its work: tasks due more than a few days ago were done around their
	 * date, by whom they fell to; only the recent ones are still to do or late.
	 */
	private int completePastTasks(Random random, Instant now) {
		Map<UUID, Member> team = this.transactions
			.execute((tx) -> this.members.active().stream().collect(Collectors.toMap((m) -> m.id().value(), (m) -> m)));
		record PastTask(UUID caseId, UUID taskId, Instant createdAt, Instant dueAt, @Nullable UUID doer) {
		}
		List<PastTask> past = this.transactions.execute((tx) -> this.jdbc.sql("""
				select t.case_id, t.id, t.created_at, t.due_at, coalesce(t.assignee_id, c.assignee_id) as doer
				from case_task t join case_file c on c.org_id = t.org_id and c.id = t.case_id
				where t.done_at is null and t.due_at < :before order by t.id""")
			.param("before", Timestamp.from(now.minus(Duration.ofDays(3))))
			.query((rs, row) -> new PastTask(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
					rs.getTimestamp(3).toInstant(), rs.getTimestamp(4).toInstant(), rs.getObject(5, UUID.class)))
			.list());
		for (PastTask task : past) {
			Member doer = (task.doer() != null) ? team.get(task.doer()) : null;
			Actor actor = (doer != null) ? Actor.of(doer) : Actor.system();
			// done between its creation and its date, more often near the date
			long span = Math.max(0, Duration.between(task.createdAt(), task.dueAt()).toMinutes());
			Instant at = task.dueAt().minus(Duration.ofMinutes((long) (span * 0.7 * random.nextDouble())));
			this.transactions
				.executeWithoutResult((tx) -> this.work.completeTask(task.caseId(), task.taskId(), actor, at));
		}
		return past.size();
	}

	/**
	 * Backdated cases are months late on their SLAs: left as they are, the first SLA
	 * check would send the demo's managers dozens of escalations at once. Deadlines older
	 * than three days count as already alerted back then; only the recent ones alert, as
	 * in a real agency's day (a handful).
	 * <p>
	 * A task's reminder is a mail sent at its moment: one whose moment came before the
	 * seed was, in the story the seed tells, sent then, as Atlas would have sent it. The
	 * task stays open and late on the pages; no reminder of it is mailed at the start ("à
	 * faire pour le 04/12" two days after), and the first reminders are of tasks coming
	 * due after it, as for a real agency. The reminder job keeps mailing late reminders:
	 * after an outage, a member still wants to hear of a task that came due meanwhile.
	 */
	private int settlePastDeadlines(Instant now) {
		this.jdbc.sql("""
				update case_task set reminded_at = coalesce(remind_at, due_at)
				where reminded_at is null and done_at is null and coalesce(remind_at, due_at) <= ?""")
			.param(Timestamp.from(now))
			.update();
		return this.jdbc.sql("""
				update case_file set sla_breached_at = sla_due_at, sla_escalation_due_at = null
				where sla_breached_at is null and sla_due_at < ?""")
			.param(Timestamp.from(now.minus(Duration.ofDays(3))))
			.update();
	}

	private UUID team(String name, String... emails) {
		List<Member> active = this.members.active();
		List<String> members = new ArrayList<>();
		for (String email : emails) {
			idsOf(active, email).forEach((id) -> members.add(id.toString()));
		}
		return this.teams.create(new CaseTeams.TeamForm(name, members)).id();
	}

	private void lead(Random random, List<UUID> team, UUID teamId, Instant now) {
		Instant at = openedBefore(now.minus(Duration.ofMinutes(random.nextInt(120 * 24 * 60))), now);
		int place = random.nextInt(PLACES.length);
		String name = FIRST[random.nextInt(FIRST.length)] + " " + LAST[random.nextInt(LAST.length)];
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("contactName", name);
		fields.put("postcode", POSTCODES[place]);
		fields.put("phone", "06 %02d %02d %02d %02d".formatted(random.nextInt(100), random.nextInt(100),
				random.nextInt(100), random.nextInt(100)));
		String title = PROPERTIES[random.nextInt(PROPERTIES.length)] + " · " + PLACES[place] + " · " + name;
		CaseFile c = this.cases.create(
				new Cases.NewCase("LEAD_ACHAT", title, pick(random, team), random.nextInt(6) == 0 ? "HIGH" : "NORMAL",
						null, fields, List.of(), source(random), teamId),
				Actor.system(), Clock.fixed(at, ZoneOffset.UTC));
		List<String> path = new ArrayList<>();
		double roll = random.nextDouble();
		if (roll < 0.18) {
			// still new
		}
		else if (roll < 0.30) {
			path.add("lose");
		}
		else {
			path.add("qualify");
			double next = random.nextDouble();
			if (next < 0.25) {
				path.add(random.nextBoolean() ? "lose" : "");
			}
			else {
				path.add("plan_visit");
				double after = random.nextDouble();
				if (after < 0.30) {
					path.add(random.nextBoolean() ? "lose" : "");
				}
				else {
					path.add("make_offer");
					double end = random.nextDouble();
					path.add((end < 0.55) ? "win" : (end < 0.8) ? "lose" : "");
				}
			}
		}
		Instant step = at;
		for (String transition : path) {
			if (transition.isEmpty()) {
				break;
			}
			step = open(step.plus(Duration.ofHours(2 + random.nextInt(24 * 6))));
			if (step.isAfter(now)) {
				break;
			}
			Map<String, Object> inputs = new LinkedHashMap<>();
			switch (transition) {
				case "qualify" -> {
					inputs.put("budget", 150_000 + 10_000 * random.nextInt(60));
					inputs.put("financing",
							List.of("CASH", "LOAN_AGREED", "LOAN_IN_PROGRESS", "LOAN_TO_START").get(random.nextInt(4)));
				}
				case "lose" -> inputs.put("lossReason", List
					.of("A acheté via une autre agence", "Projet abandonné", "Financement refusé", "Injoignable")
					.get(random.nextInt(4)));
				default -> {
				}
			}
			c = this.cases.transition(c.id(), transition, inputs, null, Actor.system(),
					Clock.fixed(step, ZoneOffset.UTC));
			if (transition.equals("plan_visit")) {
				visit(random, c, step, now, "Visite " + PLACES[place], PLACES[place]);
			}
		}
	}

	private void prospect(Random random, List<UUID> team, UUID teamId, Instant now) {
		Instant at = openedBefore(now.minus(Duration.ofMinutes(random.nextInt(120 * 24 * 60))), now);
		String city = CITIES[random.nextInt(CITIES.length)];
		String agency = "Agence " + LAST[random.nextInt(LAST.length)] + " Immobilier " + city;
		String contact = FIRST[random.nextInt(FIRST.length)] + " " + LAST[random.nextInt(LAST.length)];
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("agencyName", agency);
		fields.put("city", city);
		fields.put("contactName", contact);
		CaseFile c = this.cases.create(new Cases.NewCase("PROSPECTION", agency, pick(random, team), "NORMAL", null,
				fields, List.of("démo"), "IMPORT", teamId), Actor.system(), Clock.fixed(at, ZoneOffset.UTC));
		String[] funnel = { "contact", "reply", "schedule_demo", "demo_done", "start_trial", "sign" };
		double[] keep = { 0.8, 0.45, 0.75, 0.8, 0.6, 0.65 };
		Instant step = at;
		for (int i = 0; i < funnel.length; i++) {
			step = open(step.plus(Duration.ofHours(4 + random.nextInt(24 * 5))));
			if (step.isAfter(now)) {
				return;
			}
			if (random.nextDouble() > keep[i]) {
				if (i > 0 && random.nextBoolean()) {
					c = this.cases.transition(c.id(), "lose",
							Map.of("lossReason",
									List.of("Déjà équipé", "Pas de budget", "Pas le bon moment")
										.get(random.nextInt(3))),
							null, Actor.system(), Clock.fixed(step, ZoneOffset.UTC));
				}
				return;
			}
			Map<String, Object> inputs = funnel[i].equals("sign") ? Map.of("monthlyValue", 99 + 50 * random.nextInt(6))
					: Map.of();
			c = this.cases.transition(c.id(), funnel[i], inputs, null, Actor.system(),
					Clock.fixed(step, ZoneOffset.UTC));
			if (funnel[i].equals("schedule_demo")) {
				visit(random, c, step, now, "Démo Atlas · " + agency, "Visioconférence");
			}
		}
	}

	private void visit(Random random, CaseFile c, Instant plannedAt, Instant now, String title, String place) {
		Instant starts = open(plannedAt.plus(Duration.ofHours(24 + random.nextInt(24 * 7))))
			.truncatedTo(java.time.temporal.ChronoUnit.HOURS);
		Appointment appointment = this.work
			.schedule(c.id(),
					new CaseWork.NewAppointment(title, starts, starts.plus(Duration.ofHours(1)), place,
							List.of((String) c.fields().getOrDefault("contactName", "Client"))),
					Actor.system(), plannedAt);
		if (starts.isBefore(now)) {
			double roll = random.nextDouble();
			String outcome = (roll < 0.74) ? "HELD"
					: (roll < 0.90) ? "NO_SHOW" : (roll < 0.95) ? "CANCELLED" : "RESCHEDULED";
			this.work.recordOutcome(c.id(), appointment.id(), outcome, Actor.system(),
					starts.plus(Duration.ofHours(1)));
		}
	}

	/**
	 * {@code at}, or else the next moment the agency is open (Monday to Saturday, 8:00 to
	 * 20:00 in Paris), the minutes kept: the demo's leads came in, were qualified and
	 * visited at 3 in the morning ("dans cet état depuis le 04/12/2026 01:12", a visit at
	 * 03:00), which no agency's history shows.
	 */
	static Instant open(Instant at) {
		ZonedDateTime paris = at.atZone(PARIS);
		if (paris.getHour() < OPENS) {
			paris = paris.withHour(OPENS);
		}
		else if (paris.getHour() >= CLOSES) {
			paris = paris.plusDays(1).withHour(OPENS);
		}
		if (paris.getDayOfWeek() == DayOfWeek.SUNDAY) {
			paris = paris.plusDays(1);
		}
		return paris.toInstant();
	}

	/**
	 * As {@link #open(Instant)}, a day earlier if that is after {@code now}: a case made
	 * at the start of a Monday morning comes from Saturday.
	 */
	static Instant openedBefore(Instant at, Instant now) {
		Instant opened = open(at);
		for (int back = 1; opened.isAfter(now) && back < 8; back++) {
			opened = open(at.minus(Duration.ofDays(back)));
		}
		return opened.isAfter(now) ? at : opened;
	}

	private static UUID pick(Random random, List<UUID> team) {
		return team.isEmpty() ? null : team.get(random.nextInt(team.size()));
	}

	private static String source(Random random) {
		return List.of("FORM", "PORTAL", "PORTAL", "MANUAL", "API").get(random.nextInt(5));
	}

}
