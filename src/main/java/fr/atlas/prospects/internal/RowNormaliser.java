package fr.atlas.prospects.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Turns a raw row into clean values, field by field: a value that fails its check is
 * dropped with a {@code field:code} warning and the rest of the row is kept; a row with
 * no name and no e-mail, phone or SIRET/SIREN is rejected ({@code row:no_identity}).
 */
final class RowNormaliser {

	private static final java.util.regex.Pattern SEVERAL_NUMBERS = java.util.regex.Pattern
		.compile("\\s*[/;|]\\s*|\\s+(?:ou|or)\\s+");

	/** "Fax", "Fax :", "fax." and the like right before a number. */
	private static final java.util.regex.Pattern FAX_BEFORE = java.util.regex.Pattern
		.compile("(?i)\\bt[ée]l[ée]?copie\\W*$|\\bfax\\W*$");

	/** "(fax)", " fax" right after a number. */
	private static final java.util.regex.Pattern FAX_AFTER = java.util.regex.Pattern.compile("(?i)\\W*fax\\b");

	/** "(fax)" right after a number, whatever follows. */
	private static final java.util.regex.Pattern FAX_IN_BRACKETS = java.util.regex.Pattern
		.compile("(?i)\\s*\\(\\s*fax");

	/** "(fax)" that starts the text after a number: the number before's. */
	private static final java.util.regex.Pattern FAX_BRACKETS = java.util.regex.Pattern
		.compile("(?i)^\\s*\\(\\s*fax[^)]*\\)");

	/** A French number written in any of the usual ways, inside a longer text. */
	private static final java.util.regex.Pattern FRENCH_NUMBER = java.util.regex.Pattern
		.compile("(?:(?:\\+|00)\\s?33\\s?(?:\\(0\\)\\s?)?|0)[1-9](?:[\\s.-]?\\d){8}(?!\\d)");

	/** Monaco's town keys, for a row that names the town without its postcode. */
	private static final Set<String> MONACO_TOWNS = Set.of("monaco", "monte carlo");

	private final ColumnMapping mapping;

	private final boolean headcountInBands;

	RowNormaliser(ColumnMapping mapping) {
		this.mapping = mapping;
		this.headcountInBands = mapping.headcountInBands();
	}

	private static final java.util.regex.Pattern SEVERAL_EMAILS = java.util.regex.Pattern.compile("[,;/\\s]+");

	/** Between a label and the address after it: "Contact :", "E-mail -", "Mail". */
	private static final java.util.regex.Pattern LABEL_AND_ADDRESS = java.util.regex.Pattern
		.compile("\\s*[:\\-–]\\s*|\\s+");

	/**
	 * Between the sites of one cell: "www.x.fr / www.y.fr", "x.fr ; y.fr", "x.fr y.fr".
	 */
	private static final java.util.regex.Pattern SEVERAL_SITES = java.util.regex.Pattern
		.compile("\\s*[,;|]\\s*|\\s+/\\s+|\\s+");

	/**
	 * A count written with words around it: "12 annonces", "env. 40", "≈ 30", "40+",
	 * "environ 25 biens".
	 */
	private static final java.util.regex.Pattern COUNT_IN_WORDS = java.util.regex.Pattern.compile(
			"(?iu)(?:env(?:iron)?\\.?|approx(?:\\.|imativement)?|~|≈|\\+/-|±)?\\s*(\\d[\\d\\s\\u00a0\\u202f.]*?)\\s*\\+?\\s*"
					+ "(?:annonces?|biens?|mandats?|lots?|listings?|offres?)?");

	/**
	 * A cell as it was before an export kept a spreadsheet from running it as a formula:
	 * the apostrophe before {@code = + - @} ("'=HYPERLINK(…)", "'+32 2 234 56 78", as
	 * Atlas's own export and others write them) is no part of the value, and a file sent
	 * back in would otherwise name an agency "'@gence Immo".
	 */
	static @Nullable String defused(@Nullable String value) {
		if (value == null || value.length() < 2 || value.charAt(0) != '\'') {
			return value;
		}
		char first = value.charAt(1);
		return (first == '=' || first == '+' || first == '-' || first == '@') ? value.substring(1) : value;
	}

