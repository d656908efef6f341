package fr.atlas.prospects.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a column of an imported file can hold, with the French and English headers that
 * name it (compared as {@link CleanText#words(String) words}).
 */
public enum ImportField {

	NAME("raison sociale", "rs", "r s", "nom", "nom agence", "nom de l agence", "agence", "societe", "entreprise",
			"denomination", "company", "company name", "name", "agency", "agency name", "business name"),
	TRADE_NAME("enseigne", "nom commercial", "trade name", "brand"), SIREN("siren", "n siren", "numero siren"),
	SIRET("siret", "n siret", "numero siret"), NAF("naf", "code naf", "ape", "code ape", "naf code", "code naf ape"),
	ADDRESS("adresse", "adresse postale", "rue", "address", "street", "street address"),
	POSTCODE("code postal", "cp", "postcode", "postal code", "zip", "zip code", "zipcode"),
	CITY("ville", "commune", "localite", "city", "town"),
	WEBSITE("site web", "site", "site internet", "website", "web", "url", "web site"),
	// the plural forms head Atlas's own export, which reads back in
	EMAIL(true, "e mail", "email", "mail", "courriel", "adresse e mail", "adresse email", "email address", "emails",
			"e mails", "courriels"),
	PHONE(true, "telephone", "tel", "tel fixe", "telephone fixe", "standard", "phone", "phone number",
			"telephone number", "phones", "telephones"),
	MOBILE(true, "portable", "mobile", "tel portable", "telephone portable", "cell", "cell phone", "mobile phone",
			"gsm"),
	LISTING_COUNT("nb annonces", "nombre d annonces", "nombre annonces", "annonces", "nb d annonces", "listings",
			"listing count", "number of listings"),
	REVENUE("chiffre d affaires", "ca", "chiffre affaires", "revenue", "turnover", "ca annuel"),
	HEADCOUNT("effectif", "effectifs", "headcount", "employees", "salaries", "nb salaries", "nombre de salaries"),
	/**
	 * A headcount as INSEE's code of a band ("12" is 20 to 49 people), which a cell alone
	 * cannot tell from a count (ADR 0042).
	 */
	HEADCOUNT_BAND("tranche d effectif", "tranche effectif", "tranche d effectifs", "tranche effectifs",
			"tranche d effectif salarie", "tranche effectif salarie", "trancheeffectifsunitelegale",
			"trancheeffectifsetablissement", "headcount band", "employee band", "code effectif",
			"code tranche effectif"),
	SPECIALTY("specialite", "activite", "specialty", "speciality", "type d agence", "segment"),
	TAGS("tags", "etiquettes", "labels", "mots cles"), SOURCE("source", "origine", "provenance"),
	CONTACT_FIRST_NAME("prenom", "prenom du contact", "prenom contact", "first name", "firstname",
			"contact first name"),
	CONTACT_LAST_NAME("nom du contact", "nom contact", "last name", "lastname", "surname", "contact last name"),
	CONTACT_NAME("contact", "nom complet", "contact name", "full name", "interlocuteur", "dirigeant", "gerant"),
	CONTACT_ROLE("fonction", "poste", "role", "titre", "title", "job title", "position"),
	CONTACT_EMAIL(true, "e mail du contact", "email du contact", "email contact", "e mail contact", "contact email"),
	CONTACT_PHONE(true, "telephone du contact", "tel contact", "telephone contact", "contact phone"),
	LINKEDIN("linkedin", "profil linkedin", "linkedin url", "url linkedin", "linkedin profile"),
	/**
	 * A column the user chose to leave out, or one that only repeats another: what
	 * Atlas's export reads from the columns beside it (the ends of the headcount's range,
	 * the specialties its text names) and its own id, in the export's languages.
	 */
	IGNORED("headcount min", "headcount max", "effectif min", "effectif max", "specialites reconnues",
			"recognised specialties", "identifiant atlas", "atlas id");

	private final boolean multiple;

	private final List<String> headers;

	ImportField(String... headers) {
		this(false, headers);
	}

	ImportField(boolean multiple, String... headers) {
		this.multiple = multiple;
		this.headers = List.of(headers);
	}

	/** Whether several columns may feed it (two phone columns give two phones). */
	public boolean multiple() {
		return this.multiple;
	}

	public String key() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * The most characters a cell of this field holds. A longer one is no value of it (a
	 * whole description pasted into the name column, a page of text): the import drops it
	 * with {@code <key>:too_long}, as it drops an invalid e-mail, and a form refuses it.
	 * Generous for real values: the longest French commune name has 45 characters,
	 * company names in the SIRENE register stay under 120.
	 */
	public int longest() {
		return switch (this) {
			case NAME, TRADE_NAME, SPECIALTY, SOURCE -> 200;
			case ADDRESS -> 300;
			case CITY, HEADCOUNT, HEADCOUNT_BAND, CONTACT_FIRST_NAME, CONTACT_LAST_NAME, CONTACT_NAME, CONTACT_ROLE ->
				100;
			case PHONE, MOBILE, CONTACT_PHONE, POSTCODE, SIREN, SIRET, NAF, LISTING_COUNT, REVENUE -> 100;
			case EMAIL, CONTACT_EMAIL, TAGS -> 1_000;
			case WEBSITE, LINKEDIN, IGNORED -> 2_000;
		};
	}

	List<String> headers() {
		return this.headers;
	}

	/**
	 * A field as a mapping names it: its key in any case ({@code siret},
	 * {@code LISTING_COUNT}, {@code listing-count}, {@code listingCount}), a header that
	 * names it ({@code "Raison sociale"}, {@code "zip"}), the model's own words
	 * ({@code website_domain}, {@code company_name}), or {@code ignore}.
	 */
	public static Optional<ImportField> parse(String value) {
		String wanted = value.strip().replaceAll("([a-z])([A-Z])", "$1_$2").replace('-', '_').replace(' ', '_');
		Optional<ImportField> byKey = Arrays.stream(values())
			.filter((f) -> f.name().equalsIgnoreCase(wanted))
			.findFirst();
		if (byKey.isPresent()) {
			return byKey;
		}
		String words = CleanText.words(wanted.replace('_', ' '));
		return switch (words) {
			case "ignore", "ignored", "skip", "none", "aucun", "ignorer" -> Optional.of(IGNORED);
			case "website domain", "domain", "domaine" -> Optional.of(WEBSITE);
			case "naf code", "ape code" -> Optional.of(NAF);
			case "revenue cents" -> Optional.of(REVENUE);
			default -> forHeader(words);
		};
	}

	static Optional<ImportField> forHeader(String header) {
		Optional<ImportField> field = synonym(header);
		field = field.isPresent() ? field : HeaderKeywords.field(header);
		// "Effectif (tranche)", "Headcount (band)": the column holds bands, whose codes
		// are no counts
		return field.map((found) -> (found == HEADCOUNT && namesBands(header)) ? HEADCOUNT_BAND : found);
	}

	/** Whether a header says its column holds bands rather than counts. */
	static boolean namesBands(String header) {
		String words = " " + CleanText.words(header) + " ";
		return words.contains(" tranche") || words.contains(" band ") || words.contains(" bands ");
	}

	/**
	 * The field a header names by one of its usual headers ("Raison sociale", "Code
	 * postal", "E-mail 2"), without reading its words as {@link HeaderKeywords} does.
	 */
	static Optional<ImportField> synonym(String header) {
		String words = CleanText.words(header);
		Optional<ImportField> field = named(words);
		if (field.isEmpty()) {
			// a second column of the same kind: "E-mail 2", "Téléphone2", "Tel. (2)"
			String unnumbered = words.replaceFirst("\\s*\\d{1,2}$", "");
			if (!unnumbered.equals(words) && !unnumbered.isEmpty()) {
				field = named(unnumbered);
			}
		}
		return field;
	}

	private static Optional<ImportField> named(String words) {
		return Arrays.stream(values()).filter((f) -> f.headers.contains(words)).findFirst();
	}

}
