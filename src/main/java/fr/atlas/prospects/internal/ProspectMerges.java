package fr.atlas.prospects.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import fr.atlas.platform.ConflictException;
import fr.atlas.platform.CurrentTenant;
import fr.atlas.platform.InvalidInputException;
import fr.atlas.platform.NotFoundException;
import fr.atlas.prospects.DuplicateDismissed;
import fr.atlas.prospects.DuplicateReopened;
import fr.atlas.prospects.ProspectId;
import fr.atlas.prospects.ProspectsMerged;
import fr.atlas.prospects.ProspectsUnmerged;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Merges one agency into another at a person's request, and undoes it.
 *
 * <p>
 * Surviving values: the survivor keeps every value it has, except those of the fields the
 * person chose to take from the absorbed agency (ADR 0063); its empty fields take the
 * absorbed agency's values; e-mails, phones and tags are unions; the absorbed agency's
 * contacts move to the survivor. Every value the survivor takes is recorded as a source
 * of kind MERGE. Both rows are kept as they were (JSON snapshots), so an unmerge puts
 * back exactly the values of the two agencies of before the merge, with their contacts
 * and keys, under a version newer than any they had; it undoes only the latest merge into
 * an agency that is still active. What the survivor received since the merge stays with
 * it (ADR 0112).
 */
@Service
@Transactional
public class ProspectMerges {

	private final JdbcClient jdbc;

	private final ImportJobs imports;

	private final Agencies agencies;

	private final ApplicationEventPublisher events;

	ProspectMerges(JdbcClient jdbc, Agencies agencies, ApplicationEventPublisher events, ImportJobs imports) {
		this.jdbc = jdbc;
		this.imports = imports;
		this.agencies = agencies;
		this.events = events;
	}

	public UUID merge(UUID survivorId, UUID absorbedId, @Nullable UUID by) {
		return merge(survivorId, absorbedId, by, MergeChoice.SURVIVOR);
	}

