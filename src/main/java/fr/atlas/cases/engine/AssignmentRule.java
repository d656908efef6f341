package fr.atlas.cases.engine;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * One rule of a case type's assignment: conditions on the postcode zone, the specialty
 * and the source of a new case, the members who may receive it and how one of them is
 * picked ({@link AssignmentStrategy}). An empty condition accepts anything, so a rule
 * without conditions catches every case (a default team).
 */
public record AssignmentRule(String name, List<PostcodeZone> postcodes, Set<String> specialties, Set<String> sources,
		List<UUID> assignees, AssignmentStrategy strategy) {

	public AssignmentRule(String name, List<PostcodeZone> postcodes, Set<String> specialties, Set<String> sources,
			List<UUID> assignees) {
		this(name, postcodes, specialties, sources, assignees, AssignmentStrategy.LEAST_LOADED);
	}

	public AssignmentRule {
		postcodes = List.copyOf(postcodes);
		specialties = specialties.stream().map(AssignmentRule::word).collect(Collectors.toUnmodifiableSet());
		sources = sources.stream()
			.map((s) -> s.trim().toUpperCase(Locale.ROOT))
			.collect(Collectors.toUnmodifiableSet());
		assignees = List.copyOf(assignees);
	}

	/**
	 * What a rule looks at in a new case: its postcode (none when the case has no
	 * {@code postcode} field), its specialties (tags and the {@code specialty} field) and
	 * its source.
	 */
	public record Facts(@Nullable String postcode, Set<String> specialties, String source) {

		public Facts {
			specialties = specialties.stream().map(AssignmentRule::word).collect(Collectors.toUnmodifiableSet());
		}

	}

	public boolean matches(Facts facts) {
		boolean postcode = this.postcodes.isEmpty()
				|| (facts.postcode() != null && this.postcodes.stream().anyMatch((z) -> z.contains(facts.postcode())));
		boolean specialty = this.specialties.isEmpty()
				|| facts.specialties().stream().anyMatch(this.specialties::contains);
		boolean source = this.sources.isEmpty()
				|| this.sources.contains(facts.source().trim().toUpperCase(Locale.ROOT));
		return postcode && specialty && source;
	}

	static String word(String text) {
		return text.trim().toLowerCase(Locale.ROOT);
	}

}