	/**
	 * How the import reads each cell of a row, for the wizard's preview (one per column,
	 * null where the column is ignored, the cell empty or not read as a value): the
	 * number a spreadsheet took the leading zero from as it is dialled ("04 50 12 34
	 * 56"), a SIRET in groups, an e-mail in lower case, a band's code as its range. The
	 * rules are the row's ({@link #normalise}), cell by cell: a problem reads as nothing
	 * here and is named among the row's problems.
	 */
	List<@Nullable String> readings(SourceRow row) {
		List<@Nullable String> readings = new ArrayList<>(row.cells().size());
		for (int column = 0; column < row.cells().size(); column++) {
			ImportField field = (column < this.mapping.headers().size()) ? this.mapping.field(column)
					: ImportField.IGNORED;
			String value = defused(CleanText.of(row.cell(column)));
			readings.add((field == ImportField.IGNORED || value == null || Placeholders.is(value)
					|| value.length() > field.longest()) ? null : reading(field, value));
		}
		return readings;
	}

	private @Nullable String reading(ImportField field, String value) {
		List<String> ignored = new ArrayList<>();
		return switch (field) {
			case SIRET -> ProspectExport.grouped(CompanyIdentifiers.siret(value).value());
			case SIREN -> ProspectExport.grouped(CompanyIdentifiers.siren(value).value());
			case NAF -> naf(ignored, value);
			case POSTCODE -> Postcodes.normalise(value).value();
			case WEBSITE -> website(ignored, value);
			case LINKEDIN -> linkedin(ignored, value);
			case EMAIL, CONTACT_EMAIL -> {
				Set<String> emails = new LinkedHashSet<>();
				severalEmails(value).forEach((email) -> add(emails, email(email).value()));
				yield emails.isEmpty() ? null : String.join(", ", emails);
			}
			case PHONE, MOBILE, CONTACT_PHONE -> {
				Set<String> phones = new LinkedHashSet<>();
				phone(ignored, field.key(), value, phones, null);
				yield phones.isEmpty() ? null : String.join(" / ", phones.stream().map(PhoneDisplay::of).toList());
			}
			case LISTING_COUNT -> {
				Integer count = integer(ignored, field.key(), value);
				yield (count != null) ? count.toString() : null;
			}
			case REVENUE -> {
				Long cents = cents(ignored, field.key(), value);
				yield (cents != null) ? String.format(Locale.FRANCE, "%,.2f €", cents / 100.0)
					.replace(",00 €", " €")
					.replace('\u202f', '\u00a0') : null;
			}
			case HEADCOUNT -> this.headcountInBands ? Headcount.fromBandColumn(value) : value;
			case HEADCOUNT_BAND -> Headcount.fromBandColumn(value);
			case SPECIALTY -> lower(value);
			default -> value;
		};
	}