	/**
	 * Merges the other agency into the survivor, taking the other's values of the fields
	 * the person chose (ADR 0063) before the merge's rule fills the survivor's empty
	 * fields.
	 */
	public UUID merge(UUID survivorId, UUID absorbedId, @Nullable UUID by, MergeChoice choice) {
		if (survivorId.equals(absorbedId)) {
			// another organisation's agency is not found, even named twice: a 400 would
			// tell it exists
			status(survivorId);
			throw new InvalidInputException("otherId", "prospects.merge.same");
		}
		Map<UUID, String> statuses = lockedStatuses(survivorId, absorbedId);
		String survivorStatus = statuses.get(survivorId);
		String absorbedStatus = statuses.get(absorbedId);
		if (!"ACTIVE".equals(survivorStatus)) {
			throw new ConflictException(ProspectArchives.refusal(survivorStatus, "prospects.merge.inactive"));
		}
		if (!"ACTIVE".equals(absorbedStatus)) {
			// the other one is named: the agency asked about is fine
			throw new ConflictException("ARCHIVED".equals(absorbedStatus) ? "prospects.merge.other-archived"
					: "prospects.merge.other-inactive");
		}
		UUID mergeId = UUID.randomUUID();
		List<UUID> contacts = this.jdbc.sql("select id from contact where org_id = :org and agency_id = :id")
			.param("org", org())
			.param("id", absorbedId)
			.query(UUID.class)
			.list();
		this.jdbc.sql("""
				insert into agency_merge (org_id, id, survivor_id, absorbed_id, survivor_snapshot, absorbed_snapshot,
				  moved_contacts, merged_by, merged_at)
				select :org, :merge, :survivor, :absorbed,
				  (select to_jsonb(s) from agency s where s.org_id = :org and s.id = :survivor),
				  (select to_jsonb(a) from agency a where a.org_id = :org and a.id = :absorbed),
				  :contacts, :by, clock_timestamp()""")
			.param("org", org())
			.param("merge", mergeId)
			.param("survivor", survivorId)
			.param("absorbed", absorbedId)
			.param("contacts", contacts.toArray(UUID[]::new))
			.param("by", by)
			.update();

		AgencyRecord survivor = this.agencies.load(survivorId);
		AgencyRecord absorbed = this.agencies.load(absorbedId);
		AgencyValues incoming = values(absorbed);
		Map<String, String> before = values(survivor).asFields();
		choice.applyTo(survivor, absorbed);
		survivor.fill(incoming);
		keepTheSign(survivor, absorbed);
		Map<String, String> after = values(survivor).asFields();
		List<Agencies.FieldSource> sources = new ArrayList<>();
		after.forEach((field, value) -> {
			if (!value.equals(before.get(field))) {
				sources.add(new Agencies.FieldSource(survivorId, field, value, "MERGE", null, null, by, mergeId));
			}
		});
		this.agencies.update(List.of(survivor));
		if (choice.takes(MergeChoice.Field.OWNER)) {
			// the owner is no value an import fills: only a choice moves it
			this.jdbc.sql("""
					update agency s set owner_id = a.owner_id from agency a
					where s.org_id = :org and s.id = :survivor and a.org_id = :org and a.id = :absorbed
					  and a.owner_id is not null and a.owner_id is distinct from s.owner_id
					returning s.owner_id""")
				.param("org", org())
				.param("survivor", survivorId)
				.param("absorbed", absorbedId)
				.query(UUID.class)
				.optional()
				.ifPresent((owner) -> sources.add(new Agencies.FieldSource(survivorId, "owner_id", owner.toString(),
						"MERGE", null, null, by, mergeId)));
		}
		this.agencies.addSources(sources);
		this.jdbc.sql("update contact set agency_id = :survivor where org_id = :org and agency_id = :absorbed")
			.param("survivor", survivorId)
			.param("org", org())
			.param("absorbed", absorbedId)
			.update();
		this.jdbc.sql("""
				update agency set status = 'MERGED', merged_into = :survivor, updated_at = now(), version = version + 1
				where org_id = :org and id = :absorbed""")
			.param("survivor", survivorId)
			.param("org", org())
			.param("absorbed", absorbedId)
			.update();
		// the survivor as this merge leaves it: an unmerge restores the snapshot of
		// before only while the survivor still is this, or it would drop what the
		// survivor received since
		this.jdbc.sql("""
				update agency_merge m set survivor_after = (select to_jsonb(s) from agency s
				  where s.org_id = :org and s.id = :survivor)
				where m.org_id = :org and m.id = :merge""")
			.param("org", org())
			.param("survivor", survivorId)
			.param("merge", mergeId)
			.update();
		Map<UUID, String> names = namesOf(survivorId, absorbedId);
		this.events.publishEvent(new ProspectsMerged(CurrentTenant.require(), new ProspectId(survivorId),
				new ProspectId(absorbedId), mergeId, names.get(survivorId), names.get(absorbedId), choice.keys()));
		return mergeId;
	}

	/**
	 * Undoes the latest merge of an agency, given either side of it.
	 * @return the two agencies of the merge undone
	 */
	public Unmerged unmerge(UUID agencyId) {
		// 404 for an agency the organisation does not have, before anything is locked
		status(agencyId);
		// an import under way loads the agencies again: the agency unmerged is back
		this.imports.agenciesMovedMeanwhile();
		MergeRow merge = latestMerge(agencyId);
		// both agencies locked as a merge locks them, then the merge read again: a
		// request that undid it meanwhile has made another one the latest
		UUID locked = null;
		while (!merge.id().equals(locked)) {
			lockedStatuses(merge.survivorId(), merge.absorbedId());
			locked = merge.id();
			merge = latestMerge(agencyId);
		}
		undo(merge);
		return new Unmerged(merge.survivorId(), merge.absorbedId());
	}

