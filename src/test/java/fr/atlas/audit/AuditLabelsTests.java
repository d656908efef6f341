package fr.atlas.audit;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import fr.atlas.cases.AppointmentChanged;
import fr.atlas.cases.CalendarFeedIssued;
import fr.atlas.cases.CaseAssigned;
import fr.atlas.cases.CaseAssignmentRulesChanged;
import fr.atlas.cases.CaseCreated;
import fr.atlas.cases.CaseDeleted;
import fr.atlas.cases.CaseId;
import fr.atlas.cases.CaseNoteAdded;
import fr.atlas.cases.CasePartyChanged;
import fr.atlas.cases.CaseSlaBreached;
import fr.atlas.cases.CaseSlaEscalated;
import fr.atlas.cases.CaseStateChanged;
import fr.atlas.cases.CaseTaskChanged;
import fr.atlas.cases.CaseTeamChanged;
import fr.atlas.cases.CaseTypesSeeded;
import fr.atlas.cases.CaseUpdated;
import fr.atlas.cases.CasesMigrated;
import fr.atlas.cases.WorkflowVersionChanged;
import fr.atlas.cases.WorkingHoursChanged;
import fr.atlas.audit.internal.SummaryWords;
import fr.atlas.cases.internal.Appointment;
import fr.atlas.platform.MemberNames;
import fr.atlas.platform.OrgId;
import fr.atlas.platform.UserId;
import fr.atlas.prospects.DuplicateDismissed;
import fr.atlas.prospects.DuplicateReopened;
import fr.atlas.prospects.ImportJobFinished;
import fr.atlas.prospects.ImportDraftDiscarded;
import fr.atlas.prospects.ImportDraftUploaded;
import fr.atlas.prospects.ImportJobQueued;
import fr.atlas.prospects.MappingPresetDeleted;
import fr.atlas.prospects.MappingPresetSaved;
import fr.atlas.prospects.ProspectArchived;
import fr.atlas.prospects.SavedSearchChanged;
import fr.atlas.prospects.ProspectContactChanged;
import fr.atlas.prospects.ProspectCreated;
import fr.atlas.prospects.ProspectEdited;
import fr.atlas.prospects.ProspectRestored;
import fr.atlas.prospects.ProspectRowDetached;
import fr.atlas.prospects.ProspectRowReattached;
import fr.atlas.prospects.ProspectsBulkEdited;
import fr.atlas.prospects.ProspectsExported;
import fr.atlas.prospects.ProspectsBulkQueued;
import fr.atlas.prospects.ProspectId;
import fr.atlas.prospects.ProspectsMerged;
import fr.atlas.prospects.ProspectsUnmerged;
import fr.atlas.prospects.internal.ImportJob;
import fr.atlas.tenancy.AccountLocked;
import fr.atlas.tenancy.ApiTokenCreated;
import fr.atlas.tenancy.ApiTokenRevoked;
import fr.atlas.tenancy.Feature;
import fr.atlas.tenancy.FeatureToggled;
import fr.atlas.tenancy.MemberActivationChanged;
import fr.atlas.tenancy.InvitationRevoked;
import fr.atlas.tenancy.MemberInvited;
import fr.atlas.tenancy.MemberJoined;
import fr.atlas.tenancy.MemberProfileChanged;
import fr.atlas.tenancy.MemberRolesChanged;
import fr.atlas.tenancy.MemberSignedIn;
import fr.atlas.tenancy.OrganisationCreated;
import fr.atlas.tenancy.OrganisationRenamed;
import fr.atlas.tenancy.PasswordChanged;
import fr.atlas.tenancy.PasswordResetRequested;
import fr.atlas.tenancy.SignInFailed;
import fr.atlas.tenancy.SignInRefused;
import fr.atlas.tenancy.SignInMethod;
import org.assertj.core.api.ThrowingConsumer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.util.ClassUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit log page names each action and object type in words, from the keys
 * {@code audit.action.<code>} and {@code audit.entity.<type>} of the modules' bundles. An
 * action without a label shows as its bare code, so each one the code can produce needs
 * one in French and in English.
 */
class AuditLabelsTests {

	private static final Path BUNDLES = Path.of("src/main/resources/i18n");

	private static final OrgId ORG = OrgId.random();

	private static final UserId USER = UserId.random();

