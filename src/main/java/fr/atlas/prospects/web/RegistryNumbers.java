package fr.atlas.prospects.web;

import fr.atlas.prospects.internal.ProspectExport;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * SIREN and SIRET as the French read and write them, in groups: "732 829 320" and "732
 * 829 320 00074" (the SIREN, then the establishment's five digits), on the pages and in
 * the export people download. Stored, and exported to tools, as bare digits; the search
 * finds an agency by either form. A value that is not 9 or 14 digits is shown as it is.
 */
@Component
public class RegistryNumbers {

	public @Nullable String siren(@Nullable String siren) {
		return grouped(siren);
	}

	public @Nullable String siret(@Nullable String siret) {
		return grouped(siret);
	}

	static @Nullable String grouped(@Nullable String number) {
		// one rule for the pages and the people's export
		return ProspectExport.grouped(number);
	}

}
