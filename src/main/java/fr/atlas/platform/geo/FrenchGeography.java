package fr.atlas.platform.geo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Looks up French communes by postcode, name and INSEE code, and departments by postcode.
 * The 37,590 communes are read once, at start-up, from the vendored reference files.
 */
@Component
public class FrenchGeography {

	private static final String BASE = "reference/communes/";

	private final Map<String, Commune> byInseeCode = new HashMap<>();

	private final Map<String, List<Commune>> byPostcode = new HashMap<>();

	private final Map<String, List<Commune>> byName = new HashMap<>();

	private final Map<String, Department> departments = new HashMap<>();

	public FrenchGeography() {
		Map<String, String> regions = new HashMap<>();
		lines("regions.tsv", false).forEach((f) -> regions.put(f[0], f[1]));
		lines("departements.tsv", false).forEach(
				(f) -> this.departments.put(f[0], new Department(f[0], f[1], f[2], regions.getOrDefault(f[2], ""))));
		for (String[] f : lines("communes.tsv.gz", true)) {
			List<String> postcodes = f.length > 6 && !f[6].isEmpty() ? List.of(f[6].split(",")) : List.of();
			Commune commune = new Commune(f[0], f[1], f[2], f[3], f[4], f[5].isEmpty() ? 0 : Long.parseLong(f[5]),
					postcodes);
			if (commune.isCurrent() || !this.byInseeCode.containsKey(commune.inseeCode())) {
				this.byInseeCode.put(commune.inseeCode(), commune);
			}
			postcodes.forEach(
					(postcode) -> this.byPostcode.computeIfAbsent(postcode, (k) -> new ArrayList<>()).add(commune));
			this.byName.computeIfAbsent(PlaceName.key(commune.name()), (k) -> new ArrayList<>()).add(commune);
		}
	}

	public int communeCount() {
		return (int) this.byInseeCode.values().stream().filter(Commune::isCurrent).count();
	}

	public Optional<Commune> commune(String inseeCode) {
		return Optional.ofNullable(this.byInseeCode.get(inseeCode));
	}

	public List<Commune> communesWithPostcode(String postcode) {
		return this.byPostcode.getOrDefault(postcode, List.of());
	}

	public List<Commune> communesNamed(String name) {
		return this.byName.getOrDefault(PlaceName.key(name), List.of());
	}

	/**
	 * The commune a postcode and a city name designate together, if they agree (Paris 15e
	 * with 75015 gives Paris; Lyon with 75001 gives nothing).
	 */
	public Optional<Commune> commune(String postcode, String city) {
		String key = PlaceName.key(city);
		return communesWithPostcode(postcode).stream()
			.filter((commune) -> PlaceName.key(commune.name()).equals(key))
			.min((a, b) -> Boolean.compare(!a.isCurrent(), !b.isCurrent()));
	}

	/**
	 * The department of a postcode, from the communes that use it (so 20000 is
	 * Corse-du-Sud and 97400 La Réunion), or from its first digits when no commune uses
	 * it (CEDEX codes).
	 */
	public Optional<Department> departmentOfPostcode(String postcode) {
		if (postcode == null || !postcode.matches("\\d{5}")) {
			return Optional.empty();
		}
		Optional<String> fromCommunes = communesWithPostcode(postcode).stream()
			.map(Commune::departmentCode)
			.findFirst();
		String code = fromCommunes
			.orElseGet(() -> postcode.startsWith("97") ? postcode.substring(0, 3) : postcode.startsWith("20")
					? (postcode.compareTo("20200") < 0 ? "2A" : "2B") : postcode.substring(0, 2));
		return Optional.ofNullable(this.departments.get(code));
	}

	public Optional<Department> department(String code) {
		return Optional.ofNullable(this.departments.get(code));
	}

	public Collection<Department> departments() {
		return this.departments.values();
	}

	private static List<String[]> lines(String name, boolean gzip) {
		try (InputStream raw = new ClassPathResource(BASE + name).getInputStream();
				InputStream in = gzip ? new GZIPInputStream(raw) : raw;
				BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
			return reader.lines().filter((line) -> !line.startsWith("#") && !line.isBlank()).map((line) -> {
				String[] fields = line.split("\t", -1);
				return Arrays.copyOf(fields, Math.max(fields.length, 7));
			}).toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read reference data " + name, ex);
		}
	}

}
