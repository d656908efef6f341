package fr.atlas.cases.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import fr.atlas.platform.CurrentTenant;
import fr.atlas.platform.Languages;
import fr.atlas.platform.NotFoundException;
import fr.atlas.platform.UserId;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * In-app notifications of the members of the current organisation. Every read and every
 * change names the recipient, so a member only ever sees and marks their own; another
 * member's notification is "not found", as another organisation's is (RLS).
 */
@Service
@Transactional
public class Notifications {

	/**
	 * Each in the reader's language ({@code :language}) when the notification was written
	 * in it.
	 */
	private static final String COLUMNS = """
			id, kind, coalesce(wording #>> array[cast(:language as text), 'title'], title) as title,
			coalesce(wording #>> array[cast(:language as text), 'body'], body) as body, link, case_id, created_at, read_at""";

	private final JdbcClient jdbc;

	private final Clock clock;

	private final CaseJson json;

	Notifications(JdbcClient jdbc, Clock clock, CaseJson json) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.json = json;
	}

	public enum Kind {

		MENTION, SLA_BREACH, SLA_ESCALATION, ASSIGNED, WORKFLOW, TASK_REMINDER

	}

	public record Notification(UUID id, Kind kind, String title, String body, @Nullable String link,
			@Nullable UUID caseId, Instant createdAt, @Nullable Instant readAt) {

		public boolean unread() {
			return this.readAt == null;
		}

	}

	/** A title and a body in one language. */
	public record Wording(String title, String body) {
	}

	/**
	 * What a notification says, in each language of the application, so that it reads in
	 * the language its recipient has when they read it, not the one they had when it was
	 * written.
	 */
	public record Wordings(Map<String, Wording> byLanguage) {

		public Wordings {
			byLanguage = Map.copyOf(byLanguage);
		}

		/** Each supported language's wording, from what {@code wording} says in it. */
		public static Wordings of(Function<Locale, Wording> wording) {
			Map<String, Wording> all = new LinkedHashMap<>();
			for (Locale language : Languages.SUPPORTED) {
				all.put(language.getLanguage(), wording.apply(language));
			}
			return new Wordings(all);
		}

		public Wording in(String language) {
			Wording wording = this.byLanguage.get(language);
			return (wording != null) ? wording : this.byLanguage.get(Languages.DEFAULT.getLanguage());
		}

	}

	public record NotificationPage(List<Notification> items, int page, int size, long total, long unread) {
	}

	/**
	 * Writes a notification; {@code language} is the recipient's, the one whose wording
	 * stands for a language the wordings lack.
	 */
	public UUID create(UserId recipient, String language, Kind kind, Wordings wordings, @Nullable String link,
			@Nullable UUID caseId) {
		UUID id = UUID.randomUUID();
		create(id, recipient, language, kind, wordings, link, caseId, null);
		return id;
	}

	/**
	 * Creates a notification unless the recipient already has one with this
	 * {@code dedupeKey} (the same cause, an event handled twice); returns whether it did.
	 */
	public boolean createOnce(String dedupeKey, UserId recipient, String language, Kind kind, Wordings wordings,
			@Nullable String link, @Nullable UUID caseId) {
		return create(UUID.randomUUID(), recipient, language, kind, wordings, link, caseId, dedupeKey);
	}

	private boolean create(UUID id, UserId recipient, String language, Kind kind, Wordings wordings,
			@Nullable String link, @Nullable UUID caseId, @Nullable String dedupeKey) {
		Map<String, Wording> stored = new LinkedHashMap<>();
		wordings.byLanguage().forEach((code, wording) -> stored.put(code, shortened(wording)));
		Wording own = shortened(wordings.in(language));
		return this.jdbc.sql("""
				insert into case_notification (org_id, id, recipient_id, kind, title, body, wording, link, case_id,
				    dedupe_key, created_at)
				values (:org, :id, :recipient, :kind, :title, :body, :wording::jsonb, :link, :case, :dedupe, :now)
				on conflict (org_id, recipient_id, dedupe_key) where dedupe_key is not null do nothing""")
			.param("org", CurrentTenant.require().value())
			.param("id", id)
			.param("recipient", recipient.value())
			.param("kind", kind.name())
			.param("title", own.title())
			.param("body", own.body())
			.param("wording", this.json.write(stored))
			.param("link", link)
			.param("case", caseId)
			.param("dedupe", dedupeKey)
			.param("now", Timestamp.from(this.clock.instant()))
			.update() == 1;
	}

	/** A page of the recipient's notifications, in {@code language}. */
	@Transactional(readOnly = true)
	public NotificationPage of(UserId recipient, String language, boolean unreadOnly, int page, int size) {
		int limit = Math.min(Math.max(size, 1), 200);
		// a far page is past the end, not an offset that wrapped round below zero
		long offset = (long) Math.max(page, 0) * limit;
		String filter = unreadOnly ? " and read_at is null" : "";
		List<Notification> items = this.jdbc
			.sql("select " + COLUMNS + " from case_notification where recipient_id = :me" + filter
					+ " order by created_at desc, id limit :limit offset :offset")
			.param("language", language)
			.param("me", recipient.value())
			.param("limit", limit)
			.param("offset", offset)
			.query(Notifications::map)
			.list();
		long total = this.jdbc.sql("select count(*) from case_notification where recipient_id = :me" + filter)
			.param("me", recipient.value())
			.query(Long.class)
			.single();
		return new NotificationPage(items, Math.max(page, 0), limit, total, unreadCount(recipient));
	}

	@Transactional(readOnly = true)
	public long unreadCount(UserId recipient) {
		return this.jdbc.sql("select count(*) from case_notification where recipient_id = ? and read_at is null")
			.param(recipient.value())
			.query(Long.class)
			.single();
	}

	/**
	 * Marks one of the recipient's notifications read (again, harmlessly); in
	 * {@code language}.
	 */
	public Notification markRead(UserId recipient, String language, UUID id) {
		this.jdbc.sql("""
				update case_notification set read_at = coalesce(read_at, ?)
				where id = ? and recipient_id = ?""")
			.params(Timestamp.from(this.clock.instant()), id, recipient.value())
			.update();
		return this.jdbc.sql("select " + COLUMNS + " from case_notification where id = :id and recipient_id = :me")
			.param("language", language)
			.param("id", id)
			.param("me", recipient.value())
			.query(Notifications::map)
			.optional()
			.orElseThrow(() -> new NotFoundException("Notification"));
	}

	/** Marks every unread notification of the recipient read; returns how many. */
	public int markAllRead(UserId recipient) {
		return this.jdbc.sql("update case_notification set read_at = ? where recipient_id = ? and read_at is null")
			.params(Timestamp.from(this.clock.instant()), recipient.value())
			.update();
	}

	private static Notification map(ResultSet rs, int row) throws SQLException {
		Timestamp read = rs.getTimestamp("read_at");
		return new Notification(rs.getObject("id", UUID.class), Kind.valueOf(rs.getString("kind")),
				rs.getString("title"), rs.getString("body"), rs.getString("link"), rs.getObject("case_id", UUID.class),
				rs.getTimestamp("created_at").toInstant(), (read != null) ? read.toInstant() : null);
	}

	private static Wording shortened(Wording wording) {
		return new Wording(shorten(wording.title(), 300), shorten(wording.body(), 4000));
	}

	private static String shorten(String text, int max) {
		return (text.length() > max) ? text.substring(0, max - 1) + "…" : text;
	}

}
