package fr.atlas.cases.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import fr.atlas.cases.AssigneeNotificationRequested;
import fr.atlas.cases.CaseAssigneeChanged;
import fr.atlas.cases.CaseSlaBreached;
import fr.atlas.cases.CaseSlaEscalated;
import fr.atlas.cases.CaseTaskReminderTriggered;
import fr.atlas.cases.MemberMentioned;
import fr.atlas.cases.internal.Notifications.Kind;
import fr.atlas.cases.internal.Notifications.Wording;
import fr.atlas.cases.internal.Notifications.Wordings;
import fr.atlas.platform.UserId;
import fr.atlas.platform.mail.MailTransport;
import fr.atlas.platform.mail.OutgoingMail;
import fr.atlas.tenancy.Member;
import fr.atlas.tenancy.Members;
import fr.atlas.tenancy.Role;

import org.springframework.context.MessageSource;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells members, in the app and by e-mail, when a note mentions them, when a task's
 * reminder falls due, when a case of theirs is late, when a late case is escalated to the
 * managers and when a workflow action asks to notify them; and in the app only (automatic
 * assignment would flood mailboxes) when a case is given to them. Runs asynchronously
 * after the change committed, tracked by the event publication registry; the organisation
 * of each event is bound before the listener's transaction by the platform's
 * {@code EventTenantBinding}. In-app notices are written in every language, so they read
 * in the one the member has when reading them; e-mails are in the recipient's language.
 * Assignments and workflow notices about something that happened more than a day before
 * it was recorded (backdated work such as demo data) are history, not news, and are not
 * sent.
 */
@Component
class CaseNotifications {

	private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	private static final Duration NEWS = Duration.ofDays(1);

	private final Members members;

	private final Cases cases;

	private final MailTransport mail;

	private final CasesProperties properties;

	private final Notifications notifications;

	private final MessageSource messages;

	private final Clock clock;

	private final Workflows workflows;

	CaseNotifications(Members members, Cases cases, MailTransport mail, CasesProperties properties,
			Notifications notifications, MessageSource messages, Clock clock, Workflows workflows) {
		this.clock = clock;
		this.workflows = workflows;
		this.members = members;
		this.cases = cases;
		this.mail = mail;
		this.properties = properties;
		this.notifications = notifications;
		this.messages = messages;
	}

	@ApplicationModuleListener
	void on(MemberMentioned event) {
		this.members.find(event.mentioned())
			.filter(Member::active)
			.ifPresent(
					(member) -> tell(member, Kind.MENTION, event.caseId().value(),
							Wordings.of((language) -> new Wording(
									text(language, "notification.MENTION.title", event.reference()),
									"« " + event.excerpt() + " »"))));
	}

	@ApplicationModuleListener
	void on(CaseAssigneeChanged event) {
		if (event.assignee().equals(event.assignedBy()) || !news(event.at())) {
			return; // taking a case oneself needs no notice
		}
		CaseFile assigned = this.cases.find(event.caseId().value()).orElse(null);
		if (assigned == null) {
			return;
		}
		String title = assigned.title();
		if (event.batch() != null) {
			this.members.find(event.assignee())
				.filter(Member::active)
				.ifPresent((member) -> tellBatch(event, member, title));
			return;
		}
		this.members.find(event.assignee())
			.filter(Member::active)
			.ifPresent((member) -> this.notifications.create(member.id(), member.locale(), Kind.ASSIGNED, Wordings
				.of((language) -> new Wording(text(language, "notification.ASSIGNED.title", event.reference()), title)),
					"/cases/" + event.caseId(), event.caseId().value()));
	}

	@ApplicationModuleListener
	void on(CaseSlaBreached event) {
		String key = "sla-breach:" + event.caseId() + ":" + event.state() + ":" + event.dueAt();
		activeAssigneeOf(event.caseId().value())
			.ifPresent((member) -> tellOnce(key, member, Kind.SLA_BREACH, event.caseId().value(),
					Wordings.of((language) -> new Wording(
							text(language, "notification.SLA_BREACH.title", event.reference()),
							text(language, "notification.SLA_BREACH.body", event.reference(),
									stateLabel(event.caseId().value(), event.state(), language))))));
	}

	@ApplicationModuleListener
	void on(CaseSlaEscalated event) {
		String assignee = activeAssigneeOf(event.caseId().value()).map(Member::name).orElse("—");
		String key = "sla-escalation:" + event.caseId() + ":" + event.state() + ":" + event.slaDueAt();
		Wordings wordings = Wordings
			.of((language) -> new Wording(text(language, "notification.SLA_ESCALATION.title", event.reference()),
					text(language, "notification.SLA_ESCALATION.body", event.reference(),
							stateLabel(event.caseId().value(), event.state(), language),
							when(language, event.slaDueAt()), assignee)));
		for (Member manager : managers()) {
			tellOnce(key, manager, Kind.SLA_ESCALATION, event.caseId().value(), wordings);
		}
	}