	private static final CaseId CASE = CaseId.random();

	private static final ProspectId AGENCY = new ProspectId(UUID.randomUUID());

	private static final ProspectId OTHER = new ProspectId(UUID.randomUUID());

	/**
	 * Every audited event, once for each action it can name: the values its publishers
	 * pass as {@code change} or {@code status}, taken from the code where it has them.
	 */
	static List<Auditable> everyAuditedChange() {
		List<Auditable> events = new ArrayList<>(List.of(new AccountLocked(ORG, USER, 5),
				new ApiTokenCreated(ORG, UUID.randomUUID(), USER, "cli", false),
				new ApiTokenCreated(ORG, UUID.randomUUID(), USER, "rapports", true),
				new ApiTokenRevoked(ORG, UUID.randomUUID(), USER), new FeatureToggled(ORG, Feature.CASES, true),
				new MemberActivationChanged(ORG, USER, false),
				new MemberInvited(ORG, UUID.randomUUID(), "invitee@example.test", "AGENT"),
				new InvitationRevoked(ORG, UUID.randomUUID(), "invitee@example.test",
						InvitationRevoked.Reason.CANCELLED),
				new MemberJoined(ORG, USER, "agent@example.test", List.of("AGENT")),
				new MemberProfileChanged(ORG, USER, "name"),
				new MemberRolesChanged(ORG, USER, List.of("AGENT"), List.of("MANAGER")),
				new OrganisationCreated(ORG, "Agence du Port", USER, "owner@example.test"),
				new OrganisationRenamed(ORG, "Agence du Port", "Agence du Port et des Plages"),
				new PasswordChanged(ORG, USER, false), new PasswordChanged(ORG, USER, true, 2),
				new PasswordChanged(ORG, USER, false, 1), new PasswordResetRequested(ORG, USER),
				new MemberSignedIn(ORG, USER, SignInMethod.FORM), new SignInRefused(ORG, USER, SignInMethod.FORM),
				new SignInFailed(ORG, USER, SignInMethod.API_TOKEN, 1),
				new DuplicateDismissed(ORG, UUID.randomUUID(), AGENCY, OTHER),
				new DuplicateReopened(ORG, UUID.randomUUID(), AGENCY, OTHER),
				new ImportJobQueued(ORG, UUID.randomUUID(), "agences.csv", 10),
				new ImportDraftUploaded(ORG, UUID.randomUUID(), "agences.csv", 1),
				new ImportDraftUploaded(ORG, UUID.randomUUID(), "agences.csv", 10),
				new ImportDraftDiscarded(ORG, UUID.randomUUID(), "agences.csv", 1, false),
				new ImportDraftDiscarded(ORG, UUID.randomUUID(), "agences.csv", 10, true),
				new MappingPresetDeleted(ORG, UUID.randomUUID(), "CRM"),
				new MappingPresetSaved(ORG, UUID.randomUUID(), "CRM"), new ProspectEdited(ORG, AGENCY, List.of("name")),
				new SavedSearchChanged(ORG, UUID.randomUUID(), "Lyon", false, SavedSearchChanged.Change.CREATED),
				new SavedSearchChanged(ORG, UUID.randomUUID(), "Lyon", true, SavedSearchChanged.Change.DELETED),
				new ProspectCreated(ORG, AGENCY, "Agence du Parc", null),
				new ProspectsBulkEdited(ORG, UUID.randomUUID(), 12, List.of("owner_id", "tags")),
				new ProspectsExported(ORG, UUID.randomUUID(), "csv", 52_878, Map.of("city", "Lyon")),
				new ProspectsExported(ORG, UUID.randomUUID(), "csv", 1,
						Map.of("status", "ARCHIVED", "reachable", "email", "specialty", "rental", "owner", "none",
								"work", "no-prospection-case", "minRevenue", "500 k€", "importId",
								"0195e8a4-7b1e-7000-8000-000000000001")),
				new ProspectsBulkQueued(ORG, UUID.randomUUID(), 52_878, List.of("tags")),
				new ProspectContactChanged(ORG, AGENCY, UUID.randomUUID(), "added", "Léa Garnier"),
				new ProspectContactChanged(ORG, AGENCY, UUID.randomUUID(), "updated", "Léa Garnier"),
				new ProspectContactChanged(ORG, AGENCY, UUID.randomUUID(), "removed", "Léa Garnier"),
				new ProspectArchived(ORG, AGENCY, "Agence du Port", "fermée"),
				new ProspectRestored(ORG, AGENCY, "Agence du Port"),
				new ProspectsMerged(ORG, AGENCY, OTHER, UUID.randomUUID()),
				new ProspectsUnmerged(ORG, AGENCY, OTHER, UUID.randomUUID()),
				new ProspectRowDetached(ORG, AGENCY, OTHER, UUID.randomUUID(), "reseau.csv", 2, "Orpi Lyon 7",
						"Orpi Lyon 3", false),
				new ProspectRowDetached(ORG, AGENCY, OTHER, UUID.randomUUID(), "reseau.csv", 2, "Orpi Lyon 7",
						"Orpi Lyon 3", true),
				new ProspectRowReattached(ORG, AGENCY, OTHER, UUID.randomUUID(), "reseau.csv", 2, "Orpi Lyon 7",
						"Orpi Lyon 3"),
				new CalendarFeedIssued(ORG, USER), new CaseAssigned(ORG, CASE, "LA-1", USER, "Paris"),
				new CaseAssignmentRulesChanged(ORG, "LEAD_ACHAT", List.of("Paris")),
				new CaseCreated(ORG, CASE, "LEAD_ACHAT", "LA-1", "NEW"),
				new CaseDeleted(ORG, CASE, "LEAD_ACHAT", "LA-1", "Studio", "NEW", Map.of("fr", "Nouveau", "en", "New")),
				new CaseNoteAdded(ORG, CASE, "LA-1"), new CaseSlaBreached(ORG, CASE, "LA-1", "NEW", Instant.EPOCH),
				new CaseSlaEscalated(ORG, CASE, "LA-1", "NEW", Instant.EPOCH, Instant.EPOCH),
				new CaseStateChanged(ORG, CASE, "LA-1", "qualify", "NEW", "QUALIFIED"),
				new CaseTypesSeeded(ORG, List.of("LEAD_ACHAT")), new CaseUpdated(ORG, CASE, "LA-1", List.of("title")),
				new CasesMigrated(ORG, "LEAD_ACHAT", 2, 3), new WorkingHoursChanged(ORG, "9h-18h")));
		Stream.of(ImportJob.DONE, ImportJob.FAILED, ImportJob.CANCELLED)
			.forEach((status) -> events.add(new ImportJobFinished(ORG, UUID.randomUUID(), status, 1, 0, 0)));
		events.add(new AppointmentChanged(ORG, CASE, UUID.randomUUID(), "scheduled", "Visite"));
		Arrays.stream(Appointment.Outcome.values())
			.forEach((outcome) -> events.add(new AppointmentChanged(ORG, CASE, UUID.randomUUID(),
					"outcome-" + outcome.name().toLowerCase(), "Visite")));
		Stream.of("created", "updated", "deleted")
			.forEach((change) -> events.add(new CaseTeamChanged(ORG, UUID.randomUUID(), change, "Paris", 2, 0)));
		Stream.of("created", "completed")
			.forEach((change) -> events.add(new CaseTaskChanged(ORG, CASE, UUID.randomUUID(), change, "Appeler")));
		Stream.of("added", "removed")
			.forEach((change) -> events.add(new CasePartyChanged(ORG, CASE, change, "AGENCY", "id", "Agence")));
		Stream.of("drafted", "edited", "published")
			.forEach((change) -> events.add(new WorkflowVersionChanged(ORG, "LEAD_ACHAT", 2, change)));
		return events;
	}

