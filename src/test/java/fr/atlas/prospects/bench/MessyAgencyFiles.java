package fr.atlas.prospects.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.IntFunction;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import fr.atlas.platform.geo.Commune;
import fr.atlas.platform.geo.FrenchGeography;

/**
 * Writes messy French agency files the way sales teams receive them, with the ground
 * truth of which true agency each row describes.
 *
 * <p>
 * True agencies have realistic names (independent agencies, and franchise agencies such
 * as "Century 21 Lyon" or "Orpi Gare" in many towns, which are different agencies), real
 * postcodes and towns weighted by population, valid SIREN/SIRET (Luhn), e-mails, phones
 * and sometimes a website. No two true agencies share a name in the same town or
 * postcode, nor a SIREN, e-mail, phone or website, so every merge of two of them is a
 * real mistake. Each agency then appears one to three times, shuffled through the file,
 * with the variations of real files: phone formats, case and accents, spaced, missing or
 * SIREN-only identifiers, one-character typos in names, upper-case e-mails, missing
 * fields, and bad fields (SIRET with a wrong check digit, truncated phones). A few rows
 * identify nothing and must be rejected.
 *
 * <p>
 * Everything is derived from the seed: the same seed and size give the same file, byte
 * for byte. Only small arrays are kept in memory so a million rows can be written with a
 * small heap.
 */
public final class MessyAgencyFiles {

	public static final String HEADER = "Raison sociale;SIRET;E-mail;Téléphone;Adresse;Code postal;Ville;Site web";

	/** Ground truth of a row that identifies no agency and must be rejected. */
	public static final int INVALID = -1;

	private static final String[] SURNAMES = { "Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit",
			"Durand", "Leroy", "Moreau", "Simon", "Laurent", "Lefèvre", "Michel", "Garcia", "David", "Bertrand", "Roux",
			"Vincent", "Fournier", "Morel", "Girard", "André", "Lefebvre", "Mercier", "Dupont", "Lambert", "Bonnet",
			"François", "Martinez", "Legrand", "Garnier", "Faure", "Rousseau", "Blanc", "Guérin", "Muller", "Henry",
			"Roussel", "Nicolas", "Perrin", "Morin", "Mathieu", "Clément", "Gauthier", "Dumont", "Lopez", "Fontaine",
			"Chevalier", "Robin", "Masson", "Sanchez", "Gérard", "Nguyen", "Boyer", "Denis", "Lemaire", "Duval", "Joly",
			"Gautier", "Roger", "Roche", "Roy", "Noël", "Meyer", "Lucas", "Meunier", "Jean", "Pérez", "Marchand",
			"Dufour", "Blanchard", "Marie", "Barbier", "Brun", "Dumas", "Brunet", "Schmitt", "Leroux", "Colin",
			"Fernandez", "Pierre", "Renard", "Arnaud", "Rolland", "Caron", "Aubert", "Giraud", "Leclerc", "Vidal",
			"Bourgeois", "Renaud", "Lemoine", "Picard", "Gaillard", "Philippe", "Leclercq", "Lacroix", "Fabre",
			"Dupuis", "Olivier", "Rodriguez", "Da Silva", "Hubert", "Louis", "Charles", "Guillot", "Rivière", "Le Gall",
			"Guillaume", "Adam", "Rey", "Moulin", "Gonzalez", "Berger", "Lecomte", "Ménard", "Fleury", "Deschamps",
			"Carpentier", "Julien", "Benoît", "Paris", "Maillard", "Marchal", "Aubry", "Vasseur", "Le Roux", "Renault",
			"Jacquet", "Collet", "Prévost", "Poirier", "Charpentier", "Royer", "Huet", "Baron", "Dupuy", "Pons", "Paul",
			"Laine", "Carré", "Breton", "Rémy", "Schneider", "Perrot", "Guyot", "Barre", "Marty", "Cousin", "Bouvier",
			"Lebrun", "Texier", "Besson", "Leblanc", "Hamon", "Millet", "Klein", "Tessier", "Pascal", "Delmas",
			"Chauvin", "Bailly", "Langlois", "Hoarau", "Mallet", "Lebon", "Carlier", "Jacob", "Weber", "Étienne",
			"Marechal", "Hervé", "Prévot", "Lemaître", "Bouchet", "Riviere", "Gilbert", "Cordier", "Perret", "Maréchal",
			"Leduc" };

