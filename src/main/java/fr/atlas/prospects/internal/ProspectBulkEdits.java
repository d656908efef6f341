package fr.atlas.prospects.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import fr.atlas.platform.AgencyWork;
import fr.atlas.platform.CurrentTenant;
import fr.atlas.platform.InvalidInputException;
import fr.atlas.platform.InvalidInputException.FieldProblem;
import fr.atlas.platform.TimeOrderedIds;
import fr.atlas.prospects.ProspectsBulkEdited;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changes many agencies at once: hands them to a member (or to nobody), deals them out
 * among members, adds or removes tags, archives or restores them, or starts another
 * module's work on each ({@link AgencyWorks}: a prospection case). The agencies are
 * chosen by id (at most {@link #MOST}) or by a search of the list, active ones only
 * (archived ones for a restore), and frozen in name order when the operation is asked
 * for. Up to {@code atlas.prospects.bulk-inline-limit} agencies change in the request's
 * transaction; more (up to {@link #JOB_MOST}) are handed to a background job
 * ({@link ProspectBulkJobs}) that applies the same changes chunk by chunk. Each agency
 * that changes gets its source lines (kind USER) and a new version; the operation is one
 * audit entry.
 */
@Service
@Transactional
public class ProspectBulkEdits {

	/** The most agencies a request may name by id. */
	public static final int MOST = 10_000;

	/** The most agencies one operation may change, in the background. */
	public static final int JOB_MOST = 1_000_000;

	private static final Set<String> CHANGES = Set.of("owner", "owners", "addTags", "removeTags", "archive", "restore",
			"reason", "startWork");

	private final JdbcClient jdbc;

	private final ProspectSearch search;

	private final Agencies agencies;

	private final Owners owners;

	private final ProspectArchives archives;

	private final ProspectBulkJobs jobs;

	private final AgencyWorks works;

	private final ApplicationEventPublisher events;

	private final int inlineLimit;

	ProspectBulkEdits(JdbcClient jdbc, ProspectSearch search, Agencies agencies, Owners owners,
			ProspectArchives archives, ProspectBulkJobs jobs, AgencyWorks works, ApplicationEventPublisher events,
			ProspectsProperties properties) {
		this.archives = archives;
		this.jdbc = jdbc;
		this.search = search;
		this.agencies = agencies;
		this.owners = owners;
		this.jobs = jobs;
		this.works = works;
		this.events = events;
		this.inlineLimit = properties.bulkInlineLimit();
	}

	/**
	 * Applies {@code changes} ({@code owner}: a member's id, null or "" for nobody; or
	 * {@code owners}: members to deal the agencies out among; {@code addTags},
	 * {@code removeTags}: lists, or one string; {@code archive: true} with an optional
	 * {@code reason}, or {@code restore: true}; {@code startWork}: the key of an offered
	 * {@link AgencyWork}) to the selected agencies, now or, for many of them, in a
	 * background job. Archiving comes after the other changes, restoring before them, and
	 * a restore chooses among the archived agencies instead of the active ones.
	 */
	public Result apply(Selection selection, Map<String, @Nullable Object> changes, @Nullable UUID by) {
		List<FieldProblem> problems = new ArrayList<>();
		BulkChanges checked = checked(changes, problems);
		List<UUID> ids = chosen(selection, checked.chosenStatus(), problems);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		if (ids.size() > checked.perTransaction(this.inlineLimit)) {
			return new Queued(this.jobs.queue(ids, checked, by), ids.size());
		}
		UUID operation = TimeOrderedIds.next();
		int updated = change(operation, ids.toArray(UUID[]::new), checked, by, 0).size();
		audit(operation, updated, checked);
		return new Outcome(ids.size(), updated);
	}

	/**
	 * The one audit entry of an operation that changed something ({@code operation}: a
	 * job's id, so that its two entries name the same thing).
	 */
	void audit(UUID operation, int updated, BulkChanges changes) {
		if (updated > 0) {
			this.events
				.publishEvent(new ProspectsBulkEdited(CurrentTenant.require(), operation, updated, changes.fields()));
		}
	}

	private BulkChanges checked(Map<String, @Nullable Object> changes, List<FieldProblem> problems) {
		TypedRow.checkFields(changes, CHANGES, "prospects.bulk.nothing", problems);
		UUID owner = this.owners.of(changes.get("owner"), problems);
		List<UUID> dealtTo = changes.containsKey("owners") ? dealtTo(changes, problems) : List.of();
		List<String> added = tags(changes.get("addTags"), "addTags", problems);
		List<String> removed = tags(changes.get("removeTags"), "removeTags", problems);
		boolean archive = flag(changes, "archive", problems);
		boolean restore = flag(changes, "restore", problems);
		String reason = ProspectArchives.reason(changes.get("reason"), problems);
		if (archive && restore) {
			problems.add(new FieldProblem("restore", "prospects.bulk.archive-and-restore"));
		}
		if (reason != null && !archive) {
			problems.add(new FieldProblem("reason", "prospects.bulk.reason-without-archive"));
		}
		String work = work(changes.get("startWork"), problems);
		if (work != null && archive) {
			problems.add(new FieldProblem("startWork", "prospects.bulk.work-and-archive"));
		}
		return new BulkChanges(changes.containsKey("owner"), owner, dealtTo, added, removed, archive, restore, reason,
				work);
	}

	/** The key of work the organisation is offered, or null when none is asked. */
	private @Nullable String work(@Nullable Object value, List<FieldProblem> problems) {
		if (value == null || (value instanceof String text && text.isBlank())) {
			return null;
		}
		String key = String.valueOf(value).strip();
		if (value instanceof String && this.works.offered(key).isPresent()) {
			return key;
		}
		List<String> offered = this.works.offered().stream().map(AgencyWork::key).toList();
		problems.add(new FieldProblem("startWork", "prospects.bulk.work-unknown", key,
				offered.isEmpty() ? "–" : String.join(", ", offered)));
		return null;
	}

	/**
	 * Applies the changes to {@code chosen}, in the order they were chosen, and returns
	 * the agencies that changed. {@code operation}: the operation's id (a job's), the
	 * same for all its chunks. {@code dealtBefore}: how many agencies of the operation
	 * were dealt out before these, so that a job's chunks take their turns where the
	 * previous chunk stopped.
	 */
	Set<UUID> change(UUID operation, UUID[] chosen, BulkChanges changes, @Nullable UUID by, long dealtBefore) {
		Set<UUID> updated = new LinkedHashSet<>();
		List<Agencies.FieldSource> sources = new ArrayList<>();
		if (changes.restore()) {
			updated.addAll(this.archives.restoreAll(chosen, by));
		}
		if (changes.setOwner()) {
			UUID owner = changes.owner();
			List<UUID> owned = this.jdbc.sql("""
					update agency set owner_id = :owner, updated_at = now(), version = version + 1
					where org_id = :org and id = any(:ids) and status = 'ACTIVE' and owner_id is distinct from :owner
					returning id""")
				.param("owner", owner)
				.param("org", org())
				.param("ids", chosen)
				.query(UUID.class)
				.list();
			owned.forEach((id) -> sources.add(source(id, "owner_id", (owner != null) ? owner.toString() : "", by)));
			updated.addAll(owned);
		}
		if (!changes.owners().isEmpty()) {
			Map<UUID, UUID> dealt = deal(chosen, changes.owners(), dealtBefore);
			dealt.forEach((id, member) -> sources.add(source(id, "owner_id", member.toString(), by)));
			updated.addAll(dealt.keySet());
		}
		if (!changes.addTags().isEmpty() || !changes.removeTags().isEmpty()) {
			Map<UUID, String> tagged = tagged(chosen, changes.addTags(), changes.removeTags());
			tagged.forEach((id, tags) -> sources.add(source(id, "tags", tags, by)));
			updated.addAll(tagged.keySet());
		}
		this.agencies.addSources(sources);
		if (changes.work() != null) {
			// a module switched off since the job was queued stops it, with the reason
			AgencyWork work = this.works.offered(changes.work())
				.orElseThrow(() -> new InvalidInputException("startWork", "prospects.bulk.work-unknown", changes.work(),
						"–"));
			updated.addAll(work.start(this.search.facts(chosen), by, operation));
		}
		if (changes.archive()) {
			updated.addAll(this.archives.archiveAll(chosen, changes.reason(), by));
		}
		return updated;
	}

	/**
	 * Deals the agencies out in turn, in the order chosen (by name), to the members
	 * given, so that each gets as many (give or take one); returns the agencies whose
	 * owner changed, with their new owner.
	 */
	private Map<UUID, UUID> deal(UUID[] ids, List<UUID> members, long dealtBefore) {
		Map<UUID, UUID> dealt = new LinkedHashMap<>();
		this.jdbc.sql("""
				with dealt as (
				  select x.id, (:members::uuid[])[((x.n - 1 + :before) % :count) + 1] as owner
				  from unnest(:ids::uuid[]) with ordinality as x(id, n))
				update agency a set owner_id = d.owner, updated_at = now(), version = a.version + 1
				from dealt d
				where a.org_id = :org and a.id = d.id and a.status = 'ACTIVE' and a.owner_id is distinct from d.owner
				returning a.id, a.owner_id""")
			.param("count", members.size())
			.param("before", dealtBefore)
			.param("members", members.toArray(UUID[]::new))
			.param("org", org())
			.param("ids", ids)
			.query((RowCallbackHandler) (rs) -> dealt.put(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)));
		return dealt;
	}

	/** The members to deal agencies out to: at least one, each an active member. */
	private List<UUID> dealtTo(Map<String, @Nullable Object> changes, List<FieldProblem> problems) {
		if (changes.containsKey("owner")) {
			problems.add(new FieldProblem("owners", "prospects.bulk.owner-and-owners"));
			return List.of();
		}
		List<UUID> members = new ArrayList<>();
		for (String value : TypedRow.list(changes.get("owners"), "owners", problems)) {
			UUID member = this.owners.of(value, problems);
			if (member != null && !members.contains(member)) {
				members.add(member);
			}
		}
		if (members.isEmpty() && problems.isEmpty()) {
			problems.add(new FieldProblem("owners", "prospects.bulk.owners-empty"));
		}
		return members;
	}

	/**
	 * Adds the tags an agency lacks (ignoring case, in the order given) and removes those
	 * asked, in one statement; returns each changed agency's new tags.
	 */
	private Map<UUID, String> tagged(UUID[] ids, List<String> added, List<String> removed) {
		Map<UUID, String> changed = new LinkedHashMap<>();
		this.jdbc.sql("""
				with wanted as (
				  select a.id,
				    array(select e from unnest(a.tags) with ordinality as x(e, n)
				          where lower(e) <> all(:removed::text[]) order by n)
				    || array(select t from unnest(:added::text[]) with ordinality as x(t, n)
				          where lower(t) <> all(select lower(e) from unnest(a.tags) e) order by n) as tags
				  from agency a
				  where a.org_id = :org and a.id = any(:ids) and a.status = 'ACTIVE')
				update agency a set tags = w.tags, updated_at = now(), version = a.version + 1
				from wanted w
				where a.org_id = :org and a.id = w.id and a.tags is distinct from w.tags
				returning a.id, a.tags""")
			.param("removed", removed.stream().map((tag) -> tag.toLowerCase(Locale.ROOT)).toArray(String[]::new))
			.param("added", added.toArray(String[]::new))
			.param("org", org())
			.param("ids", ids)
			.query((RowCallbackHandler) (rs) -> changed.put(rs.getObject(1, UUID.class),
					String.join(",", Agencies.strings(rs.getArray(2)))));
		return changed;
	}

	private static boolean flag(Map<String, @Nullable Object> changes, String field, List<FieldProblem> problems) {
		Object value = changes.get(field);
		if (value == null || value instanceof Boolean) {
			return Boolean.TRUE.equals(value);
		}
		problems.add(new FieldProblem(field, "prospects.bulk.not-a-flag"));
		return false;
	}

	/**
	 * The agencies chosen, with the status the operation works on, in name order (the
	 * order agencies are dealt out in).
	 */
	private List<UUID> chosen(Selection selection, String status, List<FieldProblem> problems) {
		if ((selection.ids() == null) == (selection.filter() == null)) {
			problems.add(new FieldProblem("ids", "prospects.bulk.selection"));
			return List.of();
		}
		if (selection.ids() != null) {
			List<UUID> given = List.copyOf(new LinkedHashSet<>(selection.ids()));
			if (given.size() > MOST) {
				problems.add(new FieldProblem("ids", "prospects.bulk.too-many", MOST));
				return List.of();
			}
			return this.jdbc
				.sql("select a.id from agency a where a.org_id = :org and a.id = any(:ids)"
						+ " and a.status = :status order by " + ProspectQuery.NAME + " nulls last, a.id")
				.param("org", org())
				.param("ids", given.toArray(UUID[]::new))
				.param("status", status)
				.query(UUID.class)
				.list();
		}
		List<UUID> ids = this.search.idsByName(selection.filter().withStatus(status), JOB_MOST + 1);
		if (ids.size() > JOB_MOST) {
			problems.add(new FieldProblem("filter", "prospects.bulk.too-many", JOB_MOST));
		}
		return ids;
	}

	/** Tags cleaned as an import cleans them. */
	private static List<String> tags(@Nullable Object value, String field, List<FieldProblem> problems) {
		List<String> values = TypedRow.list(value, field, problems);
		if (values.isEmpty()) {
			return List.of();
		}
		AgencyValues agency = new TypedRow().column(ImportField.NAME, "agence")
			.column(ImportField.TAGS, String.join(",", values))
			.normalise()
			.agency();
		return (agency != null) ? agency.tags() : List.of();
	}

	private static Agencies.FieldSource source(UUID agency, String field, String value, @Nullable UUID by) {
		return new Agencies.FieldSource(agency, field, value, "USER", null, null, by, null);
	}

	private static UUID org() {
		return CurrentTenant.require().value();
	}

	/** The agencies to change: by id, or every one a search of the list finds. */
	public record Selection(@Nullable List<UUID> ids, @Nullable ProspectQuery filter) {
	}

	/** What {@link #apply} did: changed the agencies at once, or queued a job. */
	public sealed interface Result permits Outcome, Queued {

		/** How many agencies were chosen. */
		int matched();

	}

	/** How many agencies were chosen, and how many of them changed. */
	public record Outcome(int matched, int updated) implements Result {
	}

	/** The background job that changes the {@code matched} agencies chosen. */
	public record Queued(UUID id, int matched) implements Result {
	}

}