	NormalisedRow normalise(SourceRow row) {
		List<String> messages = new ArrayList<>();
		if (row.problem() != null) {
			return new NormalisedRow(row.number(), row.original(), null, null, List.of(row.problem()));
		}
		Map<ImportField, List<String>> raw = new EnumMap<>(ImportField.class);
		for (int column = 0; column < row.cells().size(); column++) {
			ImportField field = this.mapping.field(column);
			String value = defused(CleanText.of(row.cell(column)));
			if (field != ImportField.IGNORED && value != null && !Placeholders.is(value)) {
				if (value.length() > field.longest()) {
					messages.add(field.key() + ":too_long");
				}
				else {
					raw.computeIfAbsent(field, (f) -> new ArrayList<>()).add(value);
				}
			}
		}
		for (int column : row.formulasWithoutValue()) {
			// the cell reads as empty, but the file holds a value Excel would show
			ImportField field = this.mapping.field(column);
			if (field != ImportField.IGNORED && CleanText.of(row.cell(column)) == null) {
				messages.add(field.key() + ":formula_without_value");
			}
		}
		for (int column = this.mapping.headers().size(); column < row.cells().size(); column++) {
			// more cells than the header names: a delimiter inside an unquoted value
			// ("1,5 M€" in a comma file) moved the rest of the row; say so
			if (CleanText.of(row.cell(column)) != null) {
				messages.add("row:extra_cells");
				break;
			}
		}
		String name = first(raw, ImportField.NAME);
		String tradeName = first(raw, ImportField.TRADE_NAME);
		if (tradeName == null) {
			tradeName = otherName(raw, name);
		}
		if (tradeName == null) {
			// "SARL VCA IMMO - Cabinet du Lac": the legal name and the trade name
			Optional<CombinedNames> combined = CombinedNames.of(name);
			if (combined.isPresent()) {
				name = combined.get().legal();
				tradeName = combined.get().trade();
			}
		}

		String siret = check(messages, "siret", CompanyIdentifiers.siret(first(raw, ImportField.SIRET)));
		String rawSiren = first(raw, ImportField.SIREN);
		String siren = check(messages, "siren", CompanyIdentifiers.siren(rawSiren));
		if (siret == null && messages.contains("siret:invalid_format")) {
			// a 9-digit value in the SIRET column is a SIREN
			Checked<String> asSiren = CompanyIdentifiers.siren(first(raw, ImportField.SIRET));
			if (asSiren.value() != null && siren == null) {
				messages.remove("siret:invalid_format");
				messages.add("siret:siren_only");
				siren = asSiren.value();
			}
		}
		if (siret != null) {
			String fromSiret = siret.substring(0, 9);
			if (siren != null && !siren.equals(fromSiret)) {
				messages.add("siren:mismatch");
			}
			siren = fromSiret;
		}
		String naf = naf(messages, first(raw, ImportField.NAF));
		String city = first(raw, ImportField.CITY);
		String rawPostcode = first(raw, ImportField.POSTCODE);
		Checked<String> checkedPostcode = Postcodes.normalise(rawPostcode);
		if (checkedPostcode.isInvalid()) {
			// "75002 Paris" in the postcode column
			Optional<PlaceInAddress> place = PlaceInAddress.of(rawPostcode).filter((p) -> p.street() == null);
			if (place.isPresent()) {
				checkedPostcode = Checked.ok(place.get().postcode());
				city = (city != null) ? city : place.get().city();
			}
		}
		String postcode = check(messages, "postcode", checkedPostcode);
		// "75008 PARIS" in the town column
		Optional<PlaceInAddress> inTown = PlaceInAddress.of((city != null) ? Postcodes.withoutCountry(city) : null)
			.filter((p) -> p.street() == null);
		if (inTown.isPresent() && inTown.get().city() != null
				&& (postcode == null || postcode.equals(inTown.get().postcode()))) {
			postcode = inTown.get().postcode();
			city = inTown.get().city();
		}
		String address = first(raw, ImportField.ADDRESS);
		Optional<PlaceInAddress> place = PlaceInAddress.of(address);
		if (place.isPresent() && (postcode == null || postcode.equals(place.get().postcode()))) {
			address = place.get().street();
			postcode = place.get().postcode();
			city = (city != null) ? city : place.get().city();
		}
		String website = website(messages, first(raw, ImportField.WEBSITE));
		// numbers written without their country code are French, or Monaco's for an
		// agency there ("93 15 20 00" at 98000 Monaco)
		String phoneRegion = (Postcodes.monaco(postcode) || (postcode == null && monacoTown(city))) ? "MC" : null;

		Set<String> emails = new LinkedHashSet<>();
		for (String value : all(raw, ImportField.EMAIL)) {
			for (String email : severalEmails(value)) {
				add(emails, check(messages, "email", email(email)));
			}
		}
		Set<String> phones = new LinkedHashSet<>();
		for (String value : all(raw, ImportField.PHONE)) {
			phone(messages, "phone", value, phones, phoneRegion);
		}

		ContactValues contact = contact(raw, messages, phones, phoneRegion);
		if (contact != null && (name != null || tradeName != null)) {
			contact = withTheirAddresses(contact, emails);
		}
		Integer listings = integer(messages, "listing_count", first(raw, ImportField.LISTING_COUNT));
		Long revenue = cents(messages, "revenue", first(raw, ImportField.REVENUE));

		boolean identified = name != null || tradeName != null || !emails.isEmpty() || !phones.isEmpty()
				|| siret != null || siren != null;
		if (!identified) {
			messages.add("row:no_identity");
			return new NormalisedRow(row.number(), row.original(), null, null, messages);
		}
		String department = (postcode != null) ? Postcodes.department(postcode) : null;
		String wholeTown = (postcode != null) ? Postcodes.cityWide(postcode) : null;
		if (wholeTown != null) {
			// "75000 Paris": the town, not one of its arrondissements' postcodes
			city = (city != null) ? city : wholeTown;
			postcode = null;
		}
		String keySource = (name != null) ? name : tradeName;
		String nameKey = (keySource != null) ? NameKey.withoutTown(keySource, city) : "";
		AgencyValues agency = new AgencyValues(name, nameKey, tradeName, siren, siret, naf, address, postcode, city,
				department, website, List.copyOf(emails), List.copyOf(phones), lower(first(raw, ImportField.SPECIALTY)),
				listings, revenue, headcount(raw), tags(first(raw, ImportField.TAGS)), first(raw, ImportField.SOURCE));
		return new NormalisedRow(row.number(), row.original(), agency, contact, messages);
	}