	private static final String[] LANDMARKS = { "du Centre", "de la Gare", "des Halles", "du Port", "de la Mairie",
			"du Marché", "de la Place", "du Château", "de l'Église", "du Parc", "des Remparts", "du Pont",
			"de la Plage", "du Lac", "des Vignes", "de la Cathédrale", "du Canal", "de la Poste", "du Théâtre",
			"des Arcades" };

	private static final String[] REGIONS = { "des Alpes", "du Littoral", "de l'Ouest", "du Sud", "de Provence",
			"de Bretagne", "du Val de Loire", "d'Aquitaine", "des Pyrénées", "du Nord", "de Normandie", "d'Alsace",
			"du Languedoc", "de la Côte", "des Vosges", "du Jura", "de Savoie", "du Périgord", "de Gascogne",
			"des Cévennes", "d'Auvergne", "de Bourgogne", "du Berry", "de la Vallée", "des Landes" };

	private static final String[] DISTRICTS = { "Centre", "Gare", "Saint-Michel", "République", "Les Halles",
			"Bellevue", "Le Port", "Mairie", "Jean Jaurès", "Victor Hugo", "Croix-Rousse", "Bastille", "Pasteur",
			"Saint-Pierre", "Carnot", "Gambetta", "Foch", "Les Capucins", "Le Lac", "La Plage", "Saint-Jean",
			"Les Arènes", "Hôtel de Ville", "Cathédrale", "Vieille Ville", "Les Quais", "Le Marché", "Les Tilleuls",
			"La Source", "Grand Rue", "Château", "Les Prés", "Libération", "Verdun", "Clemenceau", "Saint-Louis",
			"Sainte-Anne", "Les Chênes", "La Croix", "Les Écoles" };

	private static final String[] STREETS = { "rue de la République", "avenue Jean Jaurès", "rue Victor Hugo",
			"boulevard Gambetta", "place de la Mairie", "rue du Général de Gaulle", "avenue de la Libération",
			"rue Pasteur", "rue Nationale", "Grande Rue", "rue des Écoles", "avenue Foch", "rue de Paris",
			"rue du Commerce", "cours Clemenceau", "quai des Chartrons", "rue Carnot", "allée des Tilleuls",
			"chemin des Vignes", "impasse des Lilas", "rue Émile Zola", "place du Marché", "rue Saint-Martin" };

	private static final String[] BRANDS = { "Century 21", "Orpi", "Laforêt", "Guy Hoquet", "Stéphane Plaza Immobilier",
			"ERA Immobilier", "Nestenn", "Square Habitat" };

	private static final String[] BRAND_DOMAINS = { "century21.fr", "orpi.com", "laforet.com", "guy-hoquet.com",
			"stephaneplazaimmobilier.com", "erafrance.com", "nestenn.com", "squarehabitat.fr" };

	private static final String[] MAIL_PROVIDERS = { "orange.fr", "wanadoo.fr", "gmail.com", "free.fr", "sfr.fr",
			"laposte.net", "outlook.fr", "hotmail.fr" };

	private static final String[] LEGAL_FORMS = { "SARL", "SAS", "SASU", "EURL" };

	private static final Set<String> LITTLE_WORDS = Set.of("l", "la", "le", "les", "de", "du", "des", "d", "et", "en",
			"a", "au", "aux", "sarl", "sas", "sasu", "eurl");

	private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

	private final List<Place> places;

	private final double[] cumulativeWeights;

	public MessyAgencyFiles(FrenchGeography geography) {
		this.places = new ArrayList<>();
		List<Double> weights = new ArrayList<>();
		for (int code = 1000; code < 99000; code++) {
			String postcode = String.format(Locale.ROOT, "%05d", code);
			for (Commune commune : geography.communesWithPostcode(postcode)) {
				if (commune.isCurrent() && commune.population() > 0) {
					this.places.add(new Place(postcode, commune.name()));
					// agencies follow people, a little less than proportionally
					weights.add(Math.pow((double) commune.population() / commune.postcodes().size(), 0.8));
				}
			}
		}
		this.cumulativeWeights = new double[weights.size()];
		double sum = 0;
		for (int i = 0; i < weights.size(); i++) {
			sum += weights.get(i);
			this.cumulativeWeights[i] = sum;
		}
	}

