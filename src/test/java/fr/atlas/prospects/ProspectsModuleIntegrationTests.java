package fr.atlas.prospects;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import fr.atlas.platform.CurrentTenant;
import fr.atlas.platform.OrgId;
import fr.atlas.prospects.internal.ImportWorker;
import fr.atlas.prospects.internal.MappingPresets;
import fr.atlas.prospects.internal.ProspectImports;
import fr.atlas.prospects.internal.ProspectQuery;
import fr.atlas.prospects.internal.ProspectSearch;
import fr.atlas.tenancy.Features;
import fr.atlas.tenancy.Members;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.AssertablePublishedEvents;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The prospects module bootstrapped alone (with the shared platform kernel): no web
 * security, no tenancy or audit beans. Proves the module stands on its declared
 * dependencies and that its public services and events work against the real database
 * with row-level security.
 *
 * <p>
 * Other application contexts of the same test run share the database and run their own
 * import workers, so the tests never wait for a queued job to be claimed: a job that must
 * be imported is run here, on the test thread, through {@link ImportWorker#run}.
 */
@ApplicationModuleTest
class ProspectsModuleIntegrationTests {

	static final String AGENCIES = """
			Raison sociale;E-mail;Code postal
			Agence du Port;contact@port.fr;13002
			AGENCE DU PORT;CONTACT@PORT.FR;13002
			Cabinet Martin;;69003
			;;75001
			""";

	/** Another module's: edits check owners against it, which these tests never do. */
	@MockitoBean
	Members members;

	/** Another module's: the agency page asks it which panels to show. */
	@MockitoBean
	Features features;

	@Autowired
	ProspectImports imports;

	@Autowired
	ImportWorker worker;

	@Autowired
	ProspectSearch search;

	@Autowired
	MappingPresets presets;

	@Test
	void startingAnImportAnnouncesTheQueuedJob(Scenario scenario) {
		OrgId org = OrgId.of(UUID.randomUUID());
		UUID draft = CurrentTenant.callAs(org, () -> submitDraft());
		CurrentTenant.runAs(org,
				() -> scenario.stimulate(() -> this.imports.start(draft, Map.of()))
					.andWaitForEventOfType(ImportJobQueued.class)
					.matchingMappedValue(ImportJobQueued::jobId, draft)
					.toArriveAndVerify((event) -> {
						assertThat(event.orgId()).isEqualTo(org);
						assertThat(event.totalRows()).isEqualTo(4);
					}));
	}

	@Test
	void importsAFileAndAnnouncesTheFinishedJobWithItsCounts(AssertablePublishedEvents events) {
		OrgId org = OrgId.of(UUID.randomUUID());
		CurrentTenant.runAs(org, () -> {
			UUID job = submitDraft();
			assertThat(this.worker.run(job, Integer.MAX_VALUE)).isTrue();

			assertThat(events).contains(ImportJobFinished.class)
				.matching(ImportJobFinished::jobId, job)
				.matching(ImportJobFinished::orgId, org)
				.matching(ImportJobFinished::status, "DONE")
				.matching(ImportJobFinished::created, 2)
				.matching(ImportJobFinished::merged, 1)
				.matching(ImportJobFinished::rejected, 1);
			var agencies = this.search.find(new ProspectQuery(null, null, null, null, null, null, null, null, null,
					null, null, null, null, null, null, "name", 0, 50));
			assertThat(agencies.items()).extracting(ProspectSearch.Summary::name)
				.containsExactly("Agence du Port", "Cabinet Martin");
		});
		// row-level security: the agencies belong to that organisation only
		CurrentTenant.runAs(OrgId.of(UUID.randomUUID()),
				() -> assertThat(this.search
					.find(new ProspectQuery(null, null, null, null, null, null, null, null, null, null, null, null,
							null, null, null, "name", 0, 50))
					.total()).isZero());
	}

	@Test
	void savesPresetsPerOrganisationAndAuditsThem(AssertablePublishedEvents events) {
		OrgId org = OrgId.of(UUID.randomUUID());
		var saved = CurrentTenant.callAs(org,
				() -> this.presets.save("Export CRM", Map.of("Société", "name", "Mél", "email"), null));
		assertThat(events).contains(MappingPresetSaved.class)
			.matching(MappingPresetSaved::presetId, saved.preset().id());
		assertThat(CurrentTenant.callAs(org, () -> this.presets.list())).containsExactly(saved.preset());
		assertThat(CurrentTenant.callAs(OrgId.of(UUID.randomUUID()), () -> this.presets.list())).isEmpty();
	}

	private UUID submitDraft() {
		return this.imports
			.submit("module.csv", new ByteArrayInputStream(AGENCIES.getBytes(StandardCharsets.UTF_8)), Map.of(), null,
					false)
			.job()
			.id();
	}

}
