package fr.atlas.prospects.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import fr.atlas.platform.ConflictException;
import fr.atlas.platform.CurrentTenant;
import fr.atlas.platform.NotFoundException;
import fr.atlas.prospects.ProspectId;
import fr.atlas.prospects.ProspectRowDetached;
import fr.atlas.prospects.ProspectRowReattached;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One imported row taken out of the agency an import merged it into, at a person's
 * request (ADR 0092): "Orpi Lyon 3" was merged into "Orpi Lyon 7" by a shared head-office
 * e-mail, and a whole unmerge has nothing to undo, since no two agencies were merged.
 *
 * <p>
 * A new agency is made of the row's values, as the import would have made it had the row
 * matched nothing; the row is its provenance. The agency the row leaves is worked out
 * again from its other sources by the survivor rule of every merge
 * ({@link AgencyRecord#fill}): its imported rows in the order they came, each filling
 * what is still empty, e-mails, phones and tags joined; the values people set since
 * (edits, additions, the values a merge took) then set their fields again, in their
 * order. The agency as it was is kept, so the detachment is undone exactly, as long as
 * neither agency changed since. The import's own records are not rewritten:
 * {@code agency_row_detach} says which agency the row is in now.
 */
@Service
@Transactional
public class ProspectDetachments {

	private final JdbcClient jdbc;

	private final ImportJobs imports;

	private final JdbcTemplate template;

	private final Agencies agencies;

	private final RecordedRows recorded;

	private final ApplicationEventPublisher events;

	private final RowsSeenBefore seen;

	ProspectDetachments(JdbcClient jdbc, JdbcTemplate template, Agencies agencies, RecordedRows recorded,
			ApplicationEventPublisher events, RowsSeenBefore seen, ImportJobs imports) {
		this.jdbc = jdbc;
		this.imports = imports;
		this.template = template;
		this.agencies = agencies;
		this.recorded = recorded;
		this.events = events;
		this.seen = seen;
	}

	/** A row detached: the agency it left, the one made of it, and the detachment. */
	public record Detached(UUID id, UUID fromId, UUID agencyId) {
	}

	/**
	 * Takes row {@code row} of import {@code jobId} out of the agency, into a new agency
	 * of its own.
	 * @throws NotFoundException when the agency, or the row among the agency's, is not
	 * the organisation's
	 * @throws ConflictException when the agency is not active, or the row is all it has
	 */
	public Detached detach(UUID agencyId, UUID jobId, int row, @Nullable UUID by) {
		this.imports.agenciesMovedMeanwhile();
		Locked agency = lock(agencyId);
		if (!"ACTIVE".equals(agency.status())) {
			throw new ConflictException(ProspectArchives.refusal(agency.status(), "prospects.detach.inactive"));
		}
		List<RecordedRows.AgencyRow> rows = this.recorded.of(agencyId);
		RecordedRows.AgencyRow detached = rows.stream()
			.filter((r) -> r.jobId().equals(jobId) && r.row().number() == row)
			.findFirst()
			.orElseThrow(() -> new NotFoundException("Ligne"));
		List<RecordedRows.AgencyRow> remaining = rows.stream().filter((r) -> r != detached).toList();
		List<SetValue> set = setValues(agencyId);
		if (remaining.isEmpty() && set.isEmpty()) {
			throw new ConflictException("prospects.detach.only-source");
		}
		UUID detachmentId = UUID.randomUUID();
		this.jdbc.sql("""
				insert into agency_row_detach (org_id, id, job_id, row_number, from_agency_id, agency_id, from_snapshot,
				  from_version, agency_version, detached_by)
				select :org, :id, :job, :row, :from, :from, to_jsonb(a), 0, 0, :by
				from agency a where a.org_id = :org and a.id = :from""")
			.param("org", org())
			.param("id", detachmentId)
			.param("job", jobId)
			.param("row", row)
			.param("from", agencyId)
			.param("by", by)
			.update();

		AgencyValues values = values(detached.row().values());
		AgencyRecord created = AgencyRecord.create(values);
		this.agencies.newAgencies(List.of(created), agency.owner()).into(this.template);
		// imported again, the row goes where it is now (ADR 0116); undone, the new agency
		// is merged back, and the row follows it
		this.seen.moved(values, agencyId, created.id);
		AgencyRecord rebuilt = rebuild(agencyId, remaining, set);
		this.agencies.update(List.of(rebuilt));
		this.jdbc.sql("""
				update agency_row_detach d set agency_id = :agency,
				  from_version = (select version from agency where org_id = :org and id = :from),
				  agency_version = (select version from agency where org_id = :org and id = :agency)
				where d.org_id = :org and d.id = :id""")
			.param("agency", created.id)
			.param("org", org())
			.param("from", agencyId)
			.param("id", detachmentId)
			.update();
		String fileName = fileName(jobId);
		String fromName = name(agencyId);
		String intoName = name(created.id);
		for (boolean newSide : new boolean[] { false, true }) {
			this.events.publishEvent(new ProspectRowDetached(CurrentTenant.require(), new ProspectId(agencyId),
					new ProspectId(created.id), detachmentId, fileName, row, fromName, intoName, newSide));
		}
		return new Detached(detachmentId, agencyId, created.id);
	}

	/**
	 * Undoes a detachment: the agency the row left is put back as it was, every value,
	 * and the agency made of the row is merged back into it (its page then says so).
	 * @throws NotFoundException for a detachment the organisation does not have
	 * @throws ConflictException when it was undone already, or either agency changed
	 * since (an edit, a merge, an import's row, another detachment): undoing it would
	 * lose that change
	 */
	public Detached undo(UUID detachmentId) {
		Detachment detachment = this.jdbc.sql("""
				select id, job_id, row_number, from_agency_id, agency_id, from_version, agency_version, undone_at
				from agency_row_detach where org_id = :org and id = :id""")
			.param("org", org())
			.param("id", detachmentId)
			.query((rs, n) -> new Detachment(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getInt(3),
					rs.getObject(4, UUID.class), rs.getObject(5, UUID.class), rs.getInt(6), rs.getInt(7),
					rs.getTimestamp(8) != null))
			.optional()
			.orElseThrow(() -> new NotFoundException("Détachement"));
		if (detachment.undone()) {
			throw new ConflictException("prospects.detach.undo-done");
		}
		this.imports.agenciesMovedMeanwhile();
		Locked from = lock(detachment.fromId());
		Locked into = lock(detachment.agencyId());
		if ("ARCHIVED".equals(from.status()) || "ARCHIVED".equals(into.status())) {
			throw new ConflictException("prospects.archived.read-only");
		}
		if (!"ACTIVE".equals(from.status()) || !"ACTIVE".equals(into.status())
				|| from.version() != detachment.fromVersion() || into.version() != detachment.agencyVersion()) {
			throw new ConflictException("prospects.detach.undo-changed");
		}
		this.agencies.restore("agency_row_detach", "from_snapshot", detachment.id(), detachment.fromId());
		this.jdbc.sql("""
				update agency set status = 'MERGED', merged_into = :from, updated_at = now(), version = version + 1
				where org_id = :org and id = :agency""")
			.param("from", detachment.fromId())
			.param("org", org())
			.param("agency", detachment.agencyId())
			.update();
		this.jdbc.sql("update agency_row_detach set undone_at = clock_timestamp() where org_id = :org and id = :id")
			.param("org", org())
			.param("id", detachment.id())
			.update();
		this.events.publishEvent(new ProspectRowReattached(CurrentTenant.require(), new ProspectId(detachment.fromId()),
				new ProspectId(detachment.agencyId()), detachment.id(), fileName(detachment.jobId()), detachment.row(),
				name(detachment.fromId()), name(detachment.agencyId())));
		return new Detached(detachment.id(), detachment.fromId(), detachment.agencyId());
	}

	/**
	 * The detachments an agency took part in, either side, latest first, with whether
	 * each can still be undone (not undone, and neither agency changed since).
	 */
	@Transactional(readOnly = true)
	public List<Line> of(UUID agencyId) {
		return this.jdbc.sql("""
				select d.id, d.job_id, j.file_name, d.row_number, d.from_agency_id, f.name as from_name, d.agency_id,
				  n.name as agency_name, d.detached_at, d.undone_at,
				  (d.undone_at is null and f.status = 'ACTIVE' and n.status = 'ACTIVE' and f.version = d.from_version
				   and n.version = d.agency_version) as undoable
				from agency_row_detach d
				join agency f on f.org_id = d.org_id and f.id = d.from_agency_id
				join agency n on n.org_id = d.org_id and n.id = d.agency_id
				left join import_job j on j.org_id = d.org_id and j.id = d.job_id
				where d.org_id = :org and (d.from_agency_id = :id or d.agency_id = :id)
				order by d.detached_at desc""")
			.param("org", org())
			.param("id", agencyId)
			.query((rs, n) -> new Line(rs.getObject("id", UUID.class), rs.getObject("job_id", UUID.class),
					rs.getString("file_name"), rs.getInt("row_number"), rs.getObject("from_agency_id", UUID.class),
					NameDisplay.of(rs.getString("from_name")), rs.getObject("agency_id", UUID.class),
					NameDisplay.of(rs.getString("agency_name")), rs.getTimestamp("detached_at").toInstant(),
					rs.getTimestamp("undone_at") != null, rs.getBoolean("undoable")))
			.list();
	}

	/**
	 * The agency worked out again from its sources: its imported rows in the order they
	 * came, each filling what is still empty ({@link AgencyRecord#fill}, the rule of
	 * every merge), and the values people set, each in its turn.
	 */
	static AgencyRecord rebuild(UUID id, List<RecordedRows.AgencyRow> rows, List<SetValue> set) {
		record Step(Instant at, int order, @Nullable List<Map.Entry<String, String>> row, @Nullable SetValue value) {
		}
		List<Step> steps = new ArrayList<>();
		rows.forEach((r) -> steps.add(new Step(r.recordedAt(), r.row().number(), r.row().values(), null)));
		set.forEach((value) -> steps.add(new Step(value.at(), Integer.MAX_VALUE, null, value)));
		// an import's rows before the values set in the same instant, rows in file order
		steps.sort(Comparator.comparing(Step::at).thenComparingInt(Step::order));
		AgencyRecord agency = new AgencyRecord(id, true, "", "");
		for (Step step : steps) {
			if (step.row() != null) {
				agency.fill(values(step.row()));
			}
			else if (step.value() != null && step.value().joined()) {
				join(agency, step.value().field(), step.value().value());
			}
			else if (step.value() != null) {
				set(agency, step.value().field(), step.value().value());
			}
		}
		agency.department = (agency.postcode != null) ? Postcodes.department(agency.postcode) : null;
		agency.cityKey = AgencyKeys.cityKey(agency.city);
		if (agency.nameKey.isEmpty()) {
			// named after what reaches it, as the import names an agency without a name
			agency.name = ProspectMerges.values(agency).displayName();
		}
		else {
			agency.nameKey = NameKey.withoutTown(agency.name, agency.city);
		}
		agency.dirty = true;
		return agency;
	}

	/**
	 * A row's clean values ({@link AgencyValues#asFields} form) as the import had them.
	 */
	static AgencyValues values(List<Map.Entry<String, String>> fields) {
		Map<String, String> value = new HashMap<>();
		fields.forEach((entry) -> value.put(entry.getKey(), entry.getValue()));
		String name = value.get("name");
		String tradeName = value.get("trade_name");
		String city = value.get("city");
		String postcode = value.get("postcode");
		String keySource = (name != null) ? name : tradeName;
		return new AgencyValues(name, (keySource != null) ? NameKey.withoutTown(keySource, city) : "", tradeName,
				value.get("siren"), value.get("siret"), value.get("naf"), value.get("address"), postcode, city,
				(postcode != null) ? Postcodes.department(postcode) : null, value.get("website_domain"),
				split(value.get("emails"), " "), split(value.get("phones"), " "), value.get("specialty"),
				number(value.get("listing_count")) instanceof Long count ? Math.toIntExact(count) : null,
				number(value.get("revenue_cents")), value.get("headcount_band"), split(value.get("tags"), ","),
				value.get("source"));
	}

	/** Sets one field as a person's edit or a merge recorded it (empty: cleared). */
	private static void set(AgencyRecord agency, String field, String value) {
		String text = value.isEmpty() ? null : value;
		switch (field) {
			case "name" -> {
				if (text != null) {
					agency.name = text;
					agency.nameKey = NameKey.withoutTown(text, agency.city);
				}
			}
			case "trade_name" -> agency.tradeName = text;
			case "siren" -> agency.siren = text;
			case "siret" -> agency.siret = text;
			case "naf" -> agency.naf = text;
			case "address" -> agency.address = text;
			case "postcode" -> agency.postcode = text;
			case "city" -> agency.city = text;
			case "website_domain" -> agency.websiteDomain = text;
			case "emails" -> replace(agency.emails, split(text, " "));
			case "phones" -> replace(agency.phones, split(text, " "));
			case "specialty" -> agency.specialty = text;
			case "listing_count" ->
				agency.listingCount = (number(text) instanceof Long count) ? Math.toIntExact(count) : null;
			case "revenue_cents" -> agency.revenueCents = number(text);
			case "headcount_band" -> agency.headcountBand = text;
			case "tags" -> replace(agency.tags, split(text, ","));
			case "source" -> agency.source = text;
			default -> {
				// not a value of the agency's row (status, owner, contacts)
			}
		}
	}

	/** Adds what a merge brought to a list, as the merge joined them. */
	private static void join(AgencyRecord agency, String field, String value) {
		Set<String> stored = switch (field) {
			case "emails" -> agency.emails;
			case "phones" -> agency.phones;
			default -> agency.tags;
		};
		for (String one : split(value, field.equals("tags") ? "," : " ")) {
			if (stored.size() < AgencyRecord.LISTED) {
				stored.add(one);
			}
		}
	}

	private static void replace(Set<String> stored, List<String> values) {
		stored.clear();
		stored.addAll(values.subList(0, Math.min(values.size(), AgencyRecord.LISTED)));
	}

	private static List<String> split(@Nullable String joined, String separator) {
		return (joined == null || joined.isBlank()) ? List.of()
				: Arrays.stream(joined.split(separator)).filter((part) -> !part.isBlank()).toList();
	}

	private static @Nullable Long number(@Nullable String text) {
		try {
			return (text != null) ? Long.valueOf(text) : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	/**
	 * The values people set on the agency (edits, its creation by hand, the values a
	 * merge took), in their order.
	 */
	private List<SetValue> setValues(UUID agencyId) {
		// a merge's line of e-mails, phones or tags holds the union it made, the detached
		// row's values included: what the merge brought is the absorbed agency's list
		return this.jdbc.sql("""
				select s.field,
				  case when m.id is not null and s.field in ('emails', 'phones', 'tags')
				       then array_to_string(array(select jsonb_array_elements_text(m.absorbed_snapshot -> s.field)),
				                            case when s.field = 'tags' then ',' else ' ' end)
				       else s.value end,
				  s.recorded_at, m.id is not null and s.field in ('emails', 'phones', 'tags')
				from field_source s
				left join agency_merge m on m.org_id = s.org_id and m.id = s.merge_id and s.kind = 'MERGE'
				where s.org_id = :org and s.agency_id = :id and s.kind in ('USER', 'MERGE') and s.field = any(:fields)
				order by s.recorded_at, s.id""")
			.param("org", org())
			.param("id", agencyId)
			.param("fields", AgencyValues.FIELDS.toArray(String[]::new))
			.query((rs, n) -> new SetValue(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
					rs.getBoolean(4)))
			.list();
	}

	private String fileName(UUID jobId) {
		return this.jdbc.sql("select file_name from import_job where org_id = :org and id = :id")
			.param("org", org())
			.param("id", jobId)
			.query(String.class)
			.optional()
			.orElse("");
	}

	/**
	 * The agency's name as its page heads it: a network's agencies share their trade name
	 * ("Orpi"), which would name both sides of a detachment alike.
	 */
	private @Nullable String name(UUID agencyId) {
		return this.jdbc.sql("select name from agency where org_id = :org and id = :id")
			.param("org", org())
			.param("id", agencyId)
			.query(String.class)
			.optional()
			.map(NameDisplay::of)
			.orElse(null);
	}

	private Locked lock(UUID id) {
		return this.jdbc.sql("select status, version, owner_id from agency where org_id = :org and id = :id for update")
			.param("org", org())
			.param("id", id)
			.query((rs, n) -> new Locked(rs.getString(1), rs.getInt(2), rs.getObject(3, UUID.class)))
			.optional()
			.orElseThrow(() -> new NotFoundException("Agence"));
	}

	private static UUID org() {
		return CurrentTenant.require().value();
	}

	/**
	 * A value a person (or a merge) set on the agency, from {@code field_source};
	 * {@code joined} for the e-mails, phones or tags a merge added to the agency's.
	 */
	record SetValue(String field, String value, Instant at, boolean joined) {
	}

	private record Locked(String status, int version, @Nullable UUID owner) {
	}

	/** A detachment as stored. */
	private record Detachment(UUID id, UUID jobId, int row, UUID fromId, UUID agencyId, int fromVersion,
			int agencyVersion, boolean undone) {
	}

	/** A detachment as an agency's page lists it. */
	public record Line(UUID id, UUID importId, @Nullable String fileName, int row, UUID fromId, String fromName,
			UUID agencyId, String agencyName, Instant detachedAt, boolean undone, boolean undoable) {
	}

}