	int placeCount() {
		return this.places.size();
	}

	/**
	 * Writes {@code rows} data rows (plus the header) to {@code csv}, and the ground
	 * truth ({@code row;agency}, agency {@code invalid} for rows to reject) to
	 * {@code truthFile} when not null.
	 */
	public Generated write(Path csv, Path truthFile, int rows, long seed) throws IOException {
		Agencies agencies = agencies(rows, seed);
		int[] truth = agencies.rowAgencies;
		try (Writer out = new BufferedWriter(Files.newBufferedWriter(csv, StandardCharsets.UTF_8), 1 << 16)) {
			out.write(HEADER);
			out.write('\n');
			StringBuilder line = new StringBuilder(256);
			for (int row = 0; row < rows; row++) {
				line.setLength(0);
				String[] cells = row(agencies, row, seed);
				for (int i = 0; i < cells.length; i++) {
					if (i > 0) {
						line.append(';');
					}
					appendCell(line, cells[i]);
				}
				line.append('\n');
				out.append(line);
			}
		}
		if (truthFile != null) {
			try (Writer out = new BufferedWriter(Files.newBufferedWriter(truthFile, StandardCharsets.UTF_8))) {
				out.write("row;agency\n");
				for (int row = 0; row < rows; row++) {
					out.write((row + 1) + ";" + ((truth[row] == INVALID) ? "invalid" : Integer.toString(truth[row]))
							+ "\n");
				}
			}
		}
		return new Generated(csv, truth, agencies.count(), (id) -> agency(id, agencies.attempts()[id], seed));
	}

	/** The true agency of each row, without writing anything. */
	/**
	 * The share of agencies that appear once, in percent ({@code bench.single-percent},
	 * 35 by default); the others appear twice or three times, 40 to 25.
	 */
	private static final int SINGLES = Integer.getInteger("bench.single-percent", 35);

	Agencies agencies(int rows, long seed) {
		Random random = new Random(seed);
		int[] rowAgencies = new int[rows];
		List<Byte> attempts = new ArrayList<>();
		KeySet taken = new KeySet(rows * 4);
		int row = 0;
		int id = 0;
		while (row < rows) {
			if (random.nextInt(100) < 2) {
				rowAgencies[row++] = INVALID;
				continue;
			}
			byte attempt = 0;
			Agency agency;
			while (true) {
				agency = agency(id, attempt, seed);
				long[] keys = agency.uniqueKeys();
				if (taken.containsNone(keys)) {
					taken.addAll(keys);
					break;
				}
				attempt++;
				if (attempt == Byte.MAX_VALUE) {
					throw new IllegalStateException("Cannot make agency " + id + " unique");
				}
			}
			attempts.add(attempt);
			int draw = random.nextInt(100);
			int occurrences = (draw < SINGLES) ? 1 : (draw < SINGLES + (100 - SINGLES) * 40 / 65) ? 2 : 3;
			for (int i = 0; i < occurrences && row < rows; i++) {
				rowAgencies[row++] = id;
			}
			id++;
		}
		// duplicates are spread through the whole file, not side by side
		for (int i = rows - 1; i > 0; i--) {
			int j = random.nextInt(i + 1);
			int swap = rowAgencies[i];
			rowAgencies[i] = rowAgencies[j];
			rowAgencies[j] = swap;
		}
		byte[] attemptArray = new byte[attempts.size()];
		for (int i = 0; i < attemptArray.length; i++) {
			attemptArray[i] = attempts.get(i);
		}
		return new Agencies(rowAgencies, attemptArray);
	}

