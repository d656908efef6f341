package fr.atlas.prospects.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The clean values one import row gives about an agency.
 */
record AgencyValues(@Nullable String name, String nameKey, @Nullable String tradeName, @Nullable String siren,
		@Nullable String siret, @Nullable String naf, @Nullable String address, @Nullable String postcode,
		@Nullable String city, @Nullable String department, @Nullable String websiteDomain, List<String> emails,
		List<String> phones, @Nullable String specialty, @Nullable Integer listingCount, @Nullable Long revenueCents,
		@Nullable String headcountBand, List<String> tags, @Nullable String source) {

	/**
	 * What the agency is called on screen: its name, else its trade name, else how to
	 * reach it.
	 */
	String displayName() {
		if (this.name != null) {
			return this.name;
		}
		if (this.tradeName != null) {
			return this.tradeName;
		}
		if (this.websiteDomain != null) {
			return this.websiteDomain;
		}
		if (!this.emails.isEmpty()) {
			return this.emails.get(0);
		}
		if (this.siret != null) {
			return "SIRET " + this.siret;
		}
		if (this.siren != null) {
			return "SIREN " + this.siren;
		}
		return this.phones.isEmpty() ? "?" : this.phones.get(0);
	}

	/** The same values with another trade name. */
	AgencyValues withTradeName(@Nullable String tradeName) {
		return new AgencyValues(this.name, this.nameKey, tradeName, this.siren, this.siret, this.naf, this.address,
				this.postcode, this.city, this.department, this.websiteDomain, this.emails, this.phones, this.specialty,
				this.listingCount, this.revenueCents, this.headcountBand, this.tags, this.source);
	}

	@Nullable String cityKey() {
		return TownKey.of(this.city);
	}

	/**
	 * Whether the town is written with "Cedex": the postcode may then be a sorting code
	 * rather than the town's ({@link TownKey#cedex}).
	 */
	boolean cedex() {
		return TownKey.cedex(this.city);
	}

	/**
	 * The fields an agency's provenance records, in the order of the form: the keys of
	 * {@link #asFields}, and the order the agency page lists them in.
	 */
	static final List<String> FIELDS = List.of("name", "trade_name", "siren", "siret", "naf", "address", "postcode",
			"city", "website_domain", "emails", "phones", "specialty", "listing_count", "revenue_cents",
			"headcount_band", "tags", "source");

	/** Field → value, for provenance. */
	Map<String, String> asFields() {
		@Nullable String[] values = values();
		Map<String, String> fields = new LinkedHashMap<>();
		for (int i = 0; i < values.length; i++) {
			put(fields, FIELDS.get(i), values[i]);
		}
		return fields;
	}

	/**
	 * The same fields {@linkplain RecordedRows#packed packed} for an import row, without
	 * the map: the import packs one per row.
	 */
	String packed() {
		@Nullable String[] values = values();
		StringBuilder packed = new StringBuilder(192);
		for (int i = 0; i < values.length; i++) {
			if (values[i] != null) {
				RecordedRows.pack(packed, FIELDS.get(i), values[i]);
			}
		}
		return packed.toString();
	}

	/** The values of {@link #FIELDS}, in their order, null for none. */
	private @Nullable String[] values() {
		return new @Nullable String[] { this.name, this.tradeName, this.siren, this.siret, this.naf, this.address,
				this.postcode, this.city, this.websiteDomain,
				this.emails.isEmpty() ? null : String.join(" ", this.emails),
				this.phones.isEmpty() ? null : String.join(" ", this.phones), this.specialty,
				(this.listingCount != null) ? this.listingCount.toString() : null,
				(this.revenueCents != null) ? this.revenueCents.toString() : null, this.headcountBand,
				this.tags.isEmpty() ? null : String.join(",", this.tags), this.source };
	}

	private static void put(Map<String, String> fields, String field, @Nullable String value) {
		if (value != null) {
			fields.put(field, value);
		}
	}

}