	/**
	 * The contact with the addresses of the row's agency e-mails that are the contact's
	 * own at a network's domain, taken out of {@code emails} (ADR 0100). Only for a row
	 * with a name: it still says which agency it is without them.
	 */
	private static ContactValues withTheirAddresses(ContactValues contact, Set<String> emails) {
		List<String> theirs = emails.stream()
			.filter((email) -> PersonalAddresses.atNetwork(email, contact.firstName(), contact.lastName()))
			.toList();
		if (theirs.isEmpty()) {
			return contact;
		}
		theirs.forEach(emails::remove);
		Set<String> contactEmails = new LinkedHashSet<>(contact.emails());
		contactEmails.addAll(theirs);
		return new ContactValues(contact.firstName(), contact.lastName(), contact.role(), List.copyOf(contactEmails),
				contact.phones(), contact.linkedin());
	}

	/** A count where the file gives one, as it is more exact than a band, else a band. */
	private @Nullable String headcount(Map<ImportField, List<String>> raw) {
		String count = first(raw, ImportField.HEADCOUNT);
		if (count != null) {
			return this.headcountInBands ? Headcount.fromBandColumn(count) : count;
		}
		String band = first(raw, ImportField.HEADCOUNT_BAND);
		return (band != null) ? Headcount.fromBandColumn(band) : null;
	}