	@Test
	void coversEveryAuditedEvent() throws ClassNotFoundException {
		Set<String> covered = everyAuditedChange().stream()
			.map((event) -> event.getClass().getName())
			.collect(Collectors.toCollection(TreeSet::new));
		assertThat(covered).isEqualTo(auditableEventsOfTheApplication());
	}

	@Test
	void namesEveryActionInFrenchAndEnglish() throws IOException {
		Set<String> keys = keys(Auditable::action, "audit.action.");
		assertThat(keys).hasSizeGreaterThan(40);
		assertThat(keys).as("actions without a French label").allSatisfy(labelledIn(false));
		assertThat(keys).as("actions without an English label").allSatisfy(labelledIn(true));
	}

	@Test
	void namesEveryObjectTypeInFrenchAndEnglish() throws IOException {
		Set<String> keys = keys(Auditable::entityType, "audit.entity.");
		assertThat(keys).as("object types without a French label").allSatisfy(labelledIn(false));
		assertThat(keys).as("object types without an English label").allSatisfy(labelledIn(true));
	}

	@Test
	void writesEverySummaryInPlainFrenchAndEnglish() {
		SummaryWords words = words();
		assertThat(everyAuditedChange()).allSatisfy((event) -> {
			AuditSummary summary = event.summary();
			String french = words.render(summary, Locale.FRENCH).orElse(null);
			String english = words.render(summary, Locale.ENGLISH).orElse(null);
			assertThat(french).as("French words for " + summary.key()).isNotBlank().doesNotContain("''", "{", "}");
			assertThat(english).as("English words for " + summary.key())
				.isNotBlank()
				.doesNotContain("''", "{", "}")
				.isNotEqualTo(french);
		});
	}

