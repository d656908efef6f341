package fr.atlas.platform;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * What Prospects tells another module of an agency when that module starts its work on it
 * ({@link AgencyWork}, an agency page's panel action): enough to open a case without
 * reading Prospects.
 *
 * @param agencyId the agency
 * @param agencyName its name as shown
 * @param siren its SIREN, if known
 * @param city its town as shown, if known
 * @param email its first e-mail address, or its first contact's
 * @param contactName its first contact's first and last name
 * @param ownerId the member the agency is assigned to, if any
 */
public record AgencyFacts(UUID agencyId, String agencyName, @Nullable String siren, @Nullable String city,
		@Nullable String email, @Nullable String contactName, @Nullable UUID ownerId) {

	/**
	 * The facts as an agency page's panel action posts them, by the names of
	 * {@link fr.atlas.platform.web.AgencyPanel.Action#FIELDS}: empty text for what is
	 * unknown.
	 */
	public Map<String, String> asFields() {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("agencyId", this.agencyId.toString());
		fields.put("agencyName", this.agencyName);
		fields.put("siren", Objects.requireNonNullElse(this.siren, ""));
		fields.put("city", Objects.requireNonNullElse(this.city, ""));
		fields.put("email", Objects.requireNonNullElse(this.email, ""));
		fields.put("contactName", Objects.requireNonNullElse(this.contactName, ""));
		return fields;
	}

}