	private MergeRow latestMerge(UUID agencyId) {
		return this.jdbc.sql("""
				select id, survivor_id, absorbed_id, moved_contacts from agency_merge
				where org_id = :org and undone_at is null and (survivor_id = :id or absorbed_id = :id)
				order by merged_at desc limit 1""")
			.param("org", org())
			.param("id", agencyId)
			.query((rs, row) -> new MergeRow(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
					rs.getObject(3, UUID.class), Agencies.uuids(rs.getArray(4))))
			.optional()
			.orElseThrow(() -> new ConflictException("prospects.unmerge.nothing"));
	}

	/**
	 * A merge undone: the agency that had absorbed the other, and the other, restored.
	 */
	public record Unmerged(UUID survivorId, UUID restoredId) {
	}

	/**
	 * Undoes merges made together (a page of the review queue), the latest first, each as
	 * {@link #unmerge} would; all or none. A merge already undone is passed over.
	 * @return how many were undone
	 */
	public int undoMerges(List<UUID> mergeIds) {
		List<MergeRow> merges = this.jdbc.sql("""
				select id, survivor_id, absorbed_id, moved_contacts from agency_merge
				where org_id = :org and id = any(:ids) and undone_at is null
				order by merged_at desc""")
			.param("org", org())
			.param("ids", mergeIds.toArray(UUID[]::new))
			.query((rs, row) -> new MergeRow(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
					rs.getObject(3, UUID.class), Agencies.uuids(rs.getArray(4))))
			.list();
		if (!merges.isEmpty()) {
			this.imports.agenciesMovedMeanwhile();
		}
		merges.forEach(this::undo);
		return merges.size();
	}

	/**
	 * Restores both agencies of a merge, unless a later merge into the survivor, or the
	 * survivor's own merge or archiving, stands in the way.
	 */
	private void undo(MergeRow merge) {
		String survivorStatus = lockedStatuses(merge.survivorId(), merge.absorbedId()).get(merge.survivorId());
		Integer later = this.jdbc.sql("""
				select count(*) from agency_merge where org_id = :org and undone_at is null and survivor_id = :survivor
				and merged_at > (select merged_at from agency_merge where org_id = :org and id = :merge)""")
			.param("org", org())
			.param("survivor", merge.survivorId())
			.param("merge", merge.id())
			.query(Integer.class)
			.single();
		if ("ARCHIVED".equals(survivorStatus)) {
			throw new ConflictException("prospects.archived.read-only");
		}
		if (!"ACTIVE".equals(survivorStatus)) {
			// Y into X, then X into Z: X must come back before Y can
			throw new ConflictException("prospects.unmerge.survivor-merged");
		}
		if (later > 0) {
			throw new ConflictException("prospects.unmerge.later-merge");
		}
		Integer detachedSince = this.jdbc.sql("""
				select count(*) from agency_row_detach d where d.org_id = :org and d.undone_at is null
				and d.from_agency_id = :survivor
				and d.detached_at > (select merged_at from agency_merge where org_id = :org and id = :merge)""")
			.param("org", org())
			.param("survivor", merge.survivorId())
			.param("merge", merge.id())
			.query(Integer.class)
			.single();
		if (detachedSince > 0) {
			// the snapshot would give the survivor back the detached row's values, which
			// its own agency holds now (ADR 0092)
			throw new ConflictException("prospects.unmerge.later-detach");
		}
		if (keptAfter(merge)) {
			// what the survivor received since the merge, a correction or a later
			// import's phone, stays with it rather than go without a word
			this.agencies.restoreSurvivor(merge.id(), merge.survivorId());
		}
		else {
			restore(merge.id(), "survivor_snapshot", merge.survivorId());
		}
		restore(merge.id(), "absorbed_snapshot", merge.absorbedId());
		if (!merge.movedContacts().isEmpty()) {
			this.jdbc.sql("update contact set agency_id = :absorbed where org_id = :org and id = any(:contacts)")
				.param("absorbed", merge.absorbedId())
				.param("org", org())
				.param("contacts", merge.movedContacts().toArray(UUID[]::new))
				.update();
		}
		this.jdbc.sql("delete from field_source where org_id = :org and merge_id = :merge")
			.param("org", org())
			.param("merge", merge.id())
			.update();
		this.jdbc.sql("update agency_merge set undone_at = now() where org_id = :org and id = :merge")
			.param("org", org())
			.param("merge", merge.id())
			.update();
		Map<UUID, String> names = namesOf(merge.survivorId(), merge.absorbedId());
		this.events.publishEvent(new ProspectsUnmerged(CurrentTenant.require(), new ProspectId(merge.survivorId()),
				new ProspectId(merge.absorbedId()), merge.id(), names.get(merge.survivorId()),
				names.get(merge.absorbedId())));
	}