	@Test
	void labelsEveryCodeASummaryNames() throws IOException {
		Set<String> keys = everyAuditedChange().stream()
			.flatMap((event) -> event.summary().arguments().stream())
			.flatMap(AuditLabelsTests::within)
			.filter(AuditSummary.Label.class::isInstance)
			.map((argument) -> ((AuditSummary.Label) argument).key())
			.collect(Collectors.toCollection(TreeSet::new));
		assertThat(keys).contains("role.AGENT", "feature.cases", "prospects.sources.field.name");
		assertThat(keys).as("codes without a French label").allSatisfy(labelledIn(false));
		assertThat(keys).as("codes without an English label").allSatisfy(labelledIn(true));
	}

	@Test
	void namesRolesModulesStatesAndChangesInWordsNotCodes() {
		SummaryWords words = words();
		Map<Auditable, String> french = Map.of(
				new MemberRolesChanged(ORG, USER, List.of("MANAGER"), List.of("ADMIN", "AGENT")),
				"Rôles changés\u00A0: Responsable → Administrateur, Agent",
				new FeatureToggled(ORG, Feature.CASES, true), "Module Dossiers activé",
				new MemberProfileChanged(ORG, USER, "locale=en"), "Langue changée\u00A0: anglais",
				new ImportJobFinished(ORG, UUID.randomUUID(), ImportJob.DONE, 1, 0, 2),
				"Import terminé\u00A0: 1 agence créée, 0 fusionnée, 2 rejetées",
				new CaseTaskChanged(ORG, CASE, UUID.randomUUID(), "created", "Appeler"),
				"Tâche «\u00a0Appeler\u00a0» créée",
				new AppointmentChanged(ORG, CASE, UUID.randomUUID(), "scheduled", "t"),
				"Rendez-vous «\u00a0t\u00a0» planifié",
				new CaseCreated(ORG, CASE, "LEAD_ACHAT", "LEAD-1", "NEW",
						Map.of("fr", "Lead acheteur", "en", "Buyer lead"), Map.of("fr", "Nouveau", "en", "New")),
				"Dossier LEAD-1 créé (type\u00a0: Lead acheteur, état\u00a0: Nouveau)",
				new CaseUpdated(ORG, CASE, "LEAD-1", List.of("title", "fields.budget"),
						Map.of("budget", Map.of("fr", "Budget (€)", "en", "Budget (€)"))),
				"Dossier LEAD-1 modifié\u00a0: titre, Budget (€)");
		french
			.forEach((event, expected) -> assertThat(words.render(event.summary(), Locale.FRENCH)).hasValue(expected));
		assertThat(words.render(new MemberRolesChanged(ORG, USER, List.of("MANAGER"), List.of("ADMIN")).summary(),
				Locale.ENGLISH))
			.hasValue("Roles changed: Manager → Administrator");
		assertThat(words.render(new CaseCreated(ORG, CASE, "LEAD_ACHAT", "LEAD-1", "NEW",
				Map.of("fr", "Lead acheteur", "en", "Buyer lead"), Map.of("fr", "Nouveau", "en", "New"))
			.summary(), Locale.ENGLISH)).hasValue("Case LEAD-1 created (type: Buyer lead, state: New)");
	}

