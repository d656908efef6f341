package fr.atlas.prospects.bench;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;

/**
 * Generates messy French agency files with their ground truth: which rows are the same
 * agency. Each agency appears one to three times, written differently each time (phone
 * formats, case and accents, legal forms, missing or spaced SIRET, SIREN only, typos in
 * names, upper-case e-mails, missing fields); franchise agencies of one network share
 * their brand, head-office website and e-mail pattern in many towns; a few rows identify
 * nothing and must be rejected.
 */
public final class MessyAgencyFiles {

	static final String HEADER = "Raison sociale;SIRET;E-mail;Téléphone;Adresse;Code postal;Ville;Site web;Nb annonces;Chiffre d'affaires";

	private static final String[] BRANDS = { "Century 21", "Orpi", "Laforêt", "Guy Hoquet", "Stéphane Plaza Immobilier",
			"ERA Immobilier", "Foncia", "Nestenn", "IAD France", "Square Habitat", "Citya" };

	private static final String[] PREFIXES = { "Agence", "Cabinet", "Immobilière", "Espace Immo",
			"Maison de l'Immobilier", "Comptoir Immobilier", "Atelier Immobilier", "Office Immobilier", "Groupe",
			"Les Clés" };

	private static final String[] PLACES = { "du Centre", "de la Gare", "des Halles", "du Port", "du Parc",
			"Saint-Michel", "Victor Hugo", "de la Mairie", "du Marché", "des Quais", "de l'Église", "du Château",
			"des Remparts", "Jean Jaurès", "de la Plage", "du Lac", "des Vignes", "Pasteur", "de la République",
			"des Arts" };

	private static final String[] SURNAMES = { "Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit",
			"Durand", "Leroy", "Moreau", "Simon", "Laurent", "Lefèvre", "Michel", "Garcia", "David", "Bertrand", "Roux",
			"Vincent", "Fournier", "Morel", "Girard", "André", "Lefebvre", "Mercier", "Dupont", "Lambert", "Bonnet",
			"François", "Martinez", "Legrand", "Garnier", "Faure", "Rousseau", "Blanc", "Guérin", "Muller", "Henry",
			"Roussel", "Nicolas", "Perrin", "Morin", "Mathieu", "Clément", "Gauthier", "Dumont", "Lopez", "Fontaine",
			"Chevalier", "Robin" };

	private static final String[] SYLLABLES = { "mont", "ville", "bourg", "val", "saint", "roche", "fort", "beau",
			"lac", "pré", "champ", "font", "neuf", "clair", "sur", "mer", "bois", "pont", "vert", "haut" };

	private static final String[] LEGAL = { "SARL", "SAS", "SASU", "EURL", "S.A.R.L.", "SA" };

	private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

	private final Random random;

	private final List<String[]> places = new ArrayList<>();

	public MessyAgencyFiles(long seed) {
		this.random = new Random(seed);
		for (int department = 1; department <= 95; department++) {
			if (department == 20) {
				for (String code : new String[] { "20000", "20090", "20200", "20600" }) {
					this.places.add(new String[] { code, town() });
				}
				continue;
			}
			for (int k = 0; k < 10; k++) {
				this.places.add(new String[] { String.format("%02d%d00", department, k), town() });
			}
		}
		for (int arrondissement = 1; arrondissement <= 20; arrondissement++) {
			this.places.add(new String[] { String.format("750%02d", arrondissement), "Paris" });
		}
	}

	/**
	 * About {@code rows} data rows and their truth: the agency of each row, -1 for rows
	 * to reject.
	 */
	public Generated generate(int rows) {
		int agencies = (int) (rows / 1.4);
		List<Agency> truth = new ArrayList<>();
		Map<String, Set<String>> namesByPostcode = new HashMap<>();
		for (int i = 0; i < agencies; i++) {
			truth.add(agency(i, namesByPostcode));
		}
		List<Row> lines = new ArrayList<>();
		for (Agency agency : truth) {
			double dice = this.random.nextDouble();
			int copies = (dice < 0.7) ? 1 : (dice < 0.9) ? 2 : 3;
			for (int c = 0; c < copies; c++) {
				lines.add(new Row(agency.index(), write(agency, c > 0)));
			}
		}
		int invalid = Math.max(1, rows / 50);
		for (int i = 0; i < invalid; i++) {
			String[] place = this.places.get(this.random.nextInt(this.places.size()));
			lines.add(new Row(-1, ";;;;12 rue sans nom;" + place[0] + ";" + place[1] + ";;3;"));
		}
		Collections.shuffle(lines, this.random);
		StringBuilder csv = new StringBuilder(HEADER).append('\n');
		int[] entities = new int[lines.size()];
		for (int i = 0; i < lines.size(); i++) {
			csv.append(lines.get(i).line()).append('\n');
			entities[i] = lines.get(i).entity();
		}
		return new Generated(csv.toString(), entities);
	}

