package fr.atlas.platform;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Work another module starts on many agencies of Prospects at once (a prospection case
 * for each...), contributed as a bean so that Prospects never depends on that module. The
 * list's bulk changes offer it; Prospects hands it the chosen agencies a chunk at a time,
 * each chunk in one transaction with the organisation bound, in the request or in a
 * background job. Its methods run in a transaction of their own when called outside one
 * (as the list page asks {@link #going()}), so that row-level security sees the
 * organisation.
 * <p>
 * Starting must be idempotent: an agency that has the work going already is left as it
 * is, so a chunk tried again after a failure starts nothing twice.
 */
public interface AgencyWork {

	/** Its name among the API's bulk changes, e.g. {@code prospection-case}. */
	String key();

	/** The message offering it in the list's bulk form. */
	String labelCode();

	/** The message naming it as a filter of the list ("Dossier de prospection"). */
	String filterCode();

	/** The message marking a listed agency that has it going ("En prospection"). */
	String badgeCode();

	/** The module the organisation must have on for the work to be offered, if any. */
	Optional<String> feature();

	/**
	 * Starts the work on each agency that has not got it going, for {@code requestedBy};
	 * returns the agencies it started on. {@code operation} names the bulk change: a
	 * job's chunks share it, so that what the work tells people (a member given cases) is
	 * said once for the operation. A refusal that concerns every agency (the work cannot
	 * be done in this organisation) is an {@link InvalidInputException}.
	 */
	Set<UUID> start(List<AgencyFacts> agencies, @Nullable UUID requestedBy, UUID operation);

	/**
	 * The organisation's agencies that have the work going (an open prospection case...):
	 * the list's filter on it.
	 */
	Set<UUID> going();

}