	/**
	 * Whether the merge kept the survivor as it left it: merges made before V4_40 did
	 * not, and are undone by their snapshot alone.
	 */
	private boolean keptAfter(MergeRow merge) {
		return this.jdbc.sql("select survivor_after is not null from agency_merge where org_id = :org and id = :merge")
			.param("org", org())
			.param("merge", merge.id())
			.query(Boolean.class)
			.single();
	}

	/**
	 * Marks a possible duplicate as two different agencies.
	 * @throws ConflictException when either agency was merged or archived since the queue
	 * showed the pair: "different agencies" would stand beside a merge of the two, and
	 * keep the pair out of the queue after an unmerge (ADR 0110)
	 */
	public void dismiss(UUID candidateId) {
		if (!dismissWhileActive(candidateId)) {
			throw new ConflictException("prospects.duplicate.dismiss-inactive");
		}
	}

	/**
	 * Marks a possible duplicate as two different agencies while both are active, and
	 * says whether it did. Both agencies are locked as a merge locks them, so that a
	 * merge of the pair at the same moment (a person, a page of the queue) comes either
	 * before, and the pair is left, or after.
	 */
	public boolean dismissWhileActive(UUID candidateId) {
		UUID[] open = this.jdbc.sql(
				"select agency_id, other_id from duplicate_candidate where org_id = :org and id = :id and status = 'OPEN'")
			.param("org", org())
			.param("id", candidateId)
			.query((rs, row) -> new UUID[] { rs.getObject(1, UUID.class), rs.getObject(2, UUID.class) })
			.optional()
			.orElseThrow(() -> new NotFoundException("Doublon"));
		Map<UUID, String> statuses = lockedStatuses(open[0], open[1]);
		if (!"ACTIVE".equals(statuses.get(open[0])) || !"ACTIVE".equals(statuses.get(open[1]))) {
			return false;
		}
		var pair = this.jdbc.sql("""
				update duplicate_candidate set status = 'DISMISSED', resolved_at = now()
				where org_id = :org and id = :id and status = 'OPEN' returning agency_id, other_id""")
			.param("org", org())
			.param("id", candidateId)
			.query((rs, row) -> new UUID[] { rs.getObject(1, UUID.class), rs.getObject(2, UUID.class) })
			.optional()
			.orElseThrow(() -> new NotFoundException("Doublon"));
		Map<UUID, String> names = namesOf(pair[0], pair[1]);
		this.events.publishEvent(new DuplicateDismissed(CurrentTenant.require(), candidateId, new ProspectId(pair[0]),
				new ProspectId(pair[1]), names.get(pair[0]), names.get(pair[1])));
		return true;
	}

	/**
	 * Puts a dismissed pair back in the queue, as it was before: the undo of a dismissal
	 * made by mistake. Refused while either agency is no longer active.
	 */
	public void reopen(UUID candidateId) {
		var pair = this.jdbc.sql("""
				update duplicate_candidate c set status = 'OPEN', resolved_at = null
				where c.org_id = :org and c.id = :id and c.status = 'DISMISSED'
				  and (select count(*) from agency a
				       where a.org_id = :org and a.id in (c.agency_id, c.other_id) and a.status = 'ACTIVE') = 2
				returning c.agency_id, c.other_id""")
			.param("org", org())
			.param("id", candidateId)
			.query((rs, row) -> new UUID[] { rs.getObject(1, UUID.class), rs.getObject(2, UUID.class) })
			.optional();
		if (pair.isEmpty()) {
			boolean dismissed = this.jdbc.sql(
					"select count(*) from duplicate_candidate where org_id = :org and id = :id and status = 'DISMISSED'")
				.param("org", org())
				.param("id", candidateId)
				.query(Integer.class)
				.single() > 0;
			if (dismissed) {
				throw new ConflictException("prospects.duplicate.reopen-inactive");
			}
			throw new NotFoundException("Doublon");
		}
		Map<UUID, String> names = namesOf(pair.get()[0], pair.get()[1]);
		this.events
			.publishEvent(new DuplicateReopened(CurrentTenant.require(), candidateId, new ProspectId(pair.get()[0]),
					new ProspectId(pair.get()[1]), names.get(pair.get()[0]), names.get(pair.get()[1])));
	}

