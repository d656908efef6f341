package fr.atlas.platform;

/**
 * The authenticated member: whoever implements it decides which organisation a request
 * works for.
 */
public interface AtlasPrincipal {

	UserId userId();

	OrgId orgId();

	String email();

}
