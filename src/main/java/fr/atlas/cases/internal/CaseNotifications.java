package fr.atlas.cases.internal;

import fr.atlas.cases.AssigneeNotificationRequested;
import fr.atlas.cases.CaseSlaBreached;
import fr.atlas.cases.MemberMentioned;
import fr.atlas.platform.CurrentTenant;
import fr.atlas.platform.UserId;
import fr.atlas.platform.mail.MailTransport;
import fr.atlas.platform.mail.OutgoingMail;
import fr.atlas.tenancy.Member;
import fr.atlas.tenancy.Members;

import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tells members by e-mail when a note mentions them, when a case of theirs is late, and
 * when a workflow action asks to notify them. Runs asynchronously after the change
 * committed (the event publication registry tracks it). Not an
 * {@code @ApplicationModuleListener}: its transaction would start before the organisation
 * can be bound from the event, hold a connection with no tenant, and a burst of SLA
 * alerts would then exhaust the pool; here each listener binds the tenant and then opens
 * exactly one transaction.
 */
@Component
class CaseNotifications {

	private final Members members;

	private final Cases cases;

	private final MailTransport mail;

	private final TransactionTemplate transactions;

	private final CasesProperties properties;

	CaseNotifications(Members members, Cases cases, MailTransport mail, PlatformTransactionManager transactions,
			CasesProperties properties) {
		this.members = members;
		this.cases = cases;
		this.mail = mail;
		// The listener's own transaction starts before the tenant can be bound from the
		// event;
		// the work runs in a new one that sees the organisation's rows.
		this.transactions = new TransactionTemplate(transactions);
		this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.properties = properties;
	}

	@Async
	@TransactionalEventListener
	void on(MemberMentioned event) {
		CurrentTenant
			.runAs(event.orgId(),
					() -> this.transactions.executeWithoutResult((tx) -> this.members.find(event.mentioned())
						.filter(Member::active)
						.ifPresent((member) -> this.mail.send(new OutgoingMail(member.email(),
								"Vous êtes mentionné dans le dossier " + event.reference(),
								"« " + event.excerpt() + " »\n\n" + link(event.caseId().toString()))))));
	}

	@Async
	@TransactionalEventListener
	void on(CaseSlaBreached event) {
		CurrentTenant
			.runAs(event.orgId(),
					() -> this.transactions
						.executeWithoutResult(
								(tx) -> this.cases.find(event.caseId().value())
									.filter((c) -> c.assigneeId() != null)
									.flatMap((c) -> this.members.find(UserId.of(c.assigneeId())))
									.filter(Member::active)
									.ifPresent((member) -> this.mail.send(new OutgoingMail(member.email(),
											"Délai dépassé : dossier " + event.reference(),
											"Le dossier " + event.reference() + " est resté trop longtemps en état "
													+ event.state() + ".\n\n" + link(event.caseId().toString()))))));
	}

	@Async
	@TransactionalEventListener
	void on(AssigneeNotificationRequested event) {
		CurrentTenant
			.runAs(event.orgId(),
					() -> this.transactions.executeWithoutResult((tx) -> this.cases.find(event.caseId().value())
						.filter((c) -> c.assigneeId() != null)
						.flatMap((c) -> this.members.find(UserId.of(c.assigneeId())))
						.filter(Member::active)
						.ifPresent((member) -> this.mail.send(new OutgoingMail(member.email(),
								"Dossier " + event.reference() + " : " + event.message(),
								event.message() + "\n\n" + link(event.caseId().toString()))))));
	}

	private String link(String caseId) {
		return this.properties.baseUrl() + "/cases/" + caseId;
	}

}
