package fr.atlas.prospects.internal;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A column mapping saved under a name: {@code {"column header": "field"}}, the same
 * object {@code POST /api/v1/imports} accepts as {@code mapping}. Headers are compared
 * the way the import compares them: without case, accents or punctuation.
 */
public record MappingPreset(UUID id, String name, Map<String, String> mapping) {

	public MappingPreset {
		mapping = Collections.unmodifiableMap(new LinkedHashMap<>(mapping));
	}

	/**
	 * The part of this mapping that concerns a file's header, keyed by the file's own
	 * spelling of each header; headers the preset does not know are left to detection.
	 */
	public Map<String, String> forHeaders(List<String> headers) {
		Map<String, String> byKey = new HashMap<>();
		this.mapping.forEach((header, field) -> byKey.put(CleanText.words(header), field));
		Map<String, String> chosen = new LinkedHashMap<>();
		for (String header : headers) {
			String field = byKey.get(CleanText.words(header));
			if (field != null) {
				chosen.put(header, field);
			}
		}
		return chosen;
	}

	/**
	 * How well the preset fits a file's header, from 0 (no header in common) to 1 (the
	 * very same headers): shared headers over all headers of either (Jaccard).
	 */
	public double fit(List<String> headers) {
		Set<String> file = keys(headers);
		Set<String> preset = keys(List.copyOf(this.mapping.keySet()));
		if (file.isEmpty() || preset.isEmpty()) {
			return 0;
		}
		long shared = file.stream().filter(preset::contains).count();
		return (double) shared / (file.size() + preset.size() - shared);
	}

	/**
	 * Whether some column of the preset tells the agency of a row (its name, trade name,
	 * SIREN, SIRET, e-mail or phone), as an import needs one; a preset saved with every
	 * column ignored tells none.
	 */
	public boolean identifiesAgencies() {
		return identifies(this.mapping);
	}

	/**
	 * Whether the preset, applied to a file's header, tells the agency of a row there: a
	 * preset naming the SIRET column recognises none in a file without one.
	 */
	public boolean identifiesAgencies(List<String> headers) {
		return identifies(forHeaders(headers));
	}

	private static boolean identifies(Map<String, String> mapping) {
		return mapping.values()
			.stream()
			.map(ImportField::parse)
			.flatMap(Optional::stream)
			.anyMatch(ColumnMapping::identifies);
	}

	/** Whether the preset says what to do with every column of the file. */
	public boolean covers(List<String> headers) {
		Set<String> preset = keys(List.copyOf(this.mapping.keySet()));
		Set<String> file = keys(headers);
		return !file.isEmpty() && preset.containsAll(file);
	}

	private static Set<String> keys(List<String> headers) {
		return headers.stream().map(CleanText::words).filter((k) -> !k.isEmpty()).collect(Collectors.toSet());
	}

}
