package fr.atlas.prospects.web;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import fr.atlas.prospects.internal.ProspectSearch.Phone;
import fr.atlas.prospects.internal.ProspectSearch.Summary;
import org.jspecify.annotations.Nullable;

/**
 * The agency page's edit form: every field as text, lists one value per line (or
 * separated by commas), the revenue in euros as people write it. A new agency's form also
 * takes its first contact ({@code contact.firstName}...), left out when empty.
 */
record AgencyForm(@Nullable String name, @Nullable String tradeName, @Nullable String siret, @Nullable String siren,
		@Nullable String naf, @Nullable String address, @Nullable String postcode, @Nullable String city,
		@Nullable String website, @Nullable String emails, @Nullable String phones, @Nullable String specialty,
		@Nullable String listingCount, @Nullable String revenue, @Nullable String headcountBand, @Nullable String tags,
		@Nullable String source, @Nullable String owner, @Nullable Integer version, @Nullable ContactForm contact) {

	/**
	 * The agency's values as its page shows them: a website and e-mails with their
	 * accents ({@link ShownDomains}), not as DNS writes them.
	 */
	static AgencyForm of(Summary agency) {
		return new AgencyForm(agency.name(), agency.tradeName(), agency.siret(), agency.siren(), agency.naf(),
				agency.address(), agency.postcode(), agency.city(), ShownDomains.text(agency.website()),
				String.join("\n", ShownDomains.emails(agency.emails())),
				agency.phones().stream().map(Phone::display).collect(Collectors.joining("\n")), agency.specialty(),
				(agency.listingCount() != null) ? agency.listingCount().toString() : null, euros(agency.revenueCents()),
				agency.headcountBand(), String.join(", ", agency.tags()), agency.source(),
				(agency.owner() != null) ? agency.owner().toString() : null, agency.version(), null);
	}

	/** A blank form for a new agency, its owner the member who adds it. */
	static AgencyForm empty(@Nullable UUID owner) {
		return new AgencyForm(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
				null, null, (owner != null) ? owner.toString() : null, null, ContactForm.EMPTY);
	}

	/**
	 * This form with a website or an e-mail left as {@link #of} showed it given back as
	 * {@code agency} stores it: the edit compares stored forms, and a domain shown with
	 * its accents does not always read back to the same DNS form
	 * ({@code xn--strae-oqa.de} is shown {@code straße.de}, which the import's rules
	 * write {@code strasse.de}). A value the user left alone is not an edit of theirs.
	 */
	AgencyForm asStored(Summary agency) {
		@Nullable String site = this.website;
		if (site != null && agency.website() != null && site.strip().equals(ShownDomains.text(agency.website()))) {
			site = agency.website();
		}
		return new AgencyForm(this.name, this.tradeName, this.siret, this.siren, this.naf, this.address, this.postcode,
				this.city, site, storedEmails(this.emails, agency.emails()), this.phones, this.specialty,
				this.listingCount, this.revenue, this.headcountBand, this.tags, this.source, this.owner, this.version,
				this.contact);
	}

	/**
	 * The e-mails typed, one per line, those shown as {@code stored} holds them given
	 * back in their stored form.
	 */
	static @Nullable String storedEmails(@Nullable String typed, List<String> stored) {
		if (typed == null) {
			return null;
		}
		Map<String, String> byShown = new LinkedHashMap<>();
		stored.forEach((email) -> byShown.putIfAbsent(ShownDomains.email(email), email));
		return lines(typed).stream()
			.map((email) -> byShown.getOrDefault(email, email))
			.collect(Collectors.joining("\n"));
	}

	/**
	 * What {@code PATCH /api/v1/prospects/{id}} (or {@code POST /api/v1/prospects}) would
	 * receive for this form.
	 */
	Map<String, @Nullable Object> changes() {
		Map<String, @Nullable Object> changes = new LinkedHashMap<>();
		changes.put("name", this.name);
		changes.put("tradeName", this.tradeName);
		changes.put("siret", this.siret);
		changes.put("siren", this.siren);
		changes.put("naf", this.naf);
		changes.put("address", this.address);
		changes.put("postcode", this.postcode);
		changes.put("city", this.city);
		changes.put("website", this.website);
		changes.put("emails", lines(this.emails));
		changes.put("phones", lines(this.phones));
		changes.put("specialty", this.specialty);
		changes.put("listingCount", (this.listingCount != null) ? this.listingCount : "");
		changes.put("revenue", (this.revenue != null) ? this.revenue : "");
		changes.put("headcountBand", this.headcountBand);
		changes.put("tags", lines(this.tags));
		changes.put("source", this.source);
		changes.put("owner", this.owner);
		if (this.version != null) {
			changes.put("version", this.version);
		}
		if (this.contact != null && !this.contact.blank()) {
			changes.put("contact", this.contact.values());
		}
		return changes;
	}

	/** Values one per line, or separated by commas or semicolons. */
	static List<String> lines(@Nullable String text) {
		if (text == null) {
			return List.of();
		}
		return Arrays.stream(text.split("[\\n,;]")).map(String::strip).filter((value) -> !value.isEmpty()).toList();
	}

	/** Cents as euros the import reads back to the same cents: "1500000", "123,45". */
	private static @Nullable String euros(@Nullable Long cents) {
		if (cents == null) {
			return null;
		}
		long units = cents / 100;
		long rest = cents % 100;
		return (rest == 0) ? Long.toString(units) : units + "," + ((rest < 10) ? "0" : "") + rest;
	}

}
