package fr.atlas.prospects.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * Networks whose many agencies share a brand: two "Century 21" in different towns are two
 * prospects, so a shared brand, head-office website or switchboard proves nothing.
 */
final class FranchiseBrands {

	// name keys (see NameKey) of the networks, longest first so "era" does not
	// hide "era immo"
	static final List<String> BRANDS = List.of("stephane plaza immo", "stephane plaza", "square habitat", "century 21",
			"guy hoquet", "laforet immo", "laforet", "orpi", "era immo", "era", "foncia", "nestenn", "iad", "citya",
			"capifrance", "safti", "optimhome", "keller williams", "l adresse", "adresse", "abc immo", "sextant",
			"megagence", "propriete privee", "bsk immo", "human immo", "coldwell banker", "barnes", "engel volkers",
			"sotheby s", "nexity", "cimm immo", "arthurimmo com", "arthur immo", "4 pieds");

	/**
	 * The network each way of writing a brand belongs to: "Laforêt Immobilier Lyon" and
	 * "Laforêt Lyon" are one network's, not two rivals.
	 */
	private static final List<String> FOUND = networks();

	/** The positions in BRANDS of the brands by their first character. */
	private static final int[][] BY_FIRST_CHARACTER = byFirstCharacter();

	private FranchiseBrands() {
	}

	/** The network a name key belongs to, when it starts with or contains its brand. */
	static Optional<String> of(String nameKey) {
		return Optional.ofNullable(network(find(nameKey)));
	}

	/** The position in {@link #BRANDS} of the brand a name key bears, -1 for none. */
	static int find(String nameKey) {
		return brand(nameKey);
	}

	/** The network of a brand found by {@link #find}, null for none (-1). */
	static @Nullable String network(int brand) {
		return (brand >= 0) ? FOUND.get(brand) : null;
	}

	/**
	 * The first brand of the list that stands as whole words in the key (" brand " in "
	 * key "), -1 for none: the brands are tried only where a word starts, by its first
	 * character, instead of searching the key for each.
	 */
	private static int brand(String nameKey) {
		int best = Integer.MAX_VALUE;
		int start = 0;
		while (start < nameKey.length()) {
			char first = nameKey.charAt(start);
			if (first < 128) {
				for (int brand : BY_FIRST_CHARACTER[first]) {
					if (brand >= best) {
						break;
					}
					String name = BRANDS.get(brand);
					int end = start + name.length();
					if (nameKey.startsWith(name, start) && (end == nameKey.length() || nameKey.charAt(end) == ' ')) {
						best = brand;
					}
				}
			}
			int space = nameKey.indexOf(' ', start);
			if (space < 0) {
				break;
			}
			start = space + 1;
		}
		return (best < Integer.MAX_VALUE) ? best : -1;
	}

	/**
	 * The name key without the brand as it is written there ("laforet immo" in "laforet
	 * immo lyon"): what tells two agencies of one network apart.
	 */
	static String withoutBrand(String nameKey) {
		return withoutBrand(nameKey, find(nameKey));
	}

	/** The name key without the brand found by {@link #find}. */
	static String withoutBrand(String nameKey, int brand) {
		return (brand >= 0) ? (" " + nameKey + " ").replace(" " + BRANDS.get(brand) + " ", " ").strip() : nameKey;
	}

	/**
	 * Brands long and distinctive enough to be told one typo off at the start of a name
	 * ("centuryy 21", "squarre habitat", "stehpane plaza"), longest first; the short ones
	 * ("orpi", "era", "iad") are left out, since a typo of them is another word.
	 */
	private static final List<String> TYPO_PRONE = List.of("stephane plaza immo", "coldwell banker", "square habitat",
			"stephane plaza", "engel volkers", "laforet immo", "capifrance", "century 21", "guy hoquet", "optimhome",
			"megagence", "laforet", "nestenn", "foncia");

	/**
	 * A brand a name key starts with one typo off: its position in {@link #BRANDS} and
	 * the length of the key's beginning that writes it. Null when the key starts with
	 * none, or with one written right (which {@link #find} reads).
	 */
	static @Nullable Misspelt misspelt(String nameKey) {
		if (nameKey.length() < 2) {
			return null;
		}
		for (String brand : TYPO_PRONE) {
			// most keys start with a letter no brand starts with, or one a brand's second
			// letter would follow: skip the edit distance for them
			if (nameKey.charAt(0) != brand.charAt(0) && nameKey.charAt(1) != brand.charAt(1)) {
				continue;
			}
			for (int length = brand.length() - 1; length <= brand.length() + 1; length++) {
				if (length <= nameKey.length() && (length == nameKey.length() || nameKey.charAt(length) == ' ')
						&& Deduplication.editDistance(nameKey.substring(0, length), brand, 1) == 1) {
					return new Misspelt(BRANDS.indexOf(brand), length);
				}
			}
		}
		return null;
	}

	/**
	 * A brand written with a typo at the start of a key, and how much of the key it
	 * takes.
	 */
	record Misspelt(int brand, int length) {

		String without(String nameKey) {
			return nameKey.substring(this.length).strip();
		}

	}

	private static List<String> networks() {
		Map<String, String> variants = Map.of("stephane plaza immo", "stephane plaza", "laforet immo", "laforet",
				"era immo", "era", "l adresse", "adresse", "arthurimmo com", "arthur immo");
		return BRANDS.stream().map((brand) -> variants.getOrDefault(brand, brand)).toList();
	}

	private static int[][] byFirstCharacter() {
		List<List<Integer>> lists = new ArrayList<>();
		for (int c = 0; c < 128; c++) {
			lists.add(new ArrayList<>());
		}
		for (int i = 0; i < BRANDS.size(); i++) {
			lists.get(BRANDS.get(i).charAt(0)).add(i);
		}
		int[][] positions = new int[128][];
		for (int c = 0; c < 128; c++) {
			positions[c] = lists.get(c).stream().mapToInt(Integer::intValue).toArray();
		}
		return positions;
	}

}
