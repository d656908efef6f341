package fr.atlas.tenancy;

/**
 * How a member proved their password: the sign-in form, an API token asked for with it
 * ({@code POST /api/v1/auth/tokens}), the account they just created or joined, or the
 * current password typed to change it (ADR 0119). Said in words by the labels
 * {@code sign-in.method.*}.
 */
public enum SignInMethod {

	FORM, API_TOKEN, NEW_ACCOUNT, PASSWORD_CHANGE

}
