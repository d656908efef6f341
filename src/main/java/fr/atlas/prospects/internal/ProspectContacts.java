package fr.atlas.prospects.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import fr.atlas.platform.ConflictException;
import fr.atlas.platform.CurrentTenant;
import fr.atlas.platform.InvalidInputException;
import fr.atlas.platform.InvalidInputException.FieldProblem;
import fr.atlas.platform.NotFoundException;
import fr.atlas.platform.OrgId;
import fr.atlas.platform.TimeOrderedIds;
import fr.atlas.prospects.ProspectContactChanged;
import fr.atlas.prospects.ProspectId;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The people of an agency that a member adds, corrects or removes by hand. Values go
 * through the import's rules ({@link TypedRow}): e-mails lower-cased and checked, phones
 * in E.164, LinkedIn profiles as one form of URL. A refused value is reported with its
 * reason and nothing changes. Each change is a source line of the agency (kind USER, who
 * and when) and is audited.
 */
@Service
@Transactional
public class ProspectContacts {

	static final Set<String> FIELDS = Set.of("firstName", "lastName", "role", "emails", "phones", "linkedin");

	/** The import's message fields, as the API names them. */
	private static final Map<String, String> MESSAGE_FIELDS = Map.of("contact_email", "emails", "contact_phone",
			"phones", "linkedin", "linkedin", "contact_first_name", "firstName", "contact_last_name", "lastName",
			"contact_role", "role");

	private final JdbcClient jdbc;

	private final Agencies agencies;

	private final ApplicationEventPublisher events;

	ProspectContacts(JdbcClient jdbc, Agencies agencies, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.agencies = agencies;
		this.events = events;
	}

	/**
	 * The problems of a contact's values, as {@link #add} would refuse them, without an
	 * agency: an agency created with its first contact reports both at once.
	 */
	static List<FieldProblem> problemsOf(Map<String, @Nullable Object> values) {
		try {
			clean(values, ContactValues.NONE);
			return List.of();
		}
		catch (InvalidInputException ex) {
			return ex.problems();
		}
	}

	/** Adds a contact to an active agency; returns its id. */
	public UUID add(UUID agencyId, Map<String, @Nullable Object> values, @Nullable UUID by) {
		lockActive(agencyId);
		ContactValues contact = clean(values, ContactValues.NONE);
		refuseSamePerson(agencyId, null, contact);
		UUID id = TimeOrderedIds.next();
		this.jdbc
			.sql("""
					insert into contact (org_id, id, agency_id, first_name, last_name, role, emails, phones, linkedin, name_words)
					values (:org, :id, :agency, :first, :last, :role, :emails, :phones, :linkedin, :words)""")
			.param("org", org())
			.param("id", id)
			.param("agency", agencyId)
			.params(columns(contact))
			.update();
		recorded(agencyId, id, "added", contact, by);
		return id;
	}

	/**
	 * Sets the fields present in {@code changes} (null or blank clears one), keeping the
	 * others. Values that come to what the contact has change nothing, and nothing is
	 * recorded: a form sent back as it was shown is no change of the person's.
	 * @return whether the contact changed
	 */
	public boolean change(UUID agencyId, UUID contactId, Map<String, @Nullable Object> changes, @Nullable UUID by) {
		lockActive(agencyId);
		ContactValues current = find(agencyId, contactId);
		ContactValues contact = clean(changes, current);
		if (contact.equals(current)) {
			return false;
		}
		refuseSamePerson(agencyId, contactId, contact);
		this.jdbc.sql("""
				update contact set first_name = :first, last_name = :last, role = :role, emails = :emails,
				  phones = :phones, linkedin = :linkedin, name_words = :words
				where org_id = :org and agency_id = :agency and id = :id""")
			.param("org", org())
			.param("id", contactId)
			.param("agency", agencyId)
			.params(columns(contact))
			.update();
		recorded(agencyId, contactId, "updated", contact, by);
		return true;
	}

	public void remove(UUID agencyId, UUID contactId, @Nullable UUID by) {
		lockActive(agencyId);
		ContactValues contact = find(agencyId, contactId);
		this.jdbc.sql("delete from contact where org_id = :org and agency_id = :agency and id = :id")
			.param("org", org())
			.param("agency", agencyId)
			.param("id", contactId)
			.update();
		recorded(agencyId, contactId, "removed", contact, by);
	}

