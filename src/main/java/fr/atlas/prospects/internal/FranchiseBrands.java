package fr.atlas.prospects.internal;

import java.util.List;
import java.util.Optional;

/**
 * Networks whose many agencies share a brand: two "Century 21" in different towns are two
 * prospects, so a shared brand, head-office website or switchboard proves nothing.
 */
final class FranchiseBrands {

	// name keys (see NameKey) of the networks, longest first so "era" does not hide "era
	// immo"
	private static final List<String> BRANDS = List.of("stephane plaza immo", "stephane plaza", "square habitat",
			"century 21", "guy hoquet", "laforet immo", "laforet", "orpi", "era immo", "era", "foncia", "nestenn",
			"iad", "citya", "capifrance", "safti", "optimhome", "keller williams", "l adresse", "adresse", "abc immo",
			"sextant", "megagence", "propriete privee", "bsk immo", "human immo", "coldwell banker", "barnes",
			"engel volkers", "sotheby s", "nexity", "cimm immo", "arthurimmo com", "arthur immo", "4 pieds");

	private static final List<String> PADDED = BRANDS.stream().map((brand) -> " " + brand + " ").toList();

	private FranchiseBrands() {
	}

	/** The network a name key belongs to, when it starts with or contains its brand. */
	static Optional<String> of(String nameKey) {
		String padded = " " + nameKey + " ";
		for (int i = 0; i < BRANDS.size(); i++) {
			if (padded.contains(PADDED.get(i))) {
				return Optional.of(BRANDS.get(i));
			}
		}
		return Optional.empty();
	}

	/** The name key without the brand: what tells two agencies of one network apart. */
	static String withoutBrand(String nameKey) {
		return of(nameKey).map((brand) -> (" " + nameKey + " ").replace(" " + brand + " ", " ").strip())
			.orElse(nameKey);
	}

}
