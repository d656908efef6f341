package fr.atlas.audit;

import fr.atlas.platform.OrgId;

/**
 * A domain event that is a state change worth auditing. The audit module writes an entry
 * for each one synchronously, inside the transaction that made the change, so a change
 * and its entry commit or roll back together. Publishers own their events; this module
 * knows only this contract.
 */
public interface Auditable {

	OrgId orgId();

	/** What happened, e.g. {@code member.invited}. */
	String action();

	/** The kind of object changed, e.g. {@code member}. */
	String entityType();

	/** The id of the object changed. */
	String entityId();

	/**
	 * A short summary of the change for people (no secrets): a message key
	 * {@code audit.summary.<what>} of the publisher's bundles, French and English, and
	 * its arguments, written with labels rather than codes.
	 */
	AuditSummary summary();

}
