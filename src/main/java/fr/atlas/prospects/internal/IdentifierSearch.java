package fr.atlas.prospects.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * A search's text that is an identifier and nothing else (a SIRET, a SIREN, an e-mail
 * address, a phone number as people type it) compared with those fields alone, the
 * agency's and its contacts'. The broad search also compares every agency's name, trade
 * name and town and every contact's name with the text, which is most of its cost (about
 * a second at 524,000 agencies, ADR 0087), and no name holds a SIRET or an e-mail
 * address: the agencies found are the same.
 */
record IdentifierSearch(String condition, List<Object> args) {

	/** An address and nothing else: no space, one {@code @}, a dot in the domain. */
	private static final Pattern EMAIL = Pattern.compile("[^\\s@]+@[^\\s@]+\\.[^\\s@]+");

	/**
	 * Digits and what people type between them: "06 12 34 56 78", "+33 (0)6…",
	 * "542.051.180".
	 */
	private static final Pattern NUMBER = Pattern.compile("\\+?[0-9][0-9 .()/-]*");

	private static final Pattern SIRET = Pattern.compile("[0-9]{14}");

	private static final Pattern SIREN = Pattern.compile("[0-9]{9}");

	/**
	 * The search of a text (cleaned, not blank) when it is only an identifier, or null
	 * when it may be part of a name and takes the broad search.
	 */
	static @Nullable IdentifierSearch of(String text, UUID organisation) {
		String lower = text.toLowerCase(Locale.ROOT);
		if (EMAIL.matcher(lower).matches()) {
			return new IdentifierSearch(
					"a.emails @> array[?::text] or a.id in (select c.agency_id from contact c"
							+ " where c.org_id = ? and c.emails @> array[?::text])",
					List.of(lower, organisation, lower));
		}
		if (!NUMBER.matcher(text).matches()) {
			return null;
		}
		// the broad search's reading of a SIRET or a SIREN typed with spaces or dots
		String digits = text.replaceAll("[\\s.]", "");
		List<String> tests = new ArrayList<>();
		List<Object> args = new ArrayList<>();
		if (SIRET.matcher(digits).matches()) {
			tests.add("a.siret = ?");
			args.add(digits);
		}
		if (SIREN.matcher(digits).matches()) {
			tests.add("a.siren = ?");
			args.add(digits);
		}
		String phone = PhoneNumbers.normalise(text).get().map(PhoneNumbers.Phone::e164).orElse("");
		if (!phone.isEmpty()) {
			tests.add("a.phones @> array[?::text] or a.id in (select c.agency_id from contact c"
					+ " where c.org_id = ? and c.phones @> array[?::text])");
			args.addAll(List.of(phone, organisation, phone));
		}
		return tests.isEmpty() ? null : new IdentifierSearch(String.join(" or ", tests), List.copyOf(args));
	}

}