	/**
	 * The names two agencies go by (their trade name, else their name), for the audit
	 * log.
	 */
	private Map<UUID, String> namesOf(UUID one, UUID other) {
		Map<UUID, String> names = new HashMap<>();
		this.jdbc.sql("select id, coalesce(trade_name, name) from agency where org_id = :org and id in (:one, :other)")
			.param("org", org())
			.param("one", one)
			.param("other", other)
			.query((rs, row) -> Map.entry(rs.getObject(1, UUID.class), rs.getString(2)))
			.list()
			.stream()
			.filter((entry) -> entry.getValue() != null)
			.forEach((entry) -> names.put(entry.getKey(), entry.getValue()));
		return names;
	}

	private void restore(UUID mergeId, String snapshot, UUID agencyId) {
		this.agencies.restore("agency_merge", snapshot, mergeId, agencyId);
	}

	/**
	 * Locks two agencies in the same order whichever is named first: two requests merging
	 * or unmerging one pair from either side at the same moment each locked the agency it
	 * named and waited for the other's, a deadlock the database broke with an error (a
	 * 500).
	 */
	private Map<UUID, String> lockedStatuses(UUID one, UUID other) {
		Map<UUID, String> statuses = new HashMap<>();
		for (UUID id : (one.compareTo(other) <= 0) ? List.of(one, other) : List.of(other, one)) {
			statuses.put(id, lockedStatus(id));
		}
		return statuses;
	}

	/**
	 * The other agency's name as the survivor's trade name, where the survivor goes by
	 * its company's registered name, has no trade name, and the other goes by a sign ("SA
	 * Moreau Durand Transactions" and "Orpi Moreau Immobilier", a pair ADR 0101 puts to
	 * review): the sign is what people search and read, not only a line of provenance
	 * (ADR 0103). An unmerge gives the survivor back as it was.
	 */
	private static void keepTheSign(AgencyRecord survivor, AgencyRecord absorbed) {
		if (survivor.tradeName == null && !absorbed.nameKey.isEmpty() && !absorbed.nameKey.equals(survivor.nameKey)
				&& NameKey.registered(survivor.name) && !NameKey.registered(absorbed.name)) {
			survivor.tradeName = absorbed.name;
		}
	}

	private String status(UUID id) {
		return status(id, "");
	}

	private String lockedStatus(UUID id) {
		return status(id, " for update");
	}

	private String status(UUID id, String lock) {
		return this.jdbc.sql("select status from agency where org_id = :org and id = :id" + lock)
			.param("org", org())
			.param("id", id)
			.query(String.class)
			.optional()
			.orElseThrow(() -> new NotFoundException("Agence"));
	}

	static AgencyValues values(AgencyRecord agency) {
		return new AgencyValues(agency.nameKey.isEmpty() ? null : agency.name, agency.nameKey, agency.tradeName,
				agency.siren, agency.siret, agency.naf, agency.address, agency.postcode, agency.city, agency.department,
				agency.websiteDomain, List.copyOf(agency.emails), List.copyOf(agency.phones), agency.specialty,
				agency.listingCount, agency.revenueCents, agency.headcountBand, List.copyOf(agency.tags),
				agency.source);
	}

	private static UUID org() {
		return CurrentTenant.require().value();
	}

	private record MergeRow(UUID id, UUID survivorId, UUID absorbedId, List<UUID> movedContacts) {
	}

}