	Agency agency(int id, int attempt, long seed) {
		SplittableRandom random = new SplittableRandom(mix(seed, id * 131L + attempt));
		Place place = place(random.nextDouble() * this.cumulativeWeights[this.cumulativeWeights.length - 1]);
		String name;
		String emailDomain = null;
		String website = null;
		String city = place.city();
		int kind = random.nextInt(100);
		int brand = -1;
		if (kind < 35) {
			brand = random.nextInt(BRANDS.length);
			String where = (random.nextInt(3) == 0) ? pick(random, DISTRICTS)
					: (random.nextInt(2) == 0) ? city : city + " " + pick(random, DISTRICTS);
			name = BRANDS[brand] + " " + where;
		}
		else if (kind < 45) {
			name = "Agence " + pick(random, LANDMARKS);
		}
		else if (kind < 52) {
			name = "Immobilière " + pick(random, REGIONS);
		}
		else if (kind < 62) {
			name = "Cabinet " + pick(random, SURNAMES) + " Immobilier";
		}
		else if (kind < 72) {
			name = pick(random, SURNAMES) + " Immobilier";
		}
		else if (kind < 78) {
			name = pick(random, SURNAMES) + " & " + pick(random, SURNAMES) + " Immobilier";
		}
		else if (kind < 84) {
			name = "Agence " + pick(random, SURNAMES);
		}
		else if (kind < 90) {
			name = city + " Immobilier";
		}
		else if (kind < 94) {
			name = "L'Immobilier " + pick(random, LANDMARKS);
		}
		else if (kind < 97) {
			name = "Les Toits de " + city;
		}
		else {
			name = "Immo " + pick(random, SURNAMES) + " " + city;
		}
		String slug = slug(name);
		// e-mail and web domains have no spaces
		String citySlug = slug(city).replace(' ', '-');
		if (brand >= 0) {
			emailDomain = BRAND_DOMAINS[brand];
		}
		else if (random.nextInt(100) < 55) {
			String nameSlug = slug.replace(' ', '-');
			website = nameSlug + (nameSlug.contains(citySlug) ? "" : "-" + citySlug) + ".fr";
			emailDomain = website;
		}
		String local;
		if (brand >= 0) {
			local = slug(name.substring(BRANDS[brand].length())).replace(' ', '.');
			String cityLocal = citySlug.replace('-', '.');
			local = local.contains(cityLocal) ? local : local + "." + cityLocal;
			if (random.nextInt(3) == 0) {
				website = "www." + emailDomain + "/agence/" + local.replace('.', '-');
			}
		}
		else if (emailDomain != null) {
			local = pick(random, new String[] { "contact", "accueil", "agence", "info", "transaction" });
		}
		else {
			emailDomain = pick(random, MAIL_PROVIDERS);
			String nameLocal = slug.replace(' ', '.');
			String cityLocal = citySlug.replace('-', '.');
			local = nameLocal + (nameLocal.contains(cityLocal) ? "" : "." + cityLocal);
		}
		String email = local.replace(' ', '.') + "@" + emailDomain;
		String phone = phone(random);
		String siren = siren(random);
		String nic = String.format(Locale.ROOT, "%04d", 1 + random.nextInt(300));
		String siret = siren + nic + luhnDigit(siren + nic);
		String address = (1 + random.nextInt(180)) + " " + pick(random, STREETS);
		return new Agency(id, name, siren, siret, email, phone, address, place.postcode(), city, website);
	}

	private String[] row(Agencies agencies, int row, long seed) {
		SplittableRandom random = new SplittableRandom(mix(seed ^ 0x5DEECE66DL, row));
		int id = agencies.rowAgencies[row];
		if (id == INVALID) {
			return invalidRow(random, seed);
		}
		Agency agency = agency(id, agencies.attempts[id], seed);
		String name = messyName(random, agency.name());
		String siret = messySiret(random, agency.siret());
		String email = (random.nextInt(100) < 25) ? ""
				: (random.nextInt(100) < 20) ? agency.email().toUpperCase(Locale.ROOT) : agency.email();
		String phone = (random.nextInt(100) < 20) ? "" : messyPhone(random, agency.phone());
		if (name.isEmpty() && email.isEmpty() && !validPhone(phone) && !validCompanyIdentifier(siret)) {
			// a true agency's row always keeps something that identifies it
			name = agency.name();
		}
		String address = (random.nextInt(100) < 15) ? "" : messyCase(random, agency.address());
		String postcode = (random.nextInt(100) < 7) ? "" : agency.postcode();
		String city = (random.nextInt(100) < 5) ? "" : messyCase(random, agency.city());
		String website = "";
		if (agency.website() != null && random.nextInt(100) < 70) {
			website = switch (random.nextInt(3)) {
				case 0 -> "https://" + withWww(agency.website()) + (agency.website().contains("/") ? "" : "/");
				case 1 -> withWww(agency.website());
				default -> agency.website().replaceFirst("^www\\.", "");
			};
		}
		return new String[] { name, siret, email, phone, address, postcode, city, website };
	}