	private @Nullable ContactValues contact(Map<ImportField, List<String>> raw, List<String> messages,
			Set<String> agencyPhones, @Nullable String phoneRegion) {
		String first = first(raw, ImportField.CONTACT_FIRST_NAME);
		String last = first(raw, ImportField.CONTACT_LAST_NAME);
		String full = first(raw, ImportField.CONTACT_NAME);
		if (first == null && last == null && full != null) {
			int space = full.indexOf(' ');
			if (space > 0) {
				first = full.substring(0, space);
				last = full.substring(space + 1);
			}
			else {
				last = full;
			}
		}
		Set<String> emails = new LinkedHashSet<>();
		for (String value : all(raw, ImportField.CONTACT_EMAIL)) {
			for (String email : severalEmails(value)) {
				add(emails, check(messages, "contact_email", email(email)));
			}
		}
		Set<String> phones = new LinkedHashSet<>();
		for (String value : all(raw, ImportField.CONTACT_PHONE)) {
			phone(messages, "contact_phone", value, phones, phoneRegion);
		}
		boolean person = first != null || last != null;
		// a mobile belongs to the person when the row names one, else to the agency
		for (String value : all(raw, ImportField.MOBILE)) {
			phone(messages, "mobile", value, person ? phones : agencyPhones, phoneRegion);
		}
		String linkedin = linkedin(messages, first(raw, ImportField.LINKEDIN));
		String role = first(raw, ImportField.CONTACT_ROLE);
		if (!person && emails.isEmpty() && phones.isEmpty() && linkedin == null) {
			return null;
		}
		return new ContactValues(first, last, role, List.copyOf(emails), List.copyOf(phones), linkedin);
	}

	/**
	 * An e-mail, or the address a label stands before: "Contact : agence@x.fr", "E-mail -
	 * agence@x.fr".
	 */
	private static Checked<String> email(String value) {
		Checked<String> email = EmailAddresses.normalise(value);
		if (email.isInvalid()) {
			String[] words = LABEL_AND_ADDRESS.split(value.strip());
			String last = words[words.length - 1];
			if (words.length > 1 && last.indexOf('@') > 0 && value.indexOf('@') == value.lastIndexOf('@')) {
				Checked<String> labelled = EmailAddresses.normalise(last);
				if (!labelled.isInvalid()) {
					return labelled;
				}
			}
		}
		return email;
	}

	/**
	 * A website, or the first of the sites of a cell that lists several ("www.x.fr /
	 * www.x-immo.fr"): one agency's sites, of which it keeps one.
	 */
	private static @Nullable String website(List<String> messages, @Nullable String value) {
		Checked<String> website = WebsiteDomain.normalise(value);
		if (website.isInvalid() && value != null) {
			for (String part : SEVERAL_SITES.split(value.strip())) {
				Checked<String> one = WebsiteDomain.normalise(part);
				if (!one.isInvalid() && one.value() != null) {
					return one.value();
				}
			}
		}
		return check(messages, "website", website);
	}

	/**
	 * The addresses of a cell that holds several ("a@x.fr, b@y.fr", "a@x.fr / b@y.fr"):
	 * cut at commas, semicolons, slashes and spaces when it has more than one "@".
	 */
	private static List<String> severalEmails(String value) {
		int at = value.indexOf('@');
		if (at < 0 || value.indexOf('@', at + 1) < 0) {
			return List.of(value);
		}
		List<String> parts = new ArrayList<>();
		for (String part : SEVERAL_EMAILS.split(value)) {
			// the words around the addresses ("Agence X <a@x.fr>, Agence Y <b@y.fr>")
			// are no addresses
			if (part.indexOf('@') >= 0) {
				parts.add(part);
			}
		}
		return parts;
	}

