package fr.atlas.cases.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import fr.atlas.cases.CalendarFeedIssued;
import fr.atlas.cases.internal.AppointmentInvitation.FeedEntry;
import fr.atlas.platform.CurrentTenant;
import fr.atlas.platform.OrgId;
import fr.atlas.platform.UserId;
import fr.atlas.tenancy.Member;
import fr.atlas.tenancy.Feature;
import fr.atlas.tenancy.Features;
import fr.atlas.tenancy.MemberActivationChanged;
import fr.atlas.tenancy.Members;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Each member's secret calendar feed: the appointments of the cases they are assigned to
 * or take part in, for any calendar application to subscribe to. The token is the only
 * credential, so only its SHA-256 is stored and a new one replaces the old.
 */
@Service
public class CalendarFeeds {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	private final Features features;

	private final TransactionTemplate transactions;

	private final Members members;

	private final ApplicationEventPublisher events;

	private final CasesProperties properties;

	private final Clock clock;

	private final MessageSource messages;

	CalendarFeeds(JdbcClient jdbc, TransactionTemplate transactions, Members members, Features features,
			ApplicationEventPublisher events, CasesProperties properties, Clock clock, MessageSource messages) {
		this.messages = messages;
		this.jdbc = jdbc;
		this.features = features;
		this.transactions = transactions;
		this.members = members;
		this.events = events;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Issues a new feed URL for the member of the current organisation, invalidating the
	 * previous one. The URL is shown once: it cannot be read back.
	 */
	public String issue(UserId member) {
		String token = "cal_" + Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes());
		OrgId org = CurrentTenant.require();
		this.transactions.executeWithoutResult((tx) -> {
			this.jdbc.sql("""
					insert into case_calendar_feed (org_id, user_id, token_hash, created_at)
					values (:org, :user, :hash, :now)
					on conflict (org_id, user_id) do update set token_hash = excluded.token_hash,
					    created_at = excluded.created_at""")
				.param("org", org.value())
				.param("user", member.value())
				.param("hash", hash(token))
				.param("now", Timestamp.from(this.clock.instant()))
				.update();
			this.events.publishEvent(new CalendarFeedIssued(org, member));
		});
		return this.properties.baseUrl() + "/cases/calendar/" + token + ".ics";
	}

	/** The calendar behind a token, or empty if the token is unknown or replaced. */
	public Optional<String> calendar(String token) {
		Optional<Owner> owner = this.transactions
			.execute((tx) -> this.jdbc.sql("select org_id, user_id from atlas_case_calendar_feed_lookup(?)")
				.param(hash(token))
				.query((rs, row) -> new Owner(OrgId.of(rs.getObject("org_id", UUID.class)),
						UserId.of(rs.getObject("user_id", UUID.class))))
				.optional());
		if (owner == null || owner.isEmpty()) {
			return Optional.empty();
		}
		// with cases switched off the link answers as an unknown one does: there is no
		// feed to serve, and nothing tells an outsider more than that
		return CurrentTenant.callAs(owner.get().org(),
				() -> this.transactions.execute((tx) -> this.features.isEnabled(Feature.CASES)
						? this.members.find(owner.get().user()).map(this::calendarOf) : Optional.<String>empty()));
	}

	/**
	 * A deactivated member's link dies as their API tokens do: it served the appointments
	 * of their cases, clients' names and addresses, to someone who no longer signs in.
	 * Back in, they ask for a new one.
	 */
	@ApplicationModuleListener
	void on(MemberActivationChanged event) {
		if (!event.active()) {
			this.jdbc.sql("delete from case_calendar_feed where user_id = ?").param(event.userId().value()).update();
		}
	}

	private String calendarOf(Member member) {
		List<FeedEntry> entries = this.jdbc.sql("""
				select a.id, a.case_id, a.title, a.starts_at, a.ends_at, a.place, a.participants, a.outcome,
				    a.outcome_at, a.created_at, c.reference, c.title as case_title
				from case_appointment a
				join case_file c on c.org_id = a.org_id and c.id = a.case_id
				where c.assignee_id = :user
				   or exists (select 1 from unnest(a.participants) p
				              where lower(trim(p)) in (lower(:email), lower(:name)))
				order by a.starts_at""")
			.param("user", member.id().value())
			.param("email", member.email())
			.param("name", member.name())
			.query((rs, row) -> new FeedEntry(CaseWork.appointment(rs, row), rs.getString("reference"),
					rs.getString("case_title")))
			.list();
		// a feed has no reader's request: the member's own language names the outcomes
		return AppointmentInvitation.calendar("Atlas · " + member.name(), entries, this.clock.instant(),
				CaseWork.outcomeLabels(this.messages, Locale.forLanguageTag(member.locale())));
	}

	static String hash(String token) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static byte[] randomBytes() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return bytes;
	}

	private record Owner(OrgId org, UserId user) {
	}

}