	/**
	 * The wanted values over the current ones, through the import's rules; refuses
	 * unknown fields, bad values and a contact left with nothing to know them by.
	 */
	private static ContactValues clean(Map<String, @Nullable Object> wanted, ContactValues current) {
		List<FieldProblem> problems = new ArrayList<>();
		TypedRow.checkFields(wanted, FIELDS, "prospects.edit.nothing", problems);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		Map<String, @Nullable Object> merged = new LinkedHashMap<>(current.asFields());
		merged.putAll(wanted);
		// a name for the agency keeps the row identified whatever the person holds
		TypedRow typed = new TypedRow().column(ImportField.NAME, "agence")
			.column(ImportField.CONTACT_FIRST_NAME, TypedRow.text(merged.get("firstName"), "firstName", problems))
			.column(ImportField.CONTACT_LAST_NAME, TypedRow.text(merged.get("lastName"), "lastName", problems))
			.column(ImportField.CONTACT_ROLE, TypedRow.text(merged.get("role"), "role", problems))
			.column(ImportField.LINKEDIN, TypedRow.text(merged.get("linkedin"), "linkedin", problems));
		TypedRow.list(merged.get("emails"), "emails", problems)
			.forEach((email) -> typed.column(ImportField.CONTACT_EMAIL, email));
		TypedRow.list(merged.get("phones"), "phones", problems)
			.forEach((phone) -> typed.column(ImportField.CONTACT_PHONE, phone));
		NormalisedRow row = typed.normalise();
		for (String message : row.messages()) {
			int colon = message.indexOf(':');
			String field = MESSAGE_FIELDS.get(message.substring(0, colon));
			if (field != null) {
				problems.add(new FieldProblem(field, "prospects.problem." + message.replace(':', '.')));
			}
		}
		if (problems.isEmpty() && row.contact() == null) {
			problems.add(new FieldProblem("body", "prospects.contact.empty"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		return row.contact();
	}

	private ContactValues find(UUID agencyId, UUID contactId) {
		return this.jdbc.sql("select * from contact where org_id = :org and agency_id = :agency and id = :id")
			.param("org", org())
			.param("agency", agencyId)
			.param("id", contactId)
			.query((rs, row) -> values(rs))
			.optional()
			.orElseThrow(() -> new NotFoundException("Contact"));
	}

	/**
	 * Refuses a second record of a person the agency already has (the same e-mail, or the
	 * same names), as an import would have merged them.
	 */
	private void refuseSamePerson(UUID agencyId, @Nullable UUID contactId, ContactValues contact) {
		this.jdbc.sql("select * from contact where org_id = :org and agency_id = :agency")
			.param("org", org())
			.param("agency", agencyId)
			.query((rs, row) -> new Stored(rs.getObject("id", UUID.class), values(rs)))
			.list()
			.stream()
			.filter((stored) -> !stored.id().equals(contactId) && stored.values().samePerson(contact))
			.findFirst()
			.ifPresent((stored) -> {
				throw new ConflictException("prospects.contact.exists", stored.values().label());
			});
	}

	private static ContactValues values(ResultSet rs) throws SQLException {
		return new ContactValues(rs.getString("first_name"), rs.getString("last_name"), rs.getString("role"),
				Agencies.strings(rs.getArray("emails")), Agencies.strings(rs.getArray("phones")),
				rs.getString("linkedin"));
	}

	private record Stored(UUID id, ContactValues values) {
	}

	/** Locks the agency against a merge moving its contacts meanwhile. */
	private void lockActive(UUID agencyId) {
		String status = this.jdbc.sql("select status from agency where org_id = :org and id = :id for update")
			.param("org", org())
			.param("id", agencyId)
			.query(String.class)
			.optional()
			.orElseThrow(() -> new NotFoundException("Agence"));
		if (!"ACTIVE".equals(status)) {
			throw new ConflictException(ProspectArchives.refusal(status, "prospects.edit.inactive"));
		}
	}

	private void recorded(UUID agencyId, UUID contactId, String change, ContactValues contact, @Nullable UUID by) {
		String name = contact.label();
		this.agencies.addSources(
				List.of(new Agencies.FieldSource(agencyId, "contact_" + change, name, "USER", null, null, by, null)));
		this.events.publishEvent(
				new ProspectContactChanged(new OrgId(org()), new ProspectId(agencyId), contactId, change, name));
	}

	private static Map<String, @Nullable Object> columns(ContactValues contact) {
		Map<String, @Nullable Object> columns = new HashMap<>();
		columns.put("first", contact.firstName());
		columns.put("last", contact.lastName());
		columns.put("role", contact.role());
		columns.put("emails", contact.emails().toArray(String[]::new));
		columns.put("phones", contact.phones().toArray(String[]::new));
		columns.put("linkedin", contact.linkedin());
		columns.put("words", ContactMatch.nameWords(contact.firstName(), contact.lastName()));
		return columns;
	}

	private static UUID org() {
		return CurrentTenant.require().value();
	}

}