	private static void phone(List<String> messages, String field, String value, Set<String> into,
			@Nullable String region) {
		// one cell may hold several numbers: "01 23 45 67 89 / 06 12 34 56 78"; but a
		// date ("05/01/2024", a date cell of a workbook) is one bad value
		boolean several = severalNumbers(value) && !SpreadsheetDates.is(value);
		for (String part : several ? SEVERAL_NUMBERS.split(value) : new String[] { value }) {
			if (fax(part)) {
				// "01 23 45 67 89 / 01 23 45 67 90 (fax)": a fax number calls no one, but
				// "Fax : 01 23 45 67 90 - Tél : 01 23 45 67 89" holds a number that does
				for (String number : notFax(part)) {
					phone(messages, field, number, into, region);
				}
				continue;
			}
			Checked<PhoneNumbers.Phone> phone = PhoneNumbers.normalise(part, region);
			List<String> numbers = phone.isInvalid() ? frenchNumbersIn(part) : List.of();
			if (numbers.size() == 1 && !numbers.get(0).equals(part.strip())
					&& part.replace(numbers.get(0), "").chars().noneMatch(Character::isDigit)) {
				// "+33 6 12 34 56 78 (portable)", "Agence : 01 23 45 67 89": the
				// number, without the words around it (but "06 12 34 56 78 90" is no
				// number and a few digits more)
				phone(messages, field, numbers.get(0), into, region);
			}
			else if (numbers.size() > 1) {
				// "01 23 45 67 89 - 06 12 34 56 78", "0123456789, 0612345678", or
				// two lines of one cell
				for (String number : notFax(part)) {
					phone(messages, field, number, into, region);
				}
			}
			else if (phone.isInvalid()) {
				messages.add(field + ":" + phone.problem());
			}
			else if (phone.value() != null) {
				into.add(phone.value().e164());
			}
		}
	}

	/** "Monaco", "MONTE-CARLO": most towns are told apart by their first letters. */
	private static boolean monacoTown(@Nullable String city) {
		return city != null
				&& (city.regionMatches(true, 0, "monaco", 0, 6) || city.regionMatches(true, 0, "monte", 0, 5))
				&& MONACO_TOWNS.contains(TownKey.of(city));
	}

	private static boolean fax(String part) {
		String lower = part.toLowerCase(Locale.ROOT);
		return lower.startsWith("fax") || lower.contains("(fax") || lower.endsWith(" fax");
	}

	/**
	 * The French numbers of a text that no "fax" labels: a fax is the number right after
	 * the word ("Fax : 01…", "fax. 01…") or right before it ("01… (fax)", "01… fax").
	 */
	static List<String> notFax(String text) {
		List<String> numbers = new ArrayList<>(2);
		java.util.regex.Matcher matcher = FRENCH_NUMBER.matcher(text);
		List<int[]> found = new ArrayList<>(2);
		while (matcher.find()) {
			found.add(new int[] { matcher.start(), matcher.end() });
		}
		for (int i = 0; i < found.size(); i++) {
			int start = found.get(i)[0];
			int end = found.get(i)[1];
			// "01… (fax) 01…": the brackets are the number before's
			String before = FAX_BRACKETS.matcher(text.substring((i == 0) ? 0 : found.get(i - 1)[1], start))
				.replaceFirst("");
			String after = text.substring(end, (i + 1 < found.size()) ? found.get(i + 1)[0] : text.length());
			// "Tél. 01… - Fax. 01…": a word before the next number is that number's
			boolean faxAfter = (i + 1 == found.size()) ? FAX_AFTER.matcher(after).lookingAt()
					: FAX_IN_BRACKETS.matcher(after).lookingAt();
			if (!FAX_BEFORE.matcher(before).find() && !faxAfter) {
				numbers.add(text.substring(start, end));
			}
		}
		return numbers;
	}

	static List<String> frenchNumbersIn(String text) {
		List<String> numbers = new ArrayList<>(2);
		java.util.regex.Matcher matcher = FRENCH_NUMBER.matcher(text);
		while (matcher.find()) {
			numbers.add(matcher.group());
		}
		return numbers;
	}

	/**
	 * Whether {@link #SEVERAL_NUMBERS} may split a cleaned value (its only white space is
	 * single spaces): most cells hold one number and need no regex.
	 */
	static boolean severalNumbers(String value) {
		return value.indexOf('/') >= 0 || value.indexOf(';') >= 0 || value.indexOf('|') >= 0 || value.contains(" ou ")
				|| value.contains(" or ");
	}

