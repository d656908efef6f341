package fr.atlas.platform;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Finds, by name, what a module holds that another module may link to one of its records
 * (an agency or a contact of Prospects as a party of a case), contributed as a bean so
 * that the module that links never depends on the one that holds (ADR 0050). Only the
 * current organisation's records are found: the implementation reads under row-level
 * security and names the organisation in its query too.
 */
public interface PartyDirectory {

	/**
	 * The kinds of party it finds, as a case names them: {@code AGENCY}, {@code CONTACT}.
	 */
	Set<String> types();

	/** The module the organisation must have on for it to be asked, if any. */
	Optional<String> feature();

	/**
	 * At most {@code limit} records of the kind {@code type} whose name holds
	 * {@code text} (ignoring case), the closest first.
	 */
	List<Candidate> find(String type, String text, int limit);

	/**
	 * The record of the kind {@code type} with this id, if the current organisation has
	 * it (an agency merged into another is gone): a case links it under the name it has
	 * here, never one the client sent (ADR 0050, amended).
	 */
	Optional<Candidate> byId(String type, String id);

	/**
	 * One record found: its kind, its id in its module, the label a case shows, and what
	 * tells namesakes apart (the town of an agency, a contact's agency).
	 */
	record Candidate(String type, String id, String label, @Nullable String detail) {
	}

}
