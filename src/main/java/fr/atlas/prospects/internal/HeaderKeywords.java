package fr.atlas.prospects.internal;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a header that no synonym of {@link ImportField} names by the words in it: "Nom de
 * l'entreprise", "Numéro de SIRET", "Site Web (URL)", "Ville / Commune", "E-mail du
 * dirigeant". Files from purchased lists and other CRMs word their headers in as many
 * ways as there are exports; a column left unread loses its values from every row, while
 * a column read wrongly is shown in the wizard's mapping step like any other.
 *
 * <p>
 * The rules are tried in order and the first whose word the header holds wins, so
 * "Adresse e-mail" is an e-mail before it is an address and "Site internet de l'agence" a
 * website before it is a name. A header that counts, dates or rates something ("Nombre de
 * visites du site", "Date de création", "Fax") names no text field. A word that names a
 * person ("du dirigeant", "contact") makes an e-mail, phone or name the contact's.
 */
final class HeaderKeywords {

	/**
	 * Words that name whose contact field it is. "Responsable", "Owner" and "Commercial"
	 * are left out: in a CRM's export they name the salesperson who owns the account (and
	 * a header with "owner" names no field at all, {@link #namesTheAccountsOwner}).
	 */
	private static final Set<String> PERSON = Set.of("contact", "dirigeant", "dirigeante", "gerant", "gerante",
			"interlocuteur", "interlocutrice", "decideur", "directeur", "directrice", "president", "presidente",
			"personne");

	/** Words of a column about a value rather than the value itself. */
	private static final Set<String> ABOUT = Set.of("date", "nombre", "nb", "nbre", "taux", "statut", "status",
			"commentaire", "commentaires", "note", "notes", "avis", "verifie", "valide", "optin", "consentement",
			"score", "id", "identifiant", "ref", "reference", "logo", "photo", "image", "facebook", "instagram",
			"twitter", "fax", "complement", "ancien", "ancienne", "old", "previous", "count", "evolution", "variation",
			"type", "categorie", "forme", "juridique");

	/** The words of a count, which a numeric field's header may hold. */
	private static final Set<String> COUNTING = Set.of("nombre", "nb", "nbre", "count");

	private static final List<Rule> RULES = List.of(new Rule(ImportField.SIRET, "siret"),
			new Rule(ImportField.SIREN, "siren"), new Rule(ImportField.LINKEDIN, "linkedin"),
			new Rule(ImportField.NAF, "naf", "ape"),
			new Rule(ImportField.EMAIL, ImportField.CONTACT_EMAIL, "mail", "email", "courriel", "mel"),
			new Rule(ImportField.MOBILE, ImportField.CONTACT_PHONE, "portable", "mobile", "gsm", "cell", "cellulaire"),
			new Rule(ImportField.PHONE, ImportField.CONTACT_PHONE, "tel", "telephone", "phone", "standard", "fixe"),
			new Rule(ImportField.POSTCODE, "code postal", "postal code", "cp", "zip", "postcode", "zipcode"),
			new Rule(ImportField.CITY, "ville", "commune", "localite", "city", "town", "municipality"),
			// a real-estate CRM counts the mandates an agency holds, a portal its "biens"
			// ("Nombre de mandats", "Nb biens"), as the cells' words do ("40 mandats")
			new Rule(ImportField.LISTING_COUNT, "annonces", "annonce", "listings", "listing", "mandats", "nb biens",
					"nombre de biens", "nbre de biens", "biens en vente", "biens en ligne"),
			new Rule(ImportField.WEBSITE, "site", "web", "url", "website", "internet", "domaine", "domain"),
			new Rule(ImportField.REVENUE, "ca", "c a", "chiffre d affaires", "revenue", "revenues", "turnover"),
			new Rule(ImportField.HEADCOUNT, "effectif", "effectifs", "salaries", "employees", "headcount",
					"collaborateurs", "staff"),
			new Rule(ImportField.SPECIALTY, "specialite", "specialites", "activite", "activites", "specialty",
					"speciality", "segment", "metier"),
			new Rule(ImportField.TRADE_NAME, "enseigne", "brand", "nom commercial", "trade name", "reseau", "franchise",
					"network"),
			new Rule(ImportField.TAGS, "tags", "tag", "etiquettes", "etiquette", "labels", "label"),
			new Rule(ImportField.SOURCE, "source", "origine", "provenance"),
			new Rule(ImportField.CONTACT_NAME, "prenom et nom", "nom et prenom", "prenom nom", "nom prenom"),
			new Rule(ImportField.CONTACT_FIRST_NAME, "prenom", "firstname", "first name", "given name"),
			new Rule(ImportField.CONTACT_LAST_NAME, "lastname", "last name", "surname", "family name",
					"nom de famille"),
			new Rule(ImportField.CONTACT_ROLE, "fonction", "poste", "role"),
			new Rule(ImportField.ADDRESS, "adresse", "address", "rue", "street", "voie"),
			new Rule(ImportField.NAME, ImportField.CONTACT_LAST_NAME, "raison sociale", "denomination", "societe",
					"entreprise", "company", "agence", "agency", "cabinet", "etablissement", "nom", "name", "business",
					"organisation", "organization"));

	private HeaderKeywords() {
	}

	/**
	 * The field a header names by its words, if one does. What it names is read first
	 * outside brackets and before a slash ("Adresse complète (rue, CP, ville)" is an
	 * address, "CP / Ville" a postcode, whose cell may hold the town too), then in the
	 * whole header; a word naming a person counts anywhere ("Prénom (contact)").
	 */
	static Optional<ImportField> field(String header) {
		if (namesTheAccountsOwner(header)) {
			return Optional.empty();
		}
		String outside = header.replaceAll("\\([^)]*\\)?", " ");
		int slash = outside.indexOf('/');
		boolean person = words(header).stream().anyMatch(PERSON::contains);
		for (String part : (slash > 0) ? List.of(outside.substring(0, slash), outside, header)
				: List.of(outside, header)) {
			Optional<ImportField> field = named(words(part), person);
			if (field.isPresent()) {
				return field.filter((found) -> found != ImportField.IGNORED);
			}
		}
		if (person) {
			// "Dirigeant", "Interlocuteur principal": the person's whole name
			return about(words(header), ImportField.CONTACT_NAME) ? Optional.empty()
					: Optional.of(ImportField.CONTACT_NAME);
		}
		return Optional.empty();
	}

	/**
	 * Whether a header names the salesperson a CRM gives the account to, not a person of
	 * the agency: HubSpot's "Contact owner" and "Company owner", Salesforce's "Account
	 * Owner", and in French "Propriétaire du contact", "Propriétaire de l'entreprise"
	 * ("Propriétaire" alone may be the agency's owner, a person to call).
	 */
	static boolean namesTheAccountsOwner(String header) {
		List<String> words = words(header);
		return words.contains("owner")
				|| (words.contains("proprietaire") && words.stream().anyMatch(CRM_RECORDS::contains));
	}

	/** What a CRM's owner owns. */
	private static final Set<String> CRM_RECORDS = Set.of("contact", "compte", "entreprise", "societe", "lead",
			"transaction", "offre", "opportunite", "fiche");

	/**
	 * The field the first rule whose word these words hold names, {@code IGNORED} when
	 * they speak about its value, empty when no rule's word is there.
	 */
	private static Optional<ImportField> named(List<String> words, boolean person) {
		String padded = " " + String.join(" ", words) + " ";
		for (Rule rule : RULES) {
			if (rule.words.stream().anyMatch((word) -> padded.contains(" " + word + " "))) {
				ImportField field = person ? rule.ofPerson : rule.field;
				return Optional.of(about(words, field) ? ImportField.IGNORED : field);
			}
		}
		return Optional.empty();
	}

	private static List<String> words(String text) {
		return List.of(CleanText.words(text).split(" "));
	}

	/**
	 * Whether a header speaks about the field's value rather than giving it: a count of
	 * something is no listing count unless the field is itself a number, and a SIRET
	 * column is one whatever else it says.
	 */
	private static boolean about(List<String> words, ImportField field) {
		if (field == ImportField.SIRET || field == ImportField.SIREN) {
			return false;
		}
		boolean numeric = field == ImportField.LISTING_COUNT || field == ImportField.HEADCOUNT
				|| field == ImportField.REVENUE;
		return words.stream().anyMatch((word) -> ABOUT.contains(word) && !(numeric && COUNTING.contains(word)));
	}

	/** A field, the one it is when a person's, and the words or phrases that name it. */
	private record Rule(ImportField field, ImportField ofPerson, List<String> words) {

		Rule(ImportField field, String... words) {
			this(field, field, List.of(words));
		}

		Rule(ImportField field, ImportField ofPerson, String... words) {
			this(field, ofPerson, List.of(words));
		}

	}

}