	private static @Nullable String naf(List<String> messages, @Nullable String raw) {
		if (raw == null) {
			return null;
		}
		String code = raw.toUpperCase(Locale.ROOT).replaceAll("[\\s.]", "");
		if (!code.matches("[0-9]{4}[A-Z]")) {
			messages.add("naf:invalid");
			return null;
		}
		return code.substring(0, 2) + "." + code.substring(2);
	}

	private static @Nullable String linkedin(List<String> messages, @Nullable String raw) {
		if (raw == null) {
			return null;
		}
		String url = raw.strip();
		if (!url.toLowerCase(Locale.ROOT).contains("linkedin.com/")) {
			messages.add("linkedin:invalid");
			return null;
		}
		url = url.replaceFirst("^(?i)(https?://)?([a-z]{2,3}\\.)?(www\\.)?linkedin\\.com", "https://www.linkedin.com");
		return url.replaceFirst("[?#].*$", "").replaceFirst("/$", "");
	}

	private static @Nullable Integer integer(List<String> messages, String field, @Nullable String raw) {
		Checked<BigDecimal> number = FrenchNumbers.parse(raw);
		if (number.isInvalid() && raw != null) {
			java.util.regex.Matcher words = COUNT_IN_WORDS.matcher(raw.strip());
			if (words.matches()) {
				number = FrenchNumbers.parse(words.group(1));
			}
		}
		if (number.isInvalid() || (number.value() != null && (number.value().signum() < 0
				|| number.value().compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0))) {
			messages.add(field + ":invalid_number");
			return null;
		}
		if (number.value() != null && number.value().stripTrailingZeros().scale() > 0) {
			// a count is whole: "1,5" is no number of listings
			messages.add(field + ":invalid_number");
			return null;
		}
		return (number.value() != null) ? number.value().intValueExact() : null;
	}

	private static @Nullable Long cents(List<String> messages, String field, @Nullable String raw) {
		Checked<BigDecimal> number = FrenchNumbers.parse(raw);
		// a turnover is never negative: "-5" is a typo or a loss copied into the wrong
		// column
		if (number.isInvalid() || (number.value() != null
				&& (number.value().signum() < 0 || number.value().compareTo(new BigDecimal("1e15")) > 0))) {
			messages.add(field + ":invalid_number");
			return null;
		}
		return (number.value() != null) ? number.value().movePointRight(2).setScale(0, RoundingMode.HALF_UP).longValue()
				: null;
	}

	private static List<String> tags(@Nullable String raw) {
		if (raw == null) {
			return List.of();
		}
		Set<String> tags = new LinkedHashSet<>();
		for (String tag : raw.split("[,;|]")) {
			add(tags, CleanText.of(tag));
		}
		return List.copyOf(tags);
	}

	private static @Nullable String lower(@Nullable String value) {
		return (value != null) ? value.toLowerCase(Locale.ROOT) : null;
	}

	private static <T> @Nullable T check(List<String> messages, String field, Checked<T> checked) {
		if (checked.isInvalid()) {
			messages.add(field + ":" + checked.problem());
		}
		return checked.value();
	}

	private static void add(Set<String> into, @Nullable String value) {
		if (value != null) {
			into.add(value);
		}
	}

	/**
	 * A second column of names ("Raison sociale" and "Nom de l'agence"), read as the
	 * trade name when the file has none: the agency is known by both.
	 */
	private static @Nullable String otherName(Map<ImportField, List<String>> raw, @Nullable String name) {
		List<String> names = raw.getOrDefault(ImportField.NAME, List.of());
		for (int i = 1; i < names.size(); i++) {
			if (!NameKey.of(names.get(i)).equals(NameKey.of(name))) {
				return names.get(i);
			}
		}
		return null;
	}

	private static @Nullable String first(Map<ImportField, List<String>> raw, ImportField field) {
		List<String> values = raw.get(field);
		return (values == null || values.isEmpty()) ? null : values.get(0);
	}

	private static List<String> all(Map<ImportField, List<String>> raw, ImportField field) {
		return raw.getOrDefault(field, List.of());
	}

}