	private Agency agency(int index, Map<String, Set<String>> namesByPostcode) {
		String[] place = this.places.get(this.random.nextInt(this.places.size()));
		Set<String> taken = namesByPostcode.computeIfAbsent(place[0], (k) -> new HashSet<>());
		String name;
		boolean franchise = this.random.nextDouble() < 0.2;
		do {
			if (franchise) {
				String brand = BRANDS[this.random.nextInt(BRANDS.length)];
				name = brand + " " + place[1]
						+ (this.random.nextBoolean() ? "" : " " + PLACES[this.random.nextInt(PLACES.length)]);
			}
			else {
				name = switch (this.random.nextInt(3)) {
					case 0 -> PREFIXES[this.random.nextInt(PREFIXES.length)] + " "
							+ PLACES[this.random.nextInt(PLACES.length)];
					case 1 -> PREFIXES[this.random.nextInt(PREFIXES.length)] + " "
							+ SURNAMES[this.random.nextInt(SURNAMES.length)];
					default -> SURNAMES[this.random.nextInt(SURNAMES.length)] + " & "
							+ SURNAMES[this.random.nextInt(SURNAMES.length)] + " Immobilier";
				};
			}
		}
		while (!taken.add(key(name)));
		String slug = slug(name) + "-" + index;
		String siren = (this.random.nextDouble() < 0.65) ? luhn(String.format("%08d", this.random.nextInt(100_000_000)))
				: null;
		String siret = (siren != null) ? luhn(siren + String.format("%04d", 1 + this.random.nextInt(9998))) : null;
		String email = (this.random.nextDouble() < 0.8)
				? (franchise ? slug + "@" + slug(name.split(" ")[0]) + "-reseau.fr" : "contact@" + slug + ".fr") : null;
		String phone = (this.random.nextDouble() < 0.85) ? phone(place[0]) : null;
		String website = franchise ? "https://www." + slug(name.split(" ")[0]) + ".fr/agence/" + slug
				: (this.random.nextDouble() < 0.5) ? "www." + slug + ".fr" : null;
		String address = (1 + this.random.nextInt(120)) + " "
				+ PLACES[this.random.nextInt(PLACES.length)].replaceFirst("^(du|de la|des|de l')\\s*", "rue ");
		return new Agency(index, name, siret, email, phone, address, place[0], place[1], website,
				this.random.nextInt(200), (long) this.random.nextInt(5_000_000));
	}

	private String write(Agency agency, boolean duplicate) {
		String name = agency.name();
		double dice = this.random.nextDouble();
		if (dice < 0.15) {
			name = name.toUpperCase(Locale.ROOT);
		}
		else if (dice < 0.25) {
			name = stripAccents(name).toLowerCase(Locale.ROOT);
		}
		if (this.random.nextDouble() < 0.2) {
			String legal = LEGAL[this.random.nextInt(LEGAL.length)];
			name = this.random.nextBoolean() ? legal + " " + name : name + " " + legal;
		}
		if (duplicate && this.random.nextDouble() < 0.15) {
			name = typo(name);
		}
		String siret = agency.siret();
		if (siret != null) {
			double s = this.random.nextDouble();
			if (duplicate && s < 0.3) {
				siret = "";
			}
			else if (s < 0.4) {
				siret = siret.substring(0, 9);
			}
			else if (s < 0.7) {
				siret = siret.substring(0, 3) + " " + siret.substring(3, 6) + " " + siret.substring(6, 9) + " "
						+ siret.substring(9);
			}
			else if (s < 0.73) {
				siret = siret.substring(0, 13) + ((siret.charAt(13) - '0' + 1) % 10);
			}
		}
		String email = agency.email();
		if (email != null) {
			double e = this.random.nextDouble();
			email = (duplicate && e < 0.2) ? "" : (e < 0.5) ? email.toUpperCase(Locale.ROOT) : email;
		}
		String phone = agency.phone();
		if (phone != null) {
			phone = (duplicate && this.random.nextDouble() < 0.2) ? "" : formatPhone(phone);
		}
		String postcode = (this.random.nextDouble() < 0.05) ? "" : agency.postcode();
		String website = (agency.website() != null && this.random.nextDouble() < 0.8) ? agency.website() : "";
		String listings = (this.random.nextDouble() < 0.7) ? String.valueOf(agency.listings()) : "";
		String revenue = (this.random.nextDouble() < 0.5) ? formatMoney(agency.revenueEuros()) : "";
		return String.join(";", quote(name), nz(siret), nz(email), nz(phone), quote(agency.address()), postcode,
				agency.city(), website, listings, revenue);
	}

