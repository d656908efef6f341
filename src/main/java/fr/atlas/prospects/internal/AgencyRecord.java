package fr.atlas.prospects.internal;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

import fr.atlas.platform.TimeOrderedIds;
import org.jspecify.annotations.Nullable;

/**
 * An agency as the import works on it: loaded from the database or created by an earlier
 * row, and filled by the rows merged into it. Rule of the surviving value: a value
 * already there stays, an empty field takes the first value that comes; e-mails, phones
 * and tags are unions. Every incoming value is kept in the provenance either way.
 */
final class AgencyRecord {

	/**
	 * An agency lists at most this many e-mails, as many phones and as many tags, however
	 * many rows merge into it: a file that gives a network's head-office SIRET to each of
	 * its thousands of agents made one agency of 50,000 e-mails, each row rewriting the
	 * list (quadratic) and the agency's page unreadable. The rows' other values stay in
	 * their provenance.
	 */
	static final int LISTED = 50;

	final UUID id;

	/** Whether the row is in the database (updated, not inserted, when it changes). */
	boolean persisted;

	boolean dirty;

	String name;

	String nameKey;

	@Nullable String tradeName;

	@Nullable String siren;

	@Nullable String siret;

	@Nullable String naf;

	@Nullable String address;

	@Nullable String postcode;

	@Nullable String city;

	@Nullable String cityKey;

	@Nullable String department;

	@Nullable String websiteDomain;

	final Set<String> emails = new LinkedHashSet<>();

	final Set<String> phones = new LinkedHashSet<>();

	@Nullable String specialty;

	@Nullable Integer listingCount;

	@Nullable Long revenueCents;

	@Nullable String headcountBand;

	final Set<String> tags = new LinkedHashSet<>();

	@Nullable String source;

	private @Nullable NameForms names;

	private @Nullable String tradeNameOfForms;

	AgencyRecord(UUID id, boolean persisted, String name, String nameKey) {
		this.id = id;
		this.persisted = persisted;
		this.name = name;
		this.nameKey = nameKey;
	}

	private static boolean addListed(Set<String> listed, Collection<String> values) {
		boolean changed = false;
		for (String value : values) {
			if (listed.size() >= LISTED) {
				break;
			}
			changed |= listed.add(value);
		}
		return changed;
	}

	static AgencyRecord create(AgencyValues values) {
		AgencyRecord agency = new AgencyRecord(TimeOrderedIds.next(), false, values.displayName(), values.nameKey());
		agency.fill(values);
		return agency;
	}

	/** Fills empty fields from a row; returns whether anything changed. */
	boolean fill(AgencyValues values) {
		boolean changed = false;
		if (this.nameKey.isEmpty() && !values.nameKey().isEmpty()) {
			this.name = values.displayName();
			this.nameKey = values.nameKey();
			changed = true;
		}
		if (this.tradeName == null && values.tradeName() != null) {
			this.tradeName = values.tradeName();
			changed = true;
		}
		if (this.siret == null && values.siret() != null) {
			this.siret = values.siret();
			changed = true;
		}
		if (this.siren == null && values.siren() != null) {
			this.siren = values.siren();
			changed = true;
		}
		if (this.naf == null && values.naf() != null) {
			this.naf = values.naf();
			changed = true;
		}
		if (this.postcode == null && values.postcode() != null) {
			this.postcode = values.postcode();
			this.department = values.department();
			if (this.address == null) {
				this.address = values.address();
			}
			changed = true;
		}
		if (this.address == null && values.address() != null) {
			this.address = values.address();
			changed = true;
		}
		if (this.city == null && values.city() != null) {
			this.city = values.city();
			this.cityKey = values.cityKey();
			changed = true;
		}
		if (this.websiteDomain == null && values.websiteDomain() != null) {
			this.websiteDomain = values.websiteDomain();
			changed = true;
		}
		changed |= addListed(this.emails, values.emails());
		changed |= addListed(this.phones, values.phones());
		if (this.specialty == null && values.specialty() != null) {
			this.specialty = values.specialty();
			changed = true;
		}
		if (this.listingCount == null && values.listingCount() != null) {
			this.listingCount = values.listingCount();
			changed = true;
		}
		if (this.revenueCents == null && values.revenueCents() != null) {
			this.revenueCents = values.revenueCents();
			changed = true;
		}
		if (this.headcountBand == null && values.headcountBand() != null) {
			this.headcountBand = values.headcountBand();
			changed = true;
		}
		changed |= addListed(this.tags, values.tags());
		if (this.source == null && values.source() != null) {
			this.source = values.source();
			changed = true;
		}
		this.dirty |= changed;
		return changed;
	}

	/** Takes name forms already worked out from this agency's name key and trade name. */
	void useNames(NameForms forms) {
		this.names = forms;
		this.tradeNameOfForms = this.tradeName;
	}

	String tradeKey() {
		return names().tradeKey();
	}

	/**
	 * The name forms, worked out again only when a row changes the name or trade name.
	 */
	NameForms names() {
		NameForms forms = this.names;
		if (forms == null || !forms.nameKey().equals(this.nameKey) || this.tradeNameOfForms != this.tradeName) {
			forms = NameForms.of(this.nameKey, this.tradeName);
			this.names = forms;
			this.tradeNameOfForms = this.tradeName;
		}
		return forms;
	}

}
