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

	@Nullable String cityKey() {
		return (this.city != null) ? CleanText.words(this.city).replace("saint ", "st ").replace(" cedex", "") : null;
	}

	/** Field → value, for provenance. */
	Map<String, String> asFields() {
		Map<String, String> fields = new LinkedHashMap<>();
		put(fields, "name", this.name);
		put(fields, "trade_name", this.tradeName);
		put(fields, "siren", this.siren);
		put(fields, "siret", this.siret);
		put(fields, "naf", this.naf);
		put(fields, "address", this.address);
		put(fields, "postcode", this.postcode);
		put(fields, "city", this.city);
		put(fields, "website_domain", this.websiteDomain);
		put(fields, "emails", this.emails.isEmpty() ? null : String.join(" ", this.emails));
		put(fields, "phones", this.phones.isEmpty() ? null : String.join(" ", this.phones));
		put(fields, "specialty", this.specialty);
		put(fields, "listing_count", (this.listingCount != null) ? this.listingCount.toString() : null);
		put(fields, "revenue_cents", (this.revenueCents != null) ? this.revenueCents.toString() : null);
		put(fields, "headcount_band", this.headcountBand);
		put(fields, "tags", this.tags.isEmpty() ? null : String.join(",", this.tags));
		put(fields, "source", this.source);
		return fields;
	}

	private static void put(Map<String, String> fields, String field, @Nullable String value) {
		if (value != null) {
			fields.put(field, value);
		}
	}

}
