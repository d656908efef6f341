package fr.atlas.audit;

/**
 * The outcome of re-computing an organisation's hash chain.
 */
public record AuditVerification(boolean valid, long entries) {
}
