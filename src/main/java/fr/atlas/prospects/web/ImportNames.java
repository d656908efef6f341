package fr.atlas.prospects.web;

import java.util.UUID;

import fr.atlas.platform.NotFoundException;
import fr.atlas.prospects.internal.ProspectImports;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * The file name of an import a page is filtered on (the list, the review queue), when the
 * id is one of the organisation's imports.
 */
@Component
class ImportNames {

	private final ProspectImports imports;

	ImportNames(ProspectImports imports) {
		this.imports = imports;
	}

	/**
	 * The import's file name, or null for no id, an unreadable one or another's import.
	 */
	@Nullable String of(@Nullable String importId) {
		if (importId == null || importId.isBlank()) {
			return null;
		}
		try {
			return this.imports.find(UUID.fromString(importId.strip())).fileName();
		}
		catch (IllegalArgumentException | NotFoundException ex) {
			return null;
		}
	}

}