	private String[] invalidRow(SplittableRandom random, long seed) {
		Place place = place(random.nextDouble() * this.cumulativeWeights[this.cumulativeWeights.length - 1]);
		String address = (1 + random.nextInt(180)) + " " + pick(random, STREETS);
		return switch (random.nextInt(4)) {
			// only a place
			case 0 -> new String[] { "", "", "", "", address, place.postcode(), place.city(), "" };
			// a website alone identifies nothing
			case 1 ->
				new String[] { "", "", "", "", "", "", place.city(), "www.annonces-" + random.nextInt(1000) + ".fr" };
			// identifiers that are all unusable
			case 2 -> new String[] { "", "123 456", "contact@", "06 12", address, place.postcode(), place.city(), "" };
			// a town alone (a line of separators only would be a blank line, which is
			// not a data row)
			default -> new String[] { "", "", "", "", "", "", place.city(), "" };
		};
	}

	private static String messyName(SplittableRandom random, String name) {
		int draw = random.nextInt(100);
		if (draw < 3) {
			return "";
		}
		String result = name;
		if (random.nextInt(100) < 10) {
			result = stripAccents(result);
		}
		int casing = random.nextInt(100);
		if (casing < 12) {
			result = result.toUpperCase(Locale.ROOT);
		}
		else if (casing < 17) {
			result = result.toLowerCase(Locale.ROOT);
		}
		if (random.nextInt(100) < 8) {
			result = typo(random, result);
		}
		int legal = random.nextInt(100);
		if (legal < 4) {
			result = result + " " + pick(random, LEGAL_FORMS);
		}
		else if (legal < 7) {
			result = pick(random, LEGAL_FORMS) + " " + result;
		}
		if (random.nextInt(100) < 3) {
			result = "  " + result.replace(" ", "  ") + " ";
		}
		return result;
	}

	/**
	 * One character replaced, dropped, doubled or swapped with the next, not in the first
	 * 3.
	 */
	static String typo(SplittableRandom random, String name) {
		if (name.length() < 6) {
			return name;
		}
		int at = 3 + random.nextInt(name.length() - 4);
		char c = name.charAt(at);
		if (!Character.isLetter(c)) {
			return name;
		}
		return switch (random.nextInt(4)) {
			case 0 -> name.substring(0, at) + (char) ('a' + random.nextInt(26)) + name.substring(at + 1);
			case 1 -> name.substring(0, at) + name.substring(at + 1);
			case 2 -> name.substring(0, at) + c + name.substring(at);
			default -> name.substring(0, at) + name.charAt(at + 1) + c + name.substring(at + 2);
		};
	}

	private static String messySiret(SplittableRandom random, String siret) {
		int draw = random.nextInt(100);
		if (draw < 45) {
			return siret;
		}
		if (draw < 60) {
			return siret.substring(0, 3) + " " + siret.substring(3, 6) + " " + siret.substring(6, 9) + " "
					+ siret.substring(9);
		}
		if (draw < 80) {
			return "";
		}
		if (draw < 90) {
			String siren = siret.substring(0, 9);
			return random.nextBoolean() ? siren
					: siren.substring(0, 3) + " " + siren.substring(3, 6) + " " + siren.substring(6);
		}
		if (draw < 95) {
			// a bad field: the check digit is wrong
			int last = siret.charAt(13) - '0';
			return siret.substring(0, 13) + (char) ('0' + (last + 1 + random.nextInt(9)) % 10);
		}
		return siret.substring(0, 9) + "." + siret.substring(9);
	}

