package fr.atlas.prospects.internal;

import org.jspecify.annotations.Nullable;

/**
 * The comparable forms of an agency's name and trade name, worked out once per row or
 * agency because matching compares them against a whole block: keys, keys without the
 * franchise brand, and the brand's network (null for none).
 */
record NameForms(String nameKey, String tradeKey, String strippedName, String strippedTrade, @Nullable String brand) {

	static NameForms of(String nameKey, @Nullable String tradeName) {
		return ofKeys(nameKey, (tradeName != null) ? NameKey.of(tradeName) : "");
	}

	/** The forms of a name key and a trade name's key ("" for none). */
	static NameForms ofKeys(String nameKey, String tradeKey) {
		int nameBrand = FranchiseBrands.find(nameKey);
		int tradeBrand = tradeKey.isEmpty() ? -1 : FranchiseBrands.find(tradeKey);
		String strippedName = FranchiseBrands.withoutBrand(nameKey, nameBrand);
		String strippedTrade = FranchiseBrands.withoutBrand(tradeKey, tradeBrand);
		if (nameBrand < 0 && tradeBrand < 0) {
			// "Centuryy 21 Lyon" is a Century 21 all the same
			FranchiseBrands.Misspelt misspelt = FranchiseBrands.misspelt(nameKey);
			if (misspelt != null) {
				nameBrand = misspelt.brand();
				strippedName = misspelt.without(nameKey);
			}
		}
		if (nameBrand >= 0 && strippedName.startsWith("agence ")) {
			// "Agence Laforêt Bordeaux Bastide" is "Laforêt Bordeaux Bastide"
			strippedName = strippedName.substring("agence ".length());
		}
		int brand = (nameBrand >= 0) ? nameBrand : tradeBrand;
		return new NameForms(nameKey, tradeKey, strippedName, strippedTrade, FranchiseBrands.network(brand));
	}

	boolean named() {
		return !this.nameKey.isEmpty();
	}

	/** Whether the name or trade name bears a franchise network's brand. */
	boolean branded() {
		return this.brand != null;
	}

	/** Whether both bear one network's brand. */
	boolean sameBrand(NameForms other) {
		return this.brand != null && this.brand.equals(other.brand);
	}

}
