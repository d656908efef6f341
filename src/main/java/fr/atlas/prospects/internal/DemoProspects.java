package fr.atlas.prospects.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import fr.atlas.platform.CurrentTenant;
import fr.atlas.platform.InvalidInputException;
import fr.atlas.prospects.ImportJobFinished;
import fr.atlas.prospects.internal.ProspectBulkEdits.Selection;
import fr.atlas.tenancy.DemoOrganisation;
import fr.atlas.tenancy.Member;
import fr.atlas.tenancy.Members;
import fr.atlas.tenancy.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo mode: imports a small, messy list of agencies around Lyon into the demo
 * organisation through the ordinary import job, so the list, agency pages, report and
 * review queue have something to show. The file's hash makes it a no-op on later starts.
 * Once imported, the team works it as a team would: the agencies of the Rhône are dealt
 * out among the members, and the busiest ones get a prospection case (when Cases offers
 * it), so the owner column, the owner filter and the agency pages' cases show something.
 */
@Component
@ConditionalOnProperty(name = "atlas.demo.enabled", havingValue = "true")
@Order(110)
class DemoProspects implements ApplicationRunner {

	static final String FILE = "demo/agences-demo.csv";

	private static final String FILE_NAME = "agences-demo.csv";

	private static final Logger log = LoggerFactory.getLogger(DemoProspects.class);

	/** The department whose agencies the demo team shares out. */
	private static final String WORKED_DEPARTMENT = "69";

	/** How many of its busiest agencies get a prospection case. */
	private static final int CASES = 8;

	private final DemoOrganisation demo;

	private final ProspectImports imports;

	private final ProspectBulkEdits bulk;

	private final Members members;

	private final JdbcClient jdbc;

	private final TransactionTemplate tx;

	private final TaskScheduler scheduler;

	DemoProspects(DemoOrganisation demo, ProspectImports imports, ProspectBulkEdits bulk, Members members,
			JdbcClient jdbc, TransactionTemplate tx, TaskScheduler scheduler) {
		this.demo = demo;
		this.imports = imports;
		this.bulk = bulk;
		this.members = members;
		this.jdbc = jdbc;
		this.tx = tx;
		this.scheduler = scheduler;
	}

	@Override
	public void run(ApplicationArguments args) {
		this.demo.orgId().ifPresent((org) -> CurrentTenant.runAs(org, () -> {
			try (InputStream file = new ClassPathResource(FILE).getInputStream()) {
				var submission = this.imports.submitOnce(FILE_NAME, file);
				if (!submission.existing()) {
					log.info("Demo agencies queued for import ({})", FILE);
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}));
	}

	/**
	 * The demo file imported for the first time (the same file again is no new import):
	 * its agencies worked, on a thread of its own.
	 */
	@TransactionalEventListener(fallbackExecution = true)
	void on(ImportJobFinished finished) {
		if ("DONE".equals(finished.status()) && finished.created() > 0
				&& this.demo.orgId().filter(finished.orgId()::equals).isPresent()) {
			// at once: the scheduler's time, not the application's clock
			this.scheduler.schedule(() -> CurrentTenant.runAs(finished.orgId(), () -> {
				if (FILE_NAME.equals(this.tx.execute((status) -> this.imports.find(finished.jobId()).fileName()))) {
					work();
				}
			}), Instant.now());
		}
	}

	private void work() {
		List<Member> team = this.members.active().stream().filter((member) -> member.has(Role.AGENT)).toList();
		Member owner = team.stream()
			.filter((member) -> member.email().equals(DemoOrganisation.OWNER_EMAIL))
			.findFirst()
			.orElse(null);
		if (owner == null) {
			return;
		}
		UUID by = owner.id().value();
		try {
			this.tx.executeWithoutResult((status) -> this.bulk.apply(
					new Selection(null,
							new ProspectQuery(null, WORKED_DEPARTMENT, null, null, null, null, null, null, null, null,
									null, null, null, null, null, null, 0, 20)),
					Map.of("owners", team.stream().map((member) -> member.id().value().toString()).toList()), by));
			ProspectBulkEdits.Result opened = this.tx.execute((status) -> this.bulk
				.apply(new Selection(busiest(), null), Map.of("startWork", "prospection-case"), by));
			log.info("Demo agencies of department {} dealt out among {} members; prospection cases: {}",
					WORKED_DEPARTMENT, team.size(), opened);
		}
		catch (InvalidInputException ex) {
			// Cases switched off in the demo: the agencies stay dealt out, without cases
			log.info("Demo agencies: {}", ex.getMessage());
		}
	}

	private List<UUID> busiest() {
		return this.jdbc.sql("""
				select id from agency where org_id = :org and status = 'ACTIVE' and department = :department
				order by listing_count desc nulls last, id limit :count""")
			.param("org", CurrentTenant.require().value())
			.param("department", WORKED_DEPARTMENT)
			.param("count", CASES)
			.query(UUID.class)
			.list();
	}

}
