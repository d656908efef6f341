package fr.atlas.prospects.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import fr.atlas.platform.ConflictException;
import fr.atlas.platform.CurrentTenant;
import fr.atlas.platform.InvalidInputException;
import fr.atlas.platform.InvalidInputException.FieldProblem;
import fr.atlas.platform.NotFoundException;
import fr.atlas.platform.OrgId;
import fr.atlas.prospects.ProspectArchived;
import fr.atlas.prospects.ProspectId;
import fr.atlas.prospects.ProspectRestored;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sets agencies aside and brings them back. An archived agency leaves the list, the
 * counts and the review queue, and refuses changes until restored; imports still match
 * rows to it (the pool loads it), so archiving survives the next file. Each change of
 * status is a source line of the agency and audited.
 */
@Service
@Transactional
public class ProspectArchives {

	static final int REASON_MAX = 500;

	private final JdbcClient jdbc;

	private final Agencies agencies;

	private final ApplicationEventPublisher events;

	ProspectArchives(JdbcClient jdbc, Agencies agencies, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.agencies = agencies;
		this.events = events;
	}

	/** Archives an active agency, with an optional reason (at most 500 characters). */
	public void archive(UUID id, @Nullable Object reason, @Nullable UUID by) {
		List<FieldProblem> problems = new ArrayList<>();
		String why = reason(reason, problems);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		Locked agency = lock(id);
		if (!"ACTIVE".equals(agency.status())) {
			throw new ConflictException(refusal(agency.status(), "prospects.archive.merged"));
		}
		archiveAll(new UUID[] { id }, why, by);
		this.events.publishEvent(new ProspectArchived(new OrgId(org()), new ProspectId(id), agency.name(), why));
	}

	/** Brings an archived agency back among the active ones. */
	public void restore(UUID id, @Nullable UUID by) {
		Locked agency = lock(id);
		if (!"ARCHIVED".equals(agency.status())) {
			throw new ConflictException("prospects.restore.not-archived");
		}
		restoreAll(new UUID[] { id }, by);
		this.events.publishEvent(new ProspectRestored(new OrgId(org()), new ProspectId(id), agency.name()));
	}

	/**
	 * Archives those of {@code ids} that are active, each with a source line; returns
	 * them. The caller audits the operation.
	 */
	List<UUID> archiveAll(UUID[] ids, @Nullable String reason, @Nullable UUID by) {
		List<UUID> archived = setStatus(ids, "ACTIVE", "ARCHIVED", by);
		this.jdbc.sql("""
				insert into agency_archive (org_id, agency_id, archived_by, reason)
				select :org, unnest(:ids::uuid[]), :by, :reason""")
			.param("org", org())
			.param("ids", archived.toArray(UUID[]::new))
			.param("by", by)
			.param("reason", reason)
			.update();
		return archived;
	}

	/**
	 * Restores those of {@code ids} that are archived, each with a source line; returns
	 * them. The caller audits the operation.
	 */
	List<UUID> restoreAll(UUID[] ids, @Nullable UUID by) {
		List<UUID> restored = setStatus(ids, "ARCHIVED", "ACTIVE", by);
		this.jdbc.sql("delete from agency_archive where org_id = :org and agency_id = any(:ids)")
			.param("org", org())
			.param("ids", restored.toArray(UUID[]::new))
			.update();
		return restored;
	}

	/**
	 * A reason as given: white space collapsed, null when blank, at most 500 characters.
	 */
	static @Nullable String reason(@Nullable Object given, List<FieldProblem> problems) {
		if (given != null && !(given instanceof String)) {
			problems.add(new FieldProblem("reason", "prospects.edit.not-text"));
			return null;
		}
		String why = CleanText.of((String) given);
		if (why != null && why.length() > REASON_MAX) {
			problems.add(new FieldProblem("reason", "prospects.archive.reason-too-long", REASON_MAX));
		}
		return why;
	}

	/**
	 * The message refusing a change to an agency that is not active: archived ones are
	 * restored first, merged ones are changed through the agency they were merged into.
	 */
	static String refusal(String status, String mergedCode) {
		return "ARCHIVED".equals(status) ? "prospects.archived.read-only" : mergedCode;
	}

	private List<UUID> setStatus(UUID[] ids, String from, String to, @Nullable UUID by) {
		List<UUID> changed = this.jdbc.sql("""
				update agency set status = :to, updated_at = now(), version = version + 1
				where org_id = :org and id = any(:ids) and status = :from
				returning id""")
			.param("to", to)
			.param("org", org())
			.param("ids", ids)
			.param("from", from)
			.query(UUID.class)
			.list();
		this.agencies.addSources(changed.stream()
			.map((id) -> new Agencies.FieldSource(id, "status", to, "USER", null, null, by, null))
			.toList());
		return changed;
	}

	private Locked lock(UUID id) {
		return this.jdbc.sql("select status, name from agency where org_id = :org and id = :id for update")
			.param("org", org())
			.param("id", id)
			.query((rs, row) -> new Locked(rs.getString(1), rs.getString(2)))
			.optional()
			.orElseThrow(() -> new NotFoundException("Agence"));
	}

	private static UUID org() {
		return CurrentTenant.require().value();
	}

	/** Who archived an agency, when and why. */
	public record Archive(Instant archivedAt, @Nullable UUID archivedBy, @Nullable String reason) {
	}

	private record Locked(String status, String name) {
	}

}
