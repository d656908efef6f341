package fr.atlas.cases.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import fr.atlas.cases.CaseId;
import fr.atlas.cases.CasePartyChanged;
import fr.atlas.cases.internal.CaseParty.Type;
import fr.atlas.platform.ConflictException;
import fr.atlas.platform.CurrentTenant;
import fr.atlas.platform.InvalidInputException;
import fr.atlas.platform.InvalidInputException.FieldProblem;
import fr.atlas.platform.NotFoundException;
import fr.atlas.platform.PartyDirectory;
import fr.atlas.platform.PartyDirectory.Candidate;
import fr.atlas.platform.web.RefusesUnknownProperties;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The parties of a case (agencies, contacts, listings). An agency or a contact, which
 * Prospects holds, is linked only if the organisation has it, under its own name, found
 * through a {@link PartyDirectory} (ADR 0050); a listing, which no module holds, under
 * the label given. Linking or removing one is audited.
 */
@Service
@Transactional
public class CaseParties {

	/** The longest label a party keeps. */
	private static final int LABEL_MOST = 200;

	/**
	 * The longest id a party is linked by: a listing's is the client's own reference, and
	 * one of thousands of characters broke the index of a case's parties, a 500 (ADR
	 * 0104).
	 */
	static final int ID_MOST = 200;

	private final JdbcClient jdbc;

	private final Cases cases;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final ObjectProvider<PartyDirectory> directories;

	CaseParties(JdbcClient jdbc, Cases cases, ApplicationEventPublisher events, Clock clock,
			ObjectProvider<PartyDirectory> directories) {
		this.jdbc = jdbc;
		this.cases = cases;
		this.events = events;
		this.clock = clock;
		this.directories = directories;
	}

	@RefusesUnknownProperties
	public record NewParty(@Nullable String type, @Nullable String id, @Nullable String label) {
	}

	@Transactional(readOnly = true)
	public List<CaseParty> of(UUID caseId) {
		this.cases.require(caseId);
		return this.jdbc.sql("""
				select party_type, party_ref, label, created_at from case_party
				where case_id = ? order by created_at, label""")
			.param(caseId)
			.query((rs, row) -> new CaseParty(Type.valueOf(rs.getString("party_type")), rs.getString("party_ref"),
					rs.getString("label"), rs.getTimestamp("created_at").toInstant()))
			.list();
	}

	public CaseParty add(UUID caseId, NewParty party, Actor actor) {
		this.cases.require(caseId);
		List<FieldProblem> problems = new ArrayList<>();
		Type type = type(party.type(), problems);
		List<PartyDirectory> holders = problems.isEmpty() ? holders(type) : List.of();
		String id = (party.id() != null) ? party.id().trim() : "";
		String label = (party.label() != null) ? party.label().trim() : "";
		if (id.isEmpty()) {
			problems.add(new FieldProblem("id", "field.required"));
		}
		else if (id.length() > ID_MOST) {
			problems.add(new FieldProblem("id", "field.too-long", ID_MOST));
		}
		else if (type == Type.AGENCY) {
			// An agency is a prospect of the Prospects module: its id is a
			// ProspectId (a UUID).
			try {
				id = UUID.fromString(id).toString();
			}
			catch (IllegalArgumentException ex) {
				problems.add(new FieldProblem("id", "case.party.agency-id"));
			}
		}
		if (!holders.isEmpty() && problems.isEmpty()) {
			// A kind another module holds is linked only if the organisation has the
			// record, under the name it has there: the client's label is not asked for.
			String wanted = id;
			Optional<Candidate> record = holders.stream()
				.flatMap((directory) -> directory.byId(type.name(), wanted).stream())
				.findFirst();
			if (record.isEmpty()) {
				throw new InvalidInputException(List.of(new FieldProblem("id", "case.party.unknown")));
			}
			id = record.get().id();
			label = shown(record.get().label(), label);
		}
		// a kind a module holds asks for no label, unless its record has no name
		boolean labelAsked = holders.isEmpty() || problems.isEmpty();
		if (labelAsked && label.isEmpty()) {
			problems.add(new FieldProblem("label", "field.required"));
		}
		else if (labelAsked && label.length() > LABEL_MOST) {
			problems.add(new FieldProblem("label", "case.party.label-too-long"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		Instant now = this.clock.instant();
		int inserted = this.jdbc.sql("""
				insert into case_party (org_id, id, case_id, party_type, party_ref, label, created_by, created_at)
				values (:org, :id, :case, :type, :ref, :label, :author, :now)
				on conflict (org_id, case_id, party_type, party_ref) do nothing""")
			.param("org", CurrentTenant.require().value())
			.param("id", UUID.randomUUID())
			.param("case", caseId)
			.param("type", type.name())
			.param("ref", id)
			.param("label", label)
			.param("author", (actor.userId() != null) ? actor.userId().value() : null)
			.param("now", Timestamp.from(now))
			.update();
		if (inserted == 0) {
			throw new ConflictException("case.party.duplicate", label);
		}
		this.events.publishEvent(
				new CasePartyChanged(CurrentTenant.require(), CaseId.of(caseId), "added", type.name(), id, label));
		return new CaseParty(type, id, label, now);
	}

	public void remove(UUID caseId, @Nullable String type, @Nullable String id, Actor actor) {
		this.cases.require(caseId);
		List<FieldProblem> problems = new ArrayList<>();
		Type parsed = type(type, problems);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		String ref = String.valueOf(id).trim();
		if (parsed == Type.AGENCY) {
			try {
				ref = UUID.fromString(ref).toString();
			}
			catch (IllegalArgumentException ex) {
				throw new NotFoundException("Partie");
			}
		}
		String label = this.jdbc.sql("""
				delete from case_party where case_id = ? and party_type = ? and party_ref = ? returning label""")
			.params(caseId, parsed.name(), ref)
			.query(String.class)
			.optional()
			.orElseThrow(() -> new NotFoundException("Partie"));
		this.events.publishEvent(
				new CasePartyChanged(CurrentTenant.require(), CaseId.of(caseId), "removed", parsed.name(), ref, label));
	}

	/** The directories that hold this kind of party: none for a listing. */
	private List<PartyDirectory> holders(Type type) {
		return this.directories.orderedStream().filter((directory) -> directory.types().contains(type.name())).toList();
	}

	/**
	 * The record's own name, cut to what a party keeps; the client's label only for a
	 * record that has no name (a contact known by its e-mail alone).
	 */
	private static String shown(@Nullable String name, String given) {
		String own = (name != null) ? name.strip() : "";
		if (own.isEmpty()) {
			return given;
		}
		return (own.length() <= LABEL_MOST) ? own : own.substring(0, LABEL_MOST - 1).strip() + "…";
	}

	private static Type type(@Nullable String raw, List<FieldProblem> problems) {
		try {
			return Type.valueOf(String.valueOf(raw).trim().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			problems.add(new FieldProblem("type", "case.party.type"));
			return Type.CONTACT;
		}
	}

}