	@ApplicationModuleListener
	void on(CaseTaskReminderTriggered event) {
		String key = "task-reminder:" + event.taskId() + ":" + event.remindAt();
		Wordings wordings = Wordings.of((language) -> new Wording(
				text(language, "notification.TASK_REMINDER.title", event.title(), event.reference()),
				(event.dueAt() != null)
						? text(language, "notification.TASK_REMINDER.body-due", event.title(), event.reference(),
								when(language, event.dueAt()))
						: text(language, "notification.TASK_REMINDER.body", event.title(), event.reference())));
		this.members.find(event.recipient())
			.filter(Member::active)
			.ifPresent((member) -> tellOnce(key, member, Kind.TASK_REMINDER, event.caseId().value(), wordings));
	}

	@ApplicationModuleListener
	void on(AssigneeNotificationRequested event) {
		if (!news(event.at())) {
			return;
		}
		activeAssigneeOf(event.caseId().value())
			.ifPresent((member) -> tell(member, Kind.WORKFLOW, event.caseId().value(),
					Wordings.of((language) -> new Wording(
							text(language, "notification.WORKFLOW.title", event.reference(), event.message()),
							event.message()))));
	}

	/** The state as {@code language} names it, its key if the case is gone. */
	private String stateLabel(UUID caseId, String state, Locale language) {
		return this.cases.find(caseId)
			.flatMap((c) -> this.workflows.engine(c.caseType(), c.workflowVersion()).definition().state(state))
			.map((definition) -> definition.label(language.getLanguage()))
			.orElse(state);
	}

	private boolean news(Instant at) {
		return at.isAfter(this.clock.instant().minus(NEWS));
	}

	/**
	 * The in-app notification, in every language, and the e-mail, with the same words in
	 * the member's.
	 */
	private void tell(Member member, Kind kind, UUID caseId, Wordings wordings) {
		String path = "/cases/" + caseId;
		this.notifications.create(member.id(), member.locale(), kind, wordings, path, caseId);
		mail(member, wordings, path);
	}

	/**
	 * Like {@link #tell}, but only the first time for this cause: when the registry hands
	 * the event over again, neither the notification nor the e-mail is repeated.
	 */
	private void tellOnce(String key, Member member, Kind kind, UUID caseId, Wordings wordings) {
		String path = "/cases/" + caseId;
		if (this.notifications.createOnce(key, member.id(), member.locale(), kind, wordings, path, caseId)) {
			mail(member, wordings, path);
		}
	}

	private void mail(Member member, Wordings wordings, String path) {
		Wording wording = wordings.in(member.locale());
		this.mail.send(new OutgoingMail(member.email(), wording.title(),
				wording.body() + "\n\n" + this.properties.baseUrl() + path));
	}

	/**
	 * One notice, in the app as for one case, for all the cases an operation gave the
	 * member (the first case's event says it; the others find it said), leading to the
	 * member's cases.
	 */
	private void tellBatch(CaseAssigneeChanged event, Member member, String firstTitle) {
		this.notifications.createOnce("assigned-batch:" + event.batch() + ":" + member.id().value(), member.id(),
				member.locale(), Kind.ASSIGNED,
				Wordings.of((language) -> new Wording(text(language, "notification.ASSIGNED.batch.title"),
						text(language, "notification.ASSIGNED.batch.body", firstTitle))),
				"/cases?assignee=" + member.id().value(), null);
	}

	/**
	 * Who a late case is escalated to: the active managers, administrators and owners.
	 */
	private List<Member> managers() {
		return this.members.active().stream().filter((m) -> m.has(Role.MANAGER)).toList();
	}

	private Optional<Member> activeAssigneeOf(UUID caseId) {
		return this.cases.find(caseId)
			.filter((c) -> c.assigneeId() != null)
			.flatMap((c) -> this.members.find(UserId.of(c.assigneeId())))
			.filter(Member::active);
	}

	/**
	 * A time as the pages write it in that language ({@code format.datetime}):
	 * "06/12/2026 14:30" in French, "6 Dec 2026, 14:30" in English, where an English
	 * reader got the French day first, which reads as the 12th of June (ADR 0111).
	 */
	private String when(Locale language, Instant at) {
		return DateTimeFormatter.ofPattern(text(language, "format.datetime"), language).withZone(PARIS).format(at);
	}

	private String text(Locale language, String code, Object... arguments) {
		return this.messages.getMessage(code, arguments, code, language);
	}

}
