package fr.atlas.cases.internal;

import java.util.Optional;
import java.util.UUID;

import fr.atlas.cases.AssigneeNotificationRequested;
import fr.atlas.cases.CaseSlaBreached;
import fr.atlas.cases.MemberMentioned;
import fr.atlas.platform.UserId;
import fr.atlas.platform.mail.MailTransport;
import fr.atlas.platform.mail.OutgoingMail;
import fr.atlas.tenancy.Member;
import fr.atlas.tenancy.Members;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells members by e-mail when a note mentions them, when a case of theirs is late, and
 * when a workflow action asks to notify them. Runs asynchronously after the change
 * committed, tracked by the event publication registry; the organisation of each event is
 * bound before the listener's transaction by the platform's {@code EventTenantBinding}.
 */
@Component
class CaseNotifications {

	private final Members members;

	private final Cases cases;

	private final MailTransport mail;

	private final CasesProperties properties;

	CaseNotifications(Members members, Cases cases, MailTransport mail, CasesProperties properties) {
		this.members = members;
		this.cases = cases;
		this.mail = mail;
		this.properties = properties;
	}

	@ApplicationModuleListener
	void on(MemberMentioned event) {
		this.members.find(event.mentioned())
			.filter(Member::active)
			.ifPresent((member) -> this.mail
				.send(new OutgoingMail(member.email(), "Vous êtes mentionné dans le dossier " + event.reference(),
						"« " + event.excerpt() + " »\n\n" + link(event.caseId().toString()))));
	}

	@ApplicationModuleListener
	void on(CaseSlaBreached event) {
		activeAssigneeOf(event.caseId().value()).ifPresent((member) -> this.mail
			.send(new OutgoingMail(member.email(), "Délai dépassé : dossier " + event.reference(),
					"Le dossier " + event.reference() + " est resté trop longtemps en état " + event.state() + ".\n\n"
							+ link(event.caseId().toString()))));
	}

	@ApplicationModuleListener
	void on(AssigneeNotificationRequested event) {
		activeAssigneeOf(event.caseId().value()).ifPresent((member) -> this.mail
			.send(new OutgoingMail(member.email(), "Dossier " + event.reference() + " : " + event.message(),
					event.message() + "\n\n" + link(event.caseId().toString()))));
	}

	private Optional<Member> activeAssigneeOf(UUID caseId) {
		return this.cases.find(caseId)
			.filter((c) -> c.assigneeId() != null)
			.flatMap((c) -> this.members.find(UserId.of(c.assigneeId())))
			.filter(Member::active);
	}

	private String link(String caseId) {
		return this.properties.baseUrl() + "/cases/" + caseId;
	}

}
