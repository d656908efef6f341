package fr.atlas.platform.internal;

import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import fr.atlas.cases.CalendarFeedIssued;
import fr.atlas.cases.CaseCreated;
import fr.atlas.cases.CaseId;
import fr.atlas.platform.OrgId;
import fr.atlas.platform.UserId;
import fr.atlas.prospects.ImportJobFinished;
import fr.atlas.tenancy.AccountLocked;
import fr.atlas.tenancy.MemberSignedIn;
import fr.atlas.tenancy.SignInFailed;
import fr.atlas.tenancy.SignInRefused;
import fr.atlas.tenancy.SignInMethod;
import fr.atlas.tenancy.ApiTokenCreated;
import fr.atlas.tenancy.ApiTokenRevoked;
import fr.atlas.tenancy.InvitationRevoked;
import fr.atlas.tenancy.MemberInvited;
import fr.atlas.tenancy.OrganisationCreated;
import fr.atlas.tenancy.PasswordChanged;
import fr.atlas.tenancy.PasswordResetRequested;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.modulith.events.EventExternalizationConfiguration;
import org.springframework.util.ClassUtils;

import static org.assertj.core.api.Assertions.assertThat;

class ExternalizedEventsTests {

	static final OrgId ORG = OrgId.of("0198c2a4-1111-7000-8000-000000000001");

	static final UserId USER = UserId.of("0198c2a4-2222-7000-8000-000000000002");

	EventExternalizationConfiguration configuration = ExternalizedEvents.configuration("atlas.events");

	@Test
	void sendsThePublicEventsOfModulesToTheExchangeUnderModuleAndName() {
		var caseCreated = new CaseCreated(ORG, CaseId.random(), "LEAD_ACHAT", "LA-2026-0001", "NEW");
		var importFinished = new ImportJobFinished(ORG, UUID.randomUUID(), "DONE", 10, 2, 1);
		var organisationCreated = new OrganisationCreated(ORG, "Agence du Port", USER, "owner@example.test");
		assertThat(List.of(caseCreated, importFinished, organisationCreated)).allMatch(this.configuration::supports);
		assertThat(this.configuration.determineTarget(caseCreated).getTarget()).isEqualTo("atlas.events");
		assertThat(this.configuration.determineTarget(caseCreated).getKey()).isEqualTo("cases.CaseCreated");
		assertThat(this.configuration.determineTarget(importFinished).getKey())
			.isEqualTo("prospects.ImportJobFinished");
		assertThat(this.configuration.determineTarget(organisationCreated).getKey())
			.isEqualTo("tenancy.OrganisationCreated");
		assertThat(this.configuration.map(caseCreated)).isSameAs(caseCreated);
	}

	@Test
	void keepsEventsAboutCredentialsAndInvitationsInside() {
		List<Object> credentials = List.of(new PasswordResetRequested(ORG, USER), new PasswordChanged(ORG, USER, true),
				new ApiTokenCreated(ORG, UUID.randomUUID(), USER, "cli", false),
				new ApiTokenRevoked(ORG, UUID.randomUUID(), USER), new AccountLocked(ORG, USER, 5),
				new MemberInvited(ORG, UUID.randomUUID(), "invitee@example.test", "AGENT"),
				new InvitationRevoked(ORG, UUID.randomUUID(), "invitee@example.test",
						InvitationRevoked.Reason.INVITER_LEFT),
				new CalendarFeedIssued(ORG, USER), new MemberSignedIn(ORG, USER, SignInMethod.FORM),
				new SignInFailed(ORG, USER, SignInMethod.FORM, 1), new SignInRefused(ORG, USER, SignInMethod.FORM));
		assertThat(credentials).noneMatch(this.configuration::supports);
	}

	@Test
	void keepsEverythingOutsideTheModulesRootPackagesInside() {
		record Internal(OrgId orgId) {
		}
		assertThat(this.configuration.supports(new Internal(ORG))).isFalse();
		assertThat(this.configuration.supports("cases.CaseCreated")).isFalse();
		assertThat(
				this.configuration.supports(new ApplicationReadyEvent(new org.springframework.boot.SpringApplication(),
						new String[0], null, java.time.Duration.ZERO)))
			.isFalse();
	}

	@Test
	void readsTheOrganisationOfAnEvent() {
		assertThat(ExternalizedEvents.organisation(new PasswordResetRequested(ORG, USER))).contains(ORG);
		record WithoutOrganisation(Instant at) {
		}
		assertThat(ExternalizedEvents.organisation(new WithoutOrganisation(Instant.EPOCH))).isEmpty();
		assertThat(ExternalizedEvents.organisation("no record")).isEmpty();
	}

	@Test
	void noSentEventHasAComponentNamedLikeASecret() throws ClassNotFoundException {
		// a guard for events added later: one carrying a token or a link must be marked
		// @NeverExternalized before it can pass
		Pattern secretLike = Pattern.compile("(?i).*(token|password|secret|link|url)$");
		var scanner = new ClassPathScanningCandidateComponentProvider(false) {
			@Override
			protected boolean isCandidateComponent(
					org.springframework.beans.factory.annotation.AnnotatedBeanDefinition definition) {
				return definition.getMetadata().isIndependent();
			}
		};
		scanner.addIncludeFilter((reader, factory) -> true);
		int sent = 0;
		for (BeanDefinition candidate : scanner.findCandidateComponents("fr.atlas")) {
			Class<?> type = ClassUtils.forName(candidate.getBeanClassName(), null);
			boolean testClass = type.getProtectionDomain()
				.getCodeSource()
				.getLocation()
				.getPath()
				.contains("test-classes");
			if (testClass || !ExternalizedEvents.selected(type)) {
				continue;
			}
			sent++;
			assertThat(Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName)).as(type.getName())
				.noneMatch((name) -> secretLike.matcher(name).matches());
		}
		assertThat(sent).isGreaterThan(20);
	}

}