	/** An argument and those it holds (a list's items, a phrase's arguments). */
	private static Stream<AuditSummary.Argument> within(AuditSummary.Argument argument) {
		return switch (argument) {
			case AuditSummary.Labels list ->
				Stream.concat(Stream.of(argument), list.items().stream().flatMap(AuditLabelsTests::within));
			case AuditSummary.Phrase phrase ->
				Stream.concat(Stream.of(argument), phrase.arguments().stream().flatMap(AuditLabelsTests::within));
			default -> Stream.of(argument);
		};
	}

	@Test
	void saysTheFiltersOfAnExportInWords() {
		SummaryWords words = words();
		Map<String, String> filters = new java.util.LinkedHashMap<>();
		filters.put("work", "prospection-case");
		filters.put("status", "ARCHIVED");
		filters.put("city", "Lyon");
		filters.put("owner", "none");
		filters.put("specialty", "rental");
		filters.put("headcount", "10-19");
		filters.put("importId", "0195e8a4-7b1e-7000-8000-000000000001");
		AuditSummary summary = new ProspectsExported(ORG, UUID.randomUUID(), "xlsx", 3, filters).summary();
		assertThat(words.render(summary, Locale.FRENCH)).hasValue("Export XLSX de 3 agences (Ville\u00A0: Lyon, "
				+ "Spécialité\u00A0: Location, Responsable\u00A0: Personne, Statut\u00A0: Archivée, Effectif\u00A0: 10-19, "
				+ "Import\u00A0: 0195e8a4-7b1e-7000-8000-000000000001, Dossier de prospection ouvert\u00A0: oui)");
		assertThat(words.render(summary, Locale.ENGLISH))
			.hasValueSatisfying((english) -> assertThat(english).startsWith("XLSX export of 3 agencies (Town: Lyon, ")
				.endsWith("Prospection case opened: yes)")
				.doesNotContain("ARCHIVED", "rental", "none", "="));
		// a summary written before the filters were put in words still reads
		assertThat(words.render(AuditSummary.of("audit.summary.prospect.exported", AuditSummary.text("CSV"),
				AuditSummary.count(2), AuditSummary.text("city=Lyon")), Locale.ENGLISH))
			.hasValue("CSV export of 2 agencies, filters: city=Lyon");
	}

	/** The words of the application's bundles, as the application configures them. */
	private static SummaryWords words() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasenames("i18n/messages", "i18n/tenancy", "i18n/audit", "i18n/prospects", "i18n/cases");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return new SummaryWords(messages, new StaticListableBeanFactory().getBeanProvider(MemberNames.class));
	}

	private static Set<String> keys(Function<Auditable, String> code, String prefix) {
		return everyAuditedChange().stream()
			.map((event) -> prefix + code.apply(event))
			.collect(Collectors.toCollection(TreeSet::new));
	}

	private static ThrowingConsumer<String> labelledIn(boolean english) throws IOException {
		Properties labels = labels(english);
		return (key) -> assertThat(labels.getProperty(key)).as(key).isNotBlank();
	}

	/** The keys of all modules' bundles of one language. */
	private static Properties labels(boolean english) throws IOException {
		Properties labels = new Properties();
		try (Stream<Path> files = Files.list(BUNDLES)) {
			for (Path bundle : files
				.filter((path) -> path.toString().endsWith(".properties")
						&& path.toString().endsWith("_en.properties") == english)
				.toList()) {
				try (Reader reader = Files.newBufferedReader(bundle, StandardCharsets.UTF_8)) {
					labels.load(reader);
				}
			}
		}
		return labels;
	}

	/** The {@link Auditable} records of the application's code (not of its tests). */
	private static Set<String> auditableEventsOfTheApplication() throws ClassNotFoundException {
		var scanner = new ClassPathScanningCandidateComponentProvider(false);
		scanner.addIncludeFilter(new AssignableTypeFilter(Auditable.class));
		Set<String> events = new TreeSet<>();
		for (BeanDefinition candidate : scanner.findCandidateComponents("fr.atlas")) {
			Class<?> type = ClassUtils.forName(candidate.getBeanClassName(), null);
			if (!type.getProtectionDomain().getCodeSource().getLocation().getPath().contains("test-classes")) {
				events.add(type.getName());
			}
		}
		return events;
	}

}