	private static String messyPhone(SplittableRandom random, String national) {
		String digits = national.substring(1);
		String pairs = pairs(national, " ");
		return switch (random.nextInt(9)) {
			case 0 -> pairs;
			case 1 -> pairs(national, ".");
			case 2 -> national;
			case 3 -> "+33 " + digits.charAt(0) + " " + pairs(digits.substring(1), " ");
			case 4 -> "+33" + digits;
			case 5 -> "0033 " + digits.charAt(0) + " " + pairs(digits.substring(1), " ");
			case 6 -> pairs(national, "-");
			case 7 -> "+33 (0)" + digits;
			// a bad field: a truncated number
			default -> (random.nextInt(4) == 0) ? national.substring(0, 6) : pairs;
		};
	}

	private static String pairs(String digits, String separator) {
		StringBuilder out = new StringBuilder();
		for (int i = 0; i < digits.length(); i += 2) {
			if (i > 0) {
				out.append(separator);
			}
			out.append(digits, i, Math.min(i + 2, digits.length()));
		}
		return out.toString();
	}

	private static boolean validPhone(String phone) {
		return phone.replaceAll("\\D", "").length() >= 10;
	}

	private static boolean validCompanyIdentifier(String value) {
		String digits = value.replaceAll("[ .]", "");
		return (digits.length() == 14 || digits.length() == 9) && luhnValid(digits);
	}

	private static String messyCase(SplittableRandom random, String text) {
		int draw = random.nextInt(100);
		if (draw < 10) {
			return text.toUpperCase(Locale.ROOT);
		}
		if (draw < 15) {
			return stripAccents(text).toUpperCase(Locale.ROOT);
		}
		if (draw < 20) {
			return stripAccents(text);
		}
		return text;
	}

	private static String withWww(String website) {
		return website.startsWith("www.") ? website : "www." + website;
	}

	private static String phone(SplittableRandom random) {
		while (true) {
			String number;
			if (random.nextInt(100) < 45) {
				number = (random.nextBoolean() ? "06" : "07")
						+ String.format(Locale.ROOT, "%08d", random.nextInt(100_000_000));
			}
			else {
				number = "0" + (1 + random.nextInt(5))
						+ String.format(Locale.ROOT, "%08d", random.nextInt(100_000_000));
			}
			try {
				if (PHONES.isValidNumber(PHONES.parse(number, "FR"))) {
					return number;
				}
			}
			catch (NumberParseException ex) {
				// draw again
			}
		}
	}

	private static String siren(SplittableRandom random) {
		while (true) {
			String base = String.format(Locale.ROOT, "%08d", 10_000_000 + random.nextInt(90_000_000));
			String siren = base + luhnDigit(base);
			// La Poste's SIREN follows another rule
			if (!siren.equals("356000000")) {
				return siren;
			}
		}
	}

	/** The digit that makes {@code digits + it} pass the Luhn check. */
	static char luhnDigit(String digits) {
		for (char candidate = '0'; candidate <= '9'; candidate++) {
			if (luhnValid(digits + candidate)) {
				return candidate;
			}
		}
		throw new IllegalStateException();
	}

	static boolean luhnValid(String digits) {
		int sum = 0;
		boolean twice = false;
		for (int i = digits.length() - 1; i >= 0; i--) {
			int digit = digits.charAt(i) - '0';
			if (digit < 0 || digit > 9) {
				return false;
			}
			if (twice) {
				digit *= 2;
				if (digit > 9) {
					digit -= 9;
				}
			}
			sum += digit;
			twice = !twice;
		}
		return sum % 10 == 0;
	}

	private Place place(double point) {
		int index = Arrays.binarySearch(this.cumulativeWeights, point);
		index = (index >= 0) ? index : Math.min(-index - 1, this.places.size() - 1);
		return this.places.get(index);
	}

	private static <T> T pick(SplittableRandom random, T[] values) {
		return values[random.nextInt(values.length)];
	}

	static String stripAccents(String text) {
		return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
	}

