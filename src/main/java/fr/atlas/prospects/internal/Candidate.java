package fr.atlas.prospects.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * What matching needs of an agency, compactly, so an import can keep every agency of an
 * organisation in memory (about 400 bytes each, a million rows fit in a small heap): name
 * forms, identifiers, e-mails, phones and website as 64-bit hashes, the place (shared
 * instances), the address as words. It follows the agency's matching fields as rows fill
 * it, by the same rule as {@link AgencyRecord#fill}.
 *
 * <p>
 * Most agencies have one e-mail and one phone: the first of each is a field, only the
 * others take an array (two arrays of one hash took 48 bytes an agency). The trade name
 * and the website are known by their key and hash alone (ADR 0028).
 */
final class Candidate {

	private static final long[] NONE = {};

	/** Words that begin an address with where in a building rather than the street. */
	private static final Set<String> BUILDING = Set.of("immeuble", "residence", "batiment", "bat", "bureau", "bureaux",
			"etage", "rdc", "appartement", "appt", "escalier", "esc", "entree", "tour", "espace", "centre", "galerie",
			"porte", "local", "lot");

	private final long idHigh;

	private final long idLow;

	NameForms names;

	/** Hashes of the SIRET and SIREN, 0 for none. */
	long siret;

	long siren;

	/** The hash of the first e-mail (0 for none); the others, in the order they came. */
	private long email;

	private long[] moreEmails = NONE;

	private long phone;

	private long[] morePhones = NONE;

	/** The hash of the website's domain, 0 for none. */
	long domain;

	/** The hash of the domain the website is a subdomain of, 0 for none. */
	long siteParent;

	/**
	 * The hash of the first e-mail's domain that is the agency's own (not a mail
	 * service's), 0 for none: its website may be there
	 * ({@link EmailAddresses#ownDomain}).
	 */
	long emailDomain;

	/**
	 * Whether that domain is a network's or a platform's
	 * ({@link Deduplication#sharedDomain}).
	 */
	private boolean domainShared;

	/** Whether it is one agency's page of such a site ({@link WebsiteDomain#page}). */
	private boolean domainPage;

	/**
	 * Whether its website ({@link #SITE_NAMED}) or its e-mails' own domain
	 * ({@link #MAIL_NAMED}) spells its name ({@link WebsiteDomain#spells}), as it was
	 * when that domain came: a name that comes later is not looked for in it.
	 */
	private byte namedBy;

	private static final byte SITE_NAMED = 1;

	private static final byte MAIL_NAMED = 1 << 1;

	/**
	 * Whether its name ({@link #NAME_REGISTERED}) or trade name
	 * ({@link #TRADE_REGISTERED}) is a company's as registered
	 * ({@link NameKey#registered}).
	 */
	static final byte NAME_REGISTERED = 1 << 2;

	static final byte TRADE_REGISTERED = 1 << 3;

	@Nullable String postcode;

	@Nullable String cityKey;

	/**
	 * Whether the postcode came with a Cedex town: a sorting code, which places the
	 * agency no better than its town.
	 */
	boolean cedex;

	/**
	 * The address as words ({@link CleanText#words}: ASCII letters and digits), a byte a
	 * character: a string took 24 bytes more, and matching reads it for few of the
	 * candidates it sees.
	 */
	private byte @Nullable [] addressWords;

	/**
	 * {@link #door(String)} of the address words, 0 for none: matching asks it of every
	 * candidate of a block, which the bytes would cost a string each.
	 */
	int door;

	/** Hashes of the tags, which matching does not read but filling does. */
	private long[] tags = NONE;

	/**
	 * Which of the columns matching does not read hold a value ({@link #NAF} and the
	 * others), so that a row bringing nothing new costs no update.
	 */
	private int otherColumns;

	private static final int NAF = 1;

	private static final int SPECIALTY = 1 << 1;

	private static final int LISTINGS = 1 << 2;

	private static final int REVENUE = 1 << 3;

	private static final int HEADCOUNT = 1 << 4;

	private static final int SOURCE = 1 << 5;

	/**
	 * Whether it has a trade name, which only its key ({@link NameForms#tradeKey}) keeps.
	 */
	private static final int TRADE_NAME = 1 << 6;

	/**
	 * A one-bit-per-identifier summary of the SIRET, SIREN, e-mails, phones and website,
	 * and the outline of the names ({@link Deduplication#outline}): most of a block can
	 * be ruled out from these alone, without reaching the strings and arrays behind them.
	 */
	long identifiers;

	long nameLetters;

	long tradeLetters;

	int nameOutline;

	int tradeOutline;

	/** The import pool's marks: last candidate search and where it is indexed. */
	int stamp;

	int position;

	boolean indexedByPostcode;

	boolean indexedByCity;

	private Candidate(UUID id, NameForms names) {
		this.idHigh = id.getMostSignificantBits();
		this.idLow = id.getLeastSignificantBits();
		rename(names);
	}

	private void rename(NameForms names) {
		this.names = names;
		this.nameLetters = Deduplication.letters(names.strippedName());
		this.tradeLetters = Deduplication.letters(names.strippedTrade());
		this.nameOutline = Deduplication.outline(names.nameKey(), names.strippedName());
		this.tradeOutline = Deduplication.outline(names.tradeKey(), names.strippedTrade());
	}

	private void summariseIdentifiers() {
		long bits = Deduplication.identifiers(this.siret, this.siren, this.moreEmails, this.morePhones, this.domain);
		this.identifiers = bits | Deduplication.bit(this.email) | Deduplication.bit(this.phone)
				| Deduplication.bit(this.emailDomain);
	}

	static Candidate of(AgencyRecord agency) {
		Candidate candidate = new Candidate(agency.id, agency.names());
		candidate.siret = hash(agency.siret);
		candidate.siren = hash(agency.siren);
		candidate.addEmails(hashes(agency.emails));
		candidate.mailDomain(ownDomain(agency.emails));
		candidate.addPhones(hashes(agency.phones));
		candidate.website(agency.websiteDomain);
		candidate.postcode = agency.postcode;
		candidate.cedex = TownKey.cedex(agency.city);
		candidate.cityKey = agency.cityKey;
		candidate.address(agency.address);
		candidate.summariseIdentifiers();
		candidate.tags = hashes(agency.tags);
		candidate.otherColumns |= otherColumns(agency.naf, agency.specialty, agency.listingCount, agency.revenueCents,
				agency.headcountBand, agency.source) | ((agency.tradeName != null) ? TRADE_NAME : 0);
		candidate.namedBy |= registered(agency.name, agency.tradeName);
		return candidate;
	}

	private void website(@Nullable String domain) {
		this.domain = hash(domain);
		this.siteParent = hash(WebsiteDomain.parent(domain));
		this.domainPage = domain != null && WebsiteDomain.isPage(domain);
		this.domainShared = domain != null && !this.domainPage && Deduplication.sharedDomain(domain);
		if (!this.domainShared && WebsiteDomain.spells(domain, this.names)) {
			this.namedBy |= SITE_NAMED;
		}
	}

	private void mailDomain(@Nullable String domain) {
		this.emailDomain = hash(domain);
		if (WebsiteDomain.spells(domain, this.names)) {
			this.namedBy |= MAIL_NAMED;
		}
	}

	/**
	 * {@link #NAME_REGISTERED} and {@link #TRADE_REGISTERED} of a name and trade name.
	 */
	static byte registered(@Nullable String name, @Nullable String tradeName) {
		return (byte) ((NameKey.registered(name) ? NAME_REGISTERED : 0)
				| (NameKey.registered(tradeName) ? TRADE_REGISTERED : 0));
	}

	/** Which of its names are companies' as registered. */
	byte registeredNames() {
		return (byte) (this.namedBy & (NAME_REGISTERED | TRADE_REGISTERED));
	}

	/** Whether its own website spells its name. */
	boolean siteNamed() {
		return (this.namedBy & SITE_NAMED) != 0;
	}

	/** Whether its e-mails' own domain spells its name. */
	boolean mailNamed() {
		return (this.namedBy & MAIL_NAMED) != 0;
	}

	private static int otherColumns(@Nullable String naf, @Nullable String specialty, @Nullable Integer listings,
			@Nullable Long revenue, @Nullable String headcount, @Nullable String source) {
		return ((naf != null) ? NAF : 0) | ((specialty != null) ? SPECIALTY : 0) | ((listings != null) ? LISTINGS : 0)
				| ((revenue != null) ? REVENUE : 0) | ((headcount != null) ? HEADCOUNT : 0)
				| ((source != null) ? SOURCE : 0);
	}

	private boolean hasTradeName() {
		return (this.otherColumns & TRADE_NAME) != 0;
	}

	/**
	 * Whether a row merged into it gives it the sign it trades under: it goes by its
	 * company's registered name ("SA MORIN IMMO") and has no trade name; the row, with no
	 * trade name of its own, goes by another name, without a legal form, that tells an
	 * agency ("Maison Morin"), and not by the same name up to two typos (one on each
	 * side), with words before or after it, or under the network its company's name
	 * already names ("GUY HOQUET HOTEL DE VILLE EURL"). The row's name is then the
	 * agency's trade name, as a person's merge makes it (ADR 0103, ADR 0108).
	 */
	boolean takesTheSign(AgencyValues values, NameForms row, double similarity) {
		return !hasTradeName() && (this.namedBy & NAME_REGISTERED) != 0 && values.tradeName() == null
				&& values.name() != null && !row.nameKey().isEmpty() && !row.nameKey().equals(this.names.nameKey())
				&& !NameKey.registered(values.name())
				&& (row.branded() ? !row.sameBrand(this.names) : Deduplication.telling(row))
				&& similarity < Deduplication.NAME_EVIDENCE && !Deduplication.withinTypos(row, this.names, 2)
				&& !Deduplication.oneHoldsTheOther(row, this.names);
	}

	/**
	 * Whether a row would change the stored agency: a value for one of its empty columns,
	 * or an e-mail, phone or tag it lacks; the same test as the fill statement's, made in
	 * memory. It may answer yes for a row the statement then leaves alone, never the
	 * other way round.
	 */
	boolean wouldChange(AgencyValues values) {
		int others = otherColumns(values.naf(), values.specialty(), values.listingCount(), values.revenueCents(),
				values.headcountBand(), values.source());
		return (this.names.nameKey().isEmpty() && !values.nameKey().isEmpty())
				|| (!hasTradeName() && values.tradeName() != null) || (this.siret == 0 && values.siret() != null)
				|| (this.siren == 0 && values.siren() != null) || (this.postcode == null && values.postcode() != null)
				|| (this.addressWords == null && values.address() != null)
				|| (this.cityKey == null && values.city() != null)
				|| (this.domain == 0 && values.websiteDomain() != null) || (others & ~this.otherColumns) != 0
				|| lacksListed(this.email, this.moreEmails, values.emails())
				|| lacksListed(this.phone, this.morePhones, values.phones()) || lacksListed(this.tags, values.tags());
	}

	/**
	 * Whether a list not full yet ({@link AgencyRecord#LISTED}) lacks one of the values:
	 * {@code first} and {@code more} as e-mails and phones are kept.
	 */
	private static boolean lacksListed(long first, long[] more, Collection<String> values) {
		if (first == 0) {
			return !values.isEmpty();
		}
		if (1 + more.length >= AgencyRecord.LISTED) {
			return false;
		}
		for (String value : values) {
			long hash = hash(value);
			if (hash != first && !contains(more, hash)) {
				return true;
			}
		}
		return false;
	}

	private static boolean lacksListed(long[] hashes, Collection<String> values) {
		if (hashes.length >= AgencyRecord.LISTED) {
			return false;
		}
		for (String value : values) {
			if (!contains(hashes, hash(value))) {
				return true;
			}
		}
		return false;
	}

	UUID id() {
		return new UUID(this.idHigh, this.idLow);
	}

	/** The id's first half, read without making a {@link UUID}. */
	long idHigh() {
		return this.idHigh;
	}

	/** The id's second half. */
	long idLow() {
		return this.idLow;
	}

	String nameKey() {
		return this.names.nameKey();
	}

	/**
	 * Whether the agency is known by names and a town only: no identifier, contact,
	 * address or postcode.
	 */
	boolean bare() {
		return this.identifiers == 0 && this.addressWords == null && this.postcode == null;
	}

	/**
	 * Whether the agency is known by a name alone (ADR 0059): {@link #bare} and no town,
	 * and a name that can tell an agency ({@link Deduplication#telling}).
	 */
	boolean nameOnly() {
		return bare() && this.cityKey == null && Deduplication.telling(this.names);
	}

	boolean hasEmails() {
		return this.email != 0;
	}

	boolean hasPhones() {
		return this.phone != 0;
	}

	/** Whether it has one of these e-mails (hashes). */
	boolean sharesEmail(long[] hashes) {
		return shares(this.email, this.moreEmails, hashes);
	}

	boolean sharesPhone(long[] hashes) {
		return shares(this.phone, this.morePhones, hashes);
	}

	private static boolean shares(long first, long[] more, long[] hashes) {
		if (first == 0) {
			return false;
		}
		for (long hash : hashes) {
			if (hash == first || contains(more, hash)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Puts its e-mails' hashes, then its phones', each with its salt, into {@code keys}
	 * from {@code at}; returns where the next key goes. {@code keys} has room for
	 * {@link #listedCount} more.
	 */
	int putContacts(long[] keys, int at, long emailSalt, long phoneSalt) {
		int n = put(this.email, this.moreEmails, emailSalt, keys, at);
		return put(this.phone, this.morePhones, phoneSalt, keys, n);
	}

	private static int put(long first, long[] more, long salt, long[] keys, int at) {
		if (first == 0) {
			return at;
		}
		int n = at;
		keys[n++] = first ^ salt;
		for (long value : more) {
			keys[n++] = value ^ salt;
		}
		return n;
	}

	/** How many e-mails and phones it has. */
	int listedCount() {
		return ((this.email != 0) ? 1 + this.moreEmails.length : 0)
				+ ((this.phone != 0) ? 1 + this.morePhones.length : 0);
	}

	private void addEmails(long[] hashes) {
		this.email = first(this.email, hashes);
		this.moreEmails = others(this.email, this.moreEmails, hashes);
	}

	private void addPhones(long[] hashes) {
		this.phone = first(this.phone, hashes);
		this.morePhones = others(this.phone, this.morePhones, hashes);
	}

	/** The first value of a list: the one it has, or the first that comes. */
	private static long first(long first, long[] hashes) {
		return (first == 0 && hashes.length > 0) ? hashes[0] : first;
	}

	/** The values of a list after its first, with those that come, up to the cap. */
	private static long[] others(long first, long[] more, long[] hashes) {
		long[] result = more;
		for (long hash : hashes) {
			if (hash != first) {
				result = union(result, hash, AgencyRecord.LISTED - 1);
			}
		}
		return result;
	}

	/**
	 * Takes the matching values a row fills in (empty fields take the row's value;
	 * e-mails and phones are unions); returns whether anything changed.
	 */
	boolean fill(AgencyValues values) {
		boolean changed = false;
		boolean renamed = false;
		if (this.names.nameKey().isEmpty() && !values.nameKey().isEmpty()) {
			renamed = true;
			this.namedBy |= registered(values.name(), null);
		}
		String tradeKey = this.names.tradeKey();
		if (!hasTradeName() && values.tradeName() != null) {
			this.otherColumns |= TRADE_NAME;
			tradeKey = NameKey.of(values.tradeName());
			renamed = true;
			this.namedBy |= registered(null, values.tradeName());
		}
		if (renamed) {
			String nameKey = this.names.nameKey().isEmpty() ? values.nameKey() : this.names.nameKey();
			rename(NameForms.ofKeys(nameKey, tradeKey));
			changed = true;
		}
		if (this.siret == 0 && values.siret() != null) {
			this.siret = hash(values.siret());
			changed = true;
		}
		if (this.siren == 0 && values.siren() != null) {
			this.siren = hash(values.siren());
			changed = true;
		}
		if (this.postcode == null && values.postcode() != null) {
			this.postcode = values.postcode();
			this.cedex = values.cedex();
			changed = true;
		}
		if (this.addressWords == null && values.address() != null) {
			address(values.address());
			changed = true;
		}
		if (this.cityKey == null && values.city() != null) {
			this.cityKey = values.cityKey();
			changed = true;
		}
		if (this.domain == 0 && values.websiteDomain() != null) {
			website(values.websiteDomain());
			changed = true;
		}
		int listed = listedCount();
		addEmails(hashes(values.emails()));
		if (this.emailDomain == 0) {
			mailDomain(ownDomain(values.emails()));
		}
		addPhones(hashes(values.phones()));
		changed |= listedCount() != listed;
		if (changed) {
			summariseIdentifiers();
		}
		// not matched on, so no change to re-index for
		for (long tag : hashes(values.tags())) {
			this.tags = union(this.tags, tag, AgencyRecord.LISTED);
		}
		this.otherColumns |= otherColumns(values.naf(), values.specialty(), values.listingCount(),
				values.revenueCents(), values.headcountBand(), values.source());
		return changed;
	}

	/**
	 * The bytes it holds, about: the object, its name forms and their strings, its
	 * arrays. Postcodes and towns are shared by the pool and not counted. For the
	 * import's memory budget ({@link ImportMemory}), not for exact accounting.
	 */
	long footprint() {
		NameForms names = this.names;
		long bytes = 160 + 32 + text(names.nameKey()) + bytes(this.addressWords) + array(this.moreEmails)
				+ array(this.morePhones) + array(this.tags);
		if (names.strippedName() != names.nameKey()) {
			bytes += text(names.strippedName());
		}
		if (!names.tradeKey().isEmpty()) {
			bytes += text(names.tradeKey()) + text(names.strippedTrade());
		}
		return bytes;
	}

	private static long text(@Nullable String text) {
		return (text == null || text.isEmpty()) ? 0 : 40 + ((text.length() + 7) & ~7);
	}

	private static long bytes(byte @Nullable [] bytes) {
		return (bytes == null) ? 0 : (16 + bytes.length + 7) & ~7;
	}

	private static long array(long[] values) {
		return (values.length == 0) ? 0 : 16 + 8L * values.length;
	}

	/** The first of these e-mails' own domains (not a mail service's), or null. */
	static @Nullable String ownDomain(Collection<String> emails) {
		for (String email : emails) {
			String domain = EmailAddresses.ownDomain(email);
			if (domain != null) {
				return domain;
			}
		}
		return null;
	}

	/** The hash of its website when that is its own site's domain, 0 otherwise. */
	long ownWebsite() {
		return (this.domainShared || this.domainPage) ? 0 : this.domain;
	}

	/** Whether its postcode says where it is (a Cedex code does not). */
	boolean placedByPostcode() {
		return this.postcode != null && !this.cedex;
	}

	/** Whether its website identifies it (not a network's or a platform's site). */
	boolean domainIdentifies() {
		return this.domain != 0 && !this.domainShared && (!this.names.branded() || this.domainPage);
	}

	static boolean contains(long[] values, long value) {
		for (long v : values) {
			if (v == value) {
				return true;
			}
		}
		return false;
	}

	private static long[] union(long[] values, long value, int most) {
		if (values.length >= most || contains(values, value)) {
			return values;
		}
		long[] grown = Arrays.copyOf(values, values.length + 1);
		grown[values.length] = value;
		return grown;
	}

	static long[] hashes(Collection<String> values) {
		if (values.isEmpty()) {
			return NONE;
		}
		long[] hashes = new long[values.size()];
		int i = 0;
		for (String value : values) {
			hashes[i++] = hash(value);
		}
		return hashes;
	}

	/**
	 * A 64-bit hash (FNV-1a, then a finaliser), never 0 for a value: a collision between
	 * two of a million values is about one chance in 10^7.
	 */
	static long hash(@Nullable String value) {
		return (value != null) ? hash(value, 0, value.length(), -1) : 0;
	}

	/**
	 * {@link #hash(String)} of a part of a text, without the character at {@code skip}
	 * (-1 for none): the keys of words and their one-letter deletions are read in place.
	 */
	static long hash(String text, int from, int to, int skip) {
		long h = 0xcbf29ce484222325L;
		for (int i = from; i < to; i++) {
			if (i != skip) {
				h ^= text.charAt(i);
				h *= 0x100000001b3L;
			}
		}
		h ^= h >>> 33;
		h *= 0xff51afd7ed558ccdL;
		h ^= h >>> 33;
		h *= 0xc4ceb9fe1a85ec53L;
		h ^= h >>> 33;
		return (h != 0) ? h : 1;
	}

	static @Nullable String words(@Nullable String address) {
		return (address != null) ? StreetWords.of(withoutBuilding(CleanText.words(address))) : null;
	}

	/**
	 * The address from its street on: "1er étage, 74 bis rue du Général de Gaulle",
	 * "Immeuble Le Central - 64 impasse Jean Moulin" and "74 bis rue du Général de
	 * Gaulle" are one door.
	 */
	static String withoutBuilding(String words) {
		int space = words.indexOf(' ');
		if (space < 0) {
			return words;
		}
		String first = words.substring(0, space);
		String second = words.substring(space + 1, Math.max(space + 1, words.indexOf(' ', space + 1)));
		boolean floor = TownKey.ordinal(first, 0) && (second.equals("etage") || second.equals("etg"));
		if (!floor && !BUILDING.contains(first)) {
			return words;
		}
		// the street begins at the first number after the building's words
		for (int i = floor ? words.indexOf(' ', space + 1) : space; i >= 0
				&& i + 1 < words.length(); i = words.indexOf(' ', i + 1)) {
			char c = words.charAt(i + 1);
			if (c >= '0' && c <= '9' && !words.startsWith("etage", words.indexOf(' ', i + 1) + 1)) {
				return words.substring(i + 1);
			}
		}
		return words;
	}

	private void address(@Nullable String address) {
		String words = words(address);
		this.addressWords = (words != null) ? words.getBytes(StandardCharsets.US_ASCII) : null;
		this.door = door(words);
	}

	/** A street address's words as an int, never 0 for an address; 0 for none. */
	static int door(@Nullable String addressWords) {
		return (addressWords != null) ? addressWords.hashCode() | 1 : 0;
	}

	/** Its address as words, null for none. */
	@Nullable String addressWords() {
		return (this.addressWords != null) ? new String(this.addressWords, StandardCharsets.US_ASCII) : null;
	}

}