	private String formatMoney(long euros) {
		return switch (this.random.nextInt(3)) {
			case 0 -> String.format(Locale.FRANCE, "%,d €", euros).replace('\u202F', ' ').replace('\u00A0', ' ');
			case 1 -> String.format(Locale.ROOT, "%.1f M€", euros / 1_000_000.0).replace('.', ',');
			default -> Long.toString(euros);
		};
	}

	private String formatPhone(String national) {
		String d = national;
		return switch (this.random.nextInt(5)) {
			case 0 -> d.substring(0, 2) + " " + d.substring(2, 4) + " " + d.substring(4, 6) + " " + d.substring(6, 8)
					+ " " + d.substring(8);
			case 1 -> d.substring(0, 2) + "." + d.substring(2, 4) + "." + d.substring(4, 6) + "." + d.substring(6, 8)
					+ "." + d.substring(8);
			case 2 -> "+33 " + d.charAt(1) + " " + d.substring(2, 4) + " " + d.substring(4, 6) + " " + d.substring(6, 8)
					+ " " + d.substring(8);
			case 3 -> "0033" + d.substring(1);
			default -> d;
		};
	}

	private String phone(String postcode) {
		int department = postcode.startsWith("2") && postcode.charAt(1) == '0' ? 20
				: Integer.parseInt(postcode.substring(0, 2));
		char area = (department == 75 || department >= 77 && department <= 78 || department >= 91) ? '1'
				: (department <= 29 || department >= 35 && department <= 53) ? '2'
						: (department <= 59) ? '3' : (department <= 70) ? '4' : '5';
		while (true) {
			String number = "0" + area + String.format("%08d", this.random.nextInt(100_000_000));
			try {
				if (PHONES.isValidNumber(PHONES.parse(number, "FR"))) {
					return number;
				}
			}
			catch (NumberParseException ex) {
				// try another
			}
		}
	}

	private String typo(String name) {
		int position = 1 + this.random.nextInt(Math.max(1, name.length() - 2));
		if (!Character.isLetter(name.charAt(position)) || !Character.isLetter(name.charAt(position - 1))) {
			return name;
		}
		if (this.random.nextBoolean()) {
			return name.substring(0, position) + name.substring(position + 1);
		}
		char[] chars = name.toCharArray();
		char c = chars[position];
		chars[position] = chars[position - 1];
		chars[position - 1] = c;
		return new String(chars);
	}

	private String town() {
		String first = SYLLABLES[this.random.nextInt(SYLLABLES.length)];
		String second = SYLLABLES[this.random.nextInt(SYLLABLES.length)];
		String name = Character.toUpperCase(first.charAt(0)) + first.substring(1) + second;
		return this.random.nextInt(4) == 0 ? name + "-sur-Loire" : name;
	}

	static String luhn(String digits) {
		for (int key = 0; key <= 9; key++) {
			String candidate = digits + key;
			int sum = 0;
			for (int i = 0; i < candidate.length(); i++) {
				int digit = candidate.charAt(candidate.length() - 1 - i) - '0';
				if (i % 2 == 1) {
					digit *= 2;
					if (digit > 9) {
						digit -= 9;
					}
				}
				sum += digit;
			}
			if (sum % 10 == 0) {
				return candidate;
			}
		}
		throw new IllegalStateException();
	}

	private static String key(String name) {
		return stripAccents(name).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " ").strip();
	}

	private static String slug(String name) {
		return key(name).replace(' ', '-');
	}

	private static String stripAccents(String text) {
		return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
	}

	private static String quote(String value) {
		return value.contains(";") || value.contains("\"") ? '"' + value.replace("\"", "\"\"") + '"' : value;
	}

	private static String nz(String value) {
		return (value != null) ? value : "";
	}

	record Agency(int index, String name, String siret, String email, String phone, String address, String postcode,
			String city, String website, int listings, long revenueEuros) {
	}

	record Row(int entity, String line) {
	}

	/** The file and, for each data row in order, its agency (-1: must be rejected). */
	public record Generated(String csv, int[] entities) {
	}

}
