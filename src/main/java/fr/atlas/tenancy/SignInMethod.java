package fr.atlas.tenancy;

/**
 * How a member proved their password: the sign-in form, an API token asked for with it
 * ({@code POST /api/v1/auth/tokens}), or the account they just created or joined.
 */
public enum SignInMethod {

	FORM("formulaire de connexion"), API_TOKEN("création d’un jeton d’API"),
	NEW_ACCOUNT("compte créé ou invitation acceptée");

	private final String words;

	SignInMethod(String words) {
		this.words = words;
	}

	/** In the words of the audit log's summaries (French, like every summary). */
	public String words() {
		return this.words;
	}

}
