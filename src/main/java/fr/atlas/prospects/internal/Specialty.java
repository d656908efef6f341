package fr.atlas.prospects.internal;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * What an agency does, in a small vocabulary read from the specialty its files and users
 * wrote: "Transaction, location", "Résidentiel", "Gestion locative", "Immobilier
 * d'entreprise" and "residential" all say something this vocabulary names, and the list's
 * filter finds each agency by it whatever the wording. The text is stored as written and
 * read at each use, so the vocabulary may grow without touching stored agencies.
 *
 * <p>
 * A text may name several ("transaction, location, gestion"); words none of them knows
 * are kept in the text and simply name nothing.
 */
public enum Specialty {

	RESIDENTIAL("residential", "residentiel", "residentielle", "residentiels", "residential", "transaction",
			"transactions", "vente", "ventes", "habitation", "habitations", "logement", "logements", "ancien",
			"immobilier ancien", "sales"),

	COMMERCIAL("commercial", "commercial", "commerciale", "commerciaux", "commerce", "commerces", "entreprise",
			"entreprises", "bureau", "bureaux", "locaux", "professionnel", "professionnels", "industriel", "business",
			"office", "offices", "retail"),

	NEW_BUILD("new-build", "neuf", "neufs", "programme neuf", "programmes neufs", "vefa", "promotion", "promoteur",
			"new build", "new homes"),

	LUXURY("luxury", "luxe", "prestige", "haut de gamme", "exception", "luxury"),

	RENTAL("rental", "location", "locations", "locatif", "locative", "gestion locative", "saisonnier", "saisonniere",
			"rental", "rentals", "letting", "lettings"),

	MANAGEMENT("management", "gestion", "gestion locative", "administration de biens", "syndic", "syndics",
			"copropriete", "coproprietes", "property management"),

	LAND("land", "terrain", "terrains", "foncier", "land");

	private final String code;

	/** Folded words ({@link CleanText#words}), each one or more words long. */
	private final List<String> words;

	Specialty(String code, String... words) {
		this.code = code;
		this.words = List.of(words);
	}

	/** Its name in the API and in links ({@code specialty=rental}). */
	public String code() {
		return this.code;
	}

	/** The key of its label in the message bundles. */
	public String labelCode() {
		return "prospects.specialty." + this.code;
	}

	/** What a specialty text names, in the order of this vocabulary. */
	public static Set<Specialty> in(@Nullable String text) {
		if (text == null || text.isBlank()) {
			return Set.of();
		}
		String words = " " + CleanText.words(text) + " ";
		Set<Specialty> named = EnumSet.noneOf(Specialty.class);
		for (Specialty specialty : values()) {
			if (specialty.words.stream().anyMatch((word) -> words.contains(" " + word + " "))) {
				named.add(specialty);
			}
		}
		return named;
	}

	/**
	 * The specialty a filter names: by its code ({@code rental}, {@code RENTAL}) or by
	 * one of its words as a file writes it ("Location"); none for any other text, which
	 * the filter compares with the stored text as it is.
	 */
	public static Optional<Specialty> named(@Nullable String filter) {
		if (filter == null || filter.isBlank()) {
			return Optional.empty();
		}
		String wanted = filter.strip().toLowerCase(Locale.ROOT).replace('_', '-');
		for (Specialty specialty : values()) {
			if (specialty.code.equals(wanted)) {
				return Optional.of(specialty);
			}
		}
		String words = CleanText.words(filter);
		for (Specialty specialty : values()) {
			if (specialty.words.contains(words)) {
				return Optional.of(specialty);
			}
		}
		return Optional.empty();
	}

}
