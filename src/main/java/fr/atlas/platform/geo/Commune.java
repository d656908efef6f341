package fr.atlas.platform.geo;

import java.util.List;

/**
 * A French commune (or a delegated/associated one, or a municipal arrondissement of
 * Paris, Lyon or Marseille), with its INSEE code.
 */
public record Commune(String inseeCode, String name, String type, String departmentCode, String regionCode,
		long population, List<String> postcodes) {

	public boolean isCurrent() {
		return "commune-actuelle".equals(this.type);
	}

}
