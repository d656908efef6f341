package fr.atlas.prospects.internal;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class HeaderKeywordsTests {

	@ParameterizedTest
	@CsvSource(delimiter = '=', textBlock = """
			Nom de l'entreprise = NAME
			Nom de la société = NAME
			Raison Sociale (RS) = NAME
			Dénomination sociale = NAME
			Numéro de SIRET = SIRET
			SIRET (14 chiffres) = SIRET
			Siret de l'établissement = SIRET
			Identifiant SIREN = SIREN
			Email principal = EMAIL
			E-mail de l'agence = EMAIL
			E-mail Address = EMAIL
			Téléphone standard = PHONE
			Numéro de téléphone = PHONE
			Téléphone mobile = MOBILE
			Mobile / GSM = MOBILE
			Code postal (CP) = POSTCODE
			Zip/Postal Code = POSTCODE
			Ville / Commune = CITY
			Ville de l'agence = CITY
			City/Town = CITY
			Site Web (URL) = WEBSITE
			Site internet de l'agence = WEBSITE
			Web site URL = WEBSITE
			Nombre d'annonces actives = LISTING_COUNT
			Nb d'annonces en ligne = LISTING_COUNT
			Nombre de mandats = LISTING_COUNT
			Mandats en cours = LISTING_COUNT
			Nb biens = LISTING_COUNT
			Nombre de biens en vente = LISTING_COUNT
			CA 2023 = REVENUE
			Chiffre d'affaires annuel = REVENUE
			Annual revenue = REVENUE
			Nombre de salariés = HEADCOUNT
			Effectif (tranche) = HEADCOUNT_BAND
			Headcount (bands) = HEADCOUNT_BAND
			Spécialité(s) = SPECIALTY
			Secteur d'activité = SPECIALTY
			Enseigne commerciale = TRADE_NAME
			Brand name = TRADE_NAME
			Réseau = TRADE_NAME
			Tags (séparés par des virgules) = TAGS
			Source du lead = SOURCE
			Adresse complète = ADDRESS
			Address line 1 = ADDRESS
			N° et rue = ADDRESS
			Prénom du dirigeant = CONTACT_FIRST_NAME
			First Name (contact) = CONTACT_FIRST_NAME
			Nom du dirigeant = CONTACT_LAST_NAME
			Nom de famille = CONTACT_LAST_NAME
			Prénom et nom = CONTACT_NAME
			Interlocuteur principal = CONTACT_NAME
			Fonction du contact = CONTACT_ROLE
			Email du dirigeant = CONTACT_EMAIL
			Portable du gérant = CONTACT_PHONE
			LinkedIn (URL) = LINKEDIN
			Adresse complète (rue, CP, ville) = ADDRESS
			Adresse / CP / Ville = ADDRESS
			CP / Ville = POSTCODE
			Tél / Fax = PHONE
			Email (vérifié) = EMAIL
			Prénom (contact) = CONTACT_FIRST_NAME
			RS = NAME
			R.S. = NAME
			""")
	void readsAHeaderNoSynonymNamesByItsWords(String header, ImportField field) {
		assertThat(ImportField.forHeader(header)).contains(field);
	}

	@ParameterizedTest
	@ValueSource(strings = { "Date de création", "Nombre de visites du site", "Fax", "URL Facebook", "Logo (URL)",
			"ID agence", "Type de structure", "Forme juridique", "Statut du lead", "Commercial", "Responsable",
			"Département", "Pays", "Last update", "Commentaires", "Email vérifié", "Date du dernier mandat",
			"Types de biens", "Contact owner", "Company owner", "Account Owner", "Contact owner email",
			"Propriétaire du contact", "Propriétaire de l'entreprise" })
	void leavesAHeaderAboutAValueOrNamingNoFieldUnread(String header) {
		assertThat(ImportField.forHeader(header)).isEmpty();
	}

	@Test
	void aCrmsOwnerOfTheAccountIsNoContactOfTheAgency() {
		// HubSpot's export: its salesperson became the agency's contact, and "Company
		// owner" a second name column
		ColumnMapping mapping = ColumnMapping.detect(List.of("Record ID", "Company name", "Phone Number",
				"Contact owner", "Company owner", "Propriétaire", "Nom du dirigeant"), Map.of());
		assertThat(mapping.fields()).containsExactly(ImportField.IGNORED, ImportField.NAME, ImportField.PHONE,
				ImportField.IGNORED, ImportField.IGNORED, ImportField.IGNORED, ImportField.CONTACT_LAST_NAME);
	}

	@Test
	void aFileWhoseHeadersNoSynonymNamesIsMapped() {
		ColumnMapping mapping = ColumnMapping.detect(List.of("Nom de l'entreprise", "Numéro de SIRET",
				"Téléphone mobile", "Ville / Commune", "Date de création"), Map.of());
		assertThat(mapping.fields()).containsExactly(ImportField.NAME, ImportField.SIRET, ImportField.MOBILE,
				ImportField.CITY, ImportField.IGNORED);
	}

}