	/** Lower-case ASCII words separated by single spaces. */
	static String slug(String text) {
		return stripAccents(text).toLowerCase(Locale.ROOT).replace("&", " et ").replaceAll("[^a-z0-9]+", " ").strip();
	}

	/**
	 * A comparison key at least as coarse as the importer's: no case, accents,
	 * punctuation, little words or legal forms, and "immobilière" the same as "immo".
	 */
	static String nameKey(String name) {
		List<String> kept = new ArrayList<>();
		for (String word : slug(name).split(" ")) {
			if (word.isEmpty() || LITTLE_WORDS.contains(word)) {
				continue;
			}
			kept.add(word.startsWith("immo") ? "immo" : word.equals("st") ? "saint" : word);
		}
		return String.join(" ", kept);
	}

	private static void appendCell(StringBuilder line, String value) {
		if (value.indexOf(';') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0) {
			line.append('"').append(value.replace("\"", "\"\"")).append('"');
		}
		else {
			line.append(value);
		}
	}

	private static long mix(long seed, long value) {
		long z = seed * 0x9E3779B97F4A7C15L + value;
		z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
		z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
		return z ^ (z >>> 31);
	}

	private static long hash(String text) {
		long h = 0xcbf29ce484222325L;
		for (int i = 0; i < text.length(); i++) {
			h ^= text.charAt(i);
			h *= 0x100000001b3L;
		}
		// 0 marks an empty slot of KeySet
		return (h == 0) ? 1 : mix(h, 0);
	}

	record Place(String postcode, String city) {
	}

	/**
	 * A set of non-zero 64-bit hashes in one array (open addressing): a million rows make
	 * three million keys, too many boxed Longs for a 512 MB heap shared with the app.
	 */
	static final class KeySet {

		private long[] slots;

		private int size;

		KeySet(int expected) {
			this.slots = new long[Integer.highestOneBit(Math.max(16, expected) * 2)];
		}

		boolean containsNone(long[] keys) {
			for (long key : keys) {
				if (this.slots[slot(this.slots, key)] != 0) {
					return false;
				}
			}
			return true;
		}

		void addAll(long[] keys) {
			for (long key : keys) {
				int slot = slot(this.slots, key);
				if (this.slots[slot] == 0) {
					this.slots[slot] = key;
					this.size++;
				}
			}
			if (this.size * 2 > this.slots.length) {
				long[] old = this.slots;
				this.slots = new long[old.length * 2];
				for (long key : old) {
					if (key != 0) {
						this.slots[slot(this.slots, key)] = key;
					}
				}
			}
		}

		private static int slot(long[] slots, long key) {
			int mask = slots.length - 1;
			int slot = (int) (key ^ (key >>> 32)) & mask;
			while (slots[slot] != 0 && slots[slot] != key) {
				slot = (slot + 1) & mask;
			}
			return slot;
		}

	}

	/** A true agency. */
	public record Agency(int id, String name, String siren, String siret, String email, String phone, String address,
			String postcode, String city, String website) {

		/** Hashes of what no other true agency may share with this one. */
		long[] uniqueKeys() {
			String key = nameKey(this.name);
			return new long[] { hash("name-postcode|" + this.postcode + "|" + key),
					hash("name-city|" + slug(this.city) + "|" + key), hash("siren|" + this.siren),
					hash("email|" + this.email), hash("phone|" + this.phone), hash("website|"
							+ ((this.website != null) ? this.website.replaceFirst("^www\\.", "") : this.email)) };
		}

	}

	/** The true agency of every row, and how each agency was made unique. */
	record Agencies(int[] rowAgencies, byte[] attempts) {

		int count() {
			return this.attempts.length;
		}

	}

	/**
	 * A written file, with the true agency of each data row (index 0 is row 1), or
	 * {@link #INVALID}.
	 */
	public record Generated(Path csv, int[] truth, int agencies, IntFunction<Agency> agency) {

		public int rows() {
			return this.truth.length;
		}

		/** The franchise network of a true agency, or null for an independent one. */
		public String network(int id) {
			String name = this.agency.apply(id).name();
			for (String brand : BRANDS) {
				if (name.startsWith(brand + " ")) {
					return brand;
				}
			}
			return null;
		}

	}

}
