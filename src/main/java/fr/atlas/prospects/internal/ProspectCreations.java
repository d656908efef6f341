package fr.atlas.prospects.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import fr.atlas.platform.ConflictException;
import fr.atlas.platform.CurrentTenant;
import fr.atlas.platform.InvalidInputException;
import fr.atlas.platform.InvalidInputException.FieldProblem;
import fr.atlas.platform.OrgId;
import fr.atlas.platform.TimeOrderedIds;
import fr.atlas.prospects.ProspectCreated;
import fr.atlas.prospects.ProspectId;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An agency a person adds by hand: a salesperson met it at a fair, or it is missing from
 * every file. Its values go through the import's rules ({@link ProspectEdits#apply}), and
 * it is matched against the organisation's agencies by the import's rule
 * ({@link Deduplication}), so that typing an agency the base has already does not make a
 * second one:
 * <ul>
 * <li>an agency the import would merge it into (same SIRET, same e-mail...) refuses the
 * creation, naming that agency, unless the person says it is another one
 * ({@code allowDuplicate}); the two then wait in the review queue;</li>
 * <li>an agency it only resembles is created, the pair put in the review queue.</li>
 * </ul>
 * Each value is recorded as a source of kind USER with who set it, and the creation is
 * audited.
 */
@Service
@Transactional
public class ProspectCreations {

	/** A new agency, and the agency it resembles, now in the review queue with it. */
	public record Created(UUID id, @Nullable Resemblance resembles) {
	}

	private final Agencies agencies;

	private final Owners owners;

	private final AgencyResemblances resemblances;

	private final ProspectContacts contacts;

	private final JdbcTemplate template;

	private final ApplicationEventPublisher events;

	private final RowsSeenBefore seen;

	ProspectCreations(Agencies agencies, Owners owners, AgencyResemblances resemblances, ProspectContacts contacts,
			JdbcTemplate template, ApplicationEventPublisher events, RowsSeenBefore seen) {
		this.agencies = agencies;
		this.seen = seen;
		this.owners = owners;
		this.resemblances = resemblances;
		this.contacts = contacts;
		this.template = template;
		this.events = events;
	}

	/**
	 * Creates an agency from the fields a person gave, named as {@code PATCH} names them
	 * (a name at least), and optionally its first {@code contact}, with the fields
	 * {@code POST …/contacts} takes.
	 * @throws InvalidInputException for a missing name or a value the import's rules
	 * refuse, with each field's reason
	 * @throws ConflictException {@code prospects.create.duplicate} when the organisation
	 * has the agency already and {@code allowDuplicate} is not set; its details name it
	 */
	public Created create(Map<String, @Nullable Object> fields, @Nullable UUID by) {
		Map<String, @Nullable Object> wanted = new LinkedHashMap<>(fields);
		Object allow = wanted.remove("allowDuplicate");
		Object contact = wanted.remove("contact");
		List<FieldProblem> problems = new ArrayList<>();
		TypedRow.checkFields(wanted, ProspectEdits.KNOWN, "prospects.create.nothing", problems);
		if (allow != null && !(allow instanceof Boolean)) {
			problems.add(new FieldProblem("allowDuplicate", "prospects.create.not-boolean"));
		}
		Map<String, @Nullable Object> person = person(contact, problems);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		if (!wanted.containsKey("name")) {
			// blank is refused by the rules below, like an edit that clears it
			problems.add(new FieldProblem("name", "prospects.create.name-required"));
		}
		AgencyRecord agency = new AgencyRecord(TimeOrderedIds.next(), false, "", "");
		ProspectEdits.apply(agency, wanted, problems);
		if (problems.isEmpty() && agency.nameKey.isEmpty()) {
			// a name the rules reduce to nothing ("SARL") names no agency
			problems.add(new FieldProblem("name", "prospects.create.name-required"));
		}
		UUID owner = this.owners.of(wanted.get("owner"), problems);
		if (person != null) {
			// the contact's problems beside the agency's, under "contact."
			ProspectContacts.problemsOf(person)
				.forEach((problem) -> problems
					.add(new FieldProblem(problem.field().equals("body") ? "contact" : "contact." + problem.field(),
							problem.code(), problem.arguments())));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		this.resemblances.takeTurn();
		Optional<Resemblance> resembles = this.resemblances.best(ProspectMerges.values(agency), null);
		// a SIRET is one establishment's: another agency of the same SIRET is none, even
		// when asked for
		boolean sameSiret = resembles.isPresent() && resembles.get().reasons().contains("siret");
		if (resembles.isPresent() && resembles.get().certain() && (!Boolean.TRUE.equals(allow) || sameSiret)) {
			Resemblance existing = resembles.get();
			throw new ConflictException("prospects.create.duplicate",
					Map.of("existingId", existing.id(), "existingName", existing.name(), "existingStatus",
							existing.status(), "confidence", existing.confidence(), "reasons", existing.reasons(),
							"sameSiret", sameSiret),
					existing.name());
		}
		this.agencies.newAgencies(List.of(agency), owner).into(this.template);
		// its row in an export imported back is this agency: a name alone that the
		// matcher leaves apart (a network's, one every agency uses) was created again
		this.seen.addedByHand(ProspectMerges.values(agency), agency.id);
		this.agencies.addSources(sources(agency, owner, by));
		resembles.ifPresent((existing) -> this.resemblances.queue(agency.id, existing));
		if (person != null) {
			this.contacts.add(agency.id, person, by);
		}
		this.events.publishEvent(new ProspectCreated(new OrgId(org()), new ProspectId(agency.id), agency.name,
				resembles.map(Resemblance::id).map(ProspectId::new).orElse(null)));
		return new Created(agency.id, resembles.orElse(null));
	}

	/**
	 * The first contact given with the agency, as {@code POST …/contacts} takes one; null
	 * for none, or for one whose every value is blank (a form's fields left empty).
	 */
	private static @Nullable Map<String, @Nullable Object> person(@Nullable Object contact,
			List<FieldProblem> problems) {
		if (contact == null) {
			return null;
		}
		if (!(contact instanceof Map<?, ?> values)) {
			problems.add(new FieldProblem("contact", "prospects.create.contact-not-object"));
			return null;
		}
		Map<String, @Nullable Object> person = new LinkedHashMap<>();
		values.forEach((field, value) -> person.put(String.valueOf(field), value));
		boolean blank = person.values()
			.stream()
			.allMatch((value) -> TypedRow.blank(value) || value instanceof Collection<?> list && list.isEmpty());
		return blank ? null : person;
	}

	/**
	 * Each value the agency was created with, as a USER source: who typed it, and when.
	 */
	private static List<Agencies.FieldSource> sources(AgencyRecord agency, @Nullable UUID owner, @Nullable UUID by) {
		List<Agencies.FieldSource> sources = new ArrayList<>();
		ProspectMerges.values(agency).asFields().forEach((field, value) -> {
			if (value != null) {
				sources.add(new Agencies.FieldSource(agency.id, field, value, "USER", null, null, by, null));
			}
		});
		if (owner != null) {
			sources
				.add(new Agencies.FieldSource(agency.id, "owner_id", owner.toString(), "USER", null, null, by, null));
		}
		return sources;
	}

	private static UUID org() {
		return CurrentTenant.require().value();
	}

}
