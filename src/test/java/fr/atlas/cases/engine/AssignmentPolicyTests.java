package fr.atlas.cases.engine;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import fr.atlas.cases.engine.AssignmentPolicy.Choice;
import fr.atlas.cases.engine.AssignmentRule.Facts;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AssignmentPolicyTests {

	static final UUID PARIS_AGENT = UUID.randomUUID();

	static final UUID HAUTS_DE_SEINE_AGENT = UUID.randomUUID();

	static final UUID LUXURY_A = UUID.randomUUID();

	static final UUID LUXURY_B = UUID.randomUUID();

	static final Set<UUID> EVERYONE = Set.of(PARIS_AGENT, HAUTS_DE_SEINE_AGENT, LUXURY_A, LUXURY_B);

	static AssignmentRule rule(String name, List<String> zones, Set<String> specialties, Set<String> sources,
			UUID... assignees) {
		return new AssignmentRule(name, zones.stream().map((z) -> PostcodeZone.parse(z).orElseThrow()).toList(),
				specialties, sources, List.of(assignees));
	}

	static final AssignmentPolicy POLICY = new AssignmentPolicy(
			List.of(rule("Luxe Ouest parisien", List.of("92", "78"), Set.of("Luxury"), Set.of(), LUXURY_A, LUXURY_B),
					rule("Paris", List.of("75"), Set.of(), Set.of(), PARIS_AGENT),
					rule("Hauts-de-Seine", List.of("92000-92999"), Set.of(), Set.of(), HAUTS_DE_SEINE_AGENT),
					rule("Portails", List.of(), Set.of(), Set.of("PORTAL"), PARIS_AGENT)));

	static Facts facts(String postcode, String... specialties) {
		return new Facts(postcode, Set.of(specialties), "FORM");
	}

	@Test
	void firstMatchingRuleWins() {
		assertThat(POLICY.choose(facts("92100"), EVERYONE, Map.of()))
			.contains(new Choice(HAUTS_DE_SEINE_AGENT, "Hauts-de-Seine", 2));
		assertThat(POLICY.choose(facts("75011"), EVERYONE, Map.of())).map(Choice::assignee).contains(PARIS_AGENT);
		// The luxury rule comes first and catches a luxury case in the 92 before the zone
		// rule.
		assertThat(POLICY.choose(facts("92200", "luxury"), EVERYONE, Map.of())).map(Choice::rule)
			.contains("Luxe Ouest parisien");
	}

	@Test
	void allConditionsOfARuleMustHold() {
		// Luxury but not in 92 or 78: the luxury rule does not apply.
		assertThat(POLICY.choose(facts("69003", "luxury"), EVERYONE, Map.of())).isEmpty();
		assertThat(POLICY.choose(new Facts("69003", Set.of(), "portal"), EVERYONE, Map.of())).map(Choice::rule)
			.contains("Portails");
		// A zone condition never matches a case without a postcode.
		assertThat(POLICY.choose(new Facts(null, Set.of("luxury"), "FORM"), EVERYONE, Map.of())).isEmpty();
	}

	@Test
	void picksTheLeastLoadedMemberOfATeamAndSkipsUnavailableOnes() {
		Facts luxury = facts("78000", "luxury");
		assertThat(POLICY.choose(luxury, EVERYONE, Map.of(LUXURY_A, 4L, LUXURY_B, 2L))).map(Choice::assignee)
			.contains(LUXURY_B);
		// Ties go to the first listed.
		assertThat(POLICY.choose(luxury, EVERYONE, Map.of(LUXURY_A, 2L, LUXURY_B, 2L))).map(Choice::assignee)
			.contains(LUXURY_A);
		assertThat(POLICY.choose(luxury, Set.of(LUXURY_A), Map.of(LUXURY_A, 9L))).map(Choice::assignee)
			.contains(LUXURY_A);
		// A rule whose members are all unavailable lets the next rules try.
		assertThat(POLICY.choose(facts("92100", "luxury"), Set.of(HAUTS_DE_SEINE_AGENT), Map.of()))
			.contains(new Choice(HAUTS_DE_SEINE_AGENT, "Hauts-de-Seine", 2));
		assertThat(POLICY.choose(facts("92100"), Set.of(), Map.of())).isEmpty();
	}

	@Test
	void aRoundRobinRuleTakesItsAvailableMembersInTurnWhateverTheirLoad() {
		UUID c = UUID.randomUUID();
		AssignmentPolicy policy = new AssignmentPolicy(List.of(new AssignmentRule("Tour", List.of(), Set.of(), Set.of(),
				List.of(LUXURY_A, LUXURY_B, c), AssignmentStrategy.ROUND_ROBIN)));
		Map<UUID, Long> load = Map.of(LUXURY_A, 9L);
		long[] cursor = { 0 };
		List<UUID> picked = new java.util.ArrayList<>();
		for (int i = 0; i < 4; i++) {
			policy.choose(facts("75001"), Set.of(LUXURY_A, LUXURY_B, c), load, (position) -> cursor[0]++)
				.ifPresent((choice) -> picked.add(choice.assignee()));
		}
		assertThat(picked).containsExactly(LUXURY_A, LUXURY_B, c, LUXURY_A);
		// An unavailable member is skipped: the turn goes round the others.
		assertThat(policy.choose(facts("75001"), Set.of(LUXURY_B, c), load, (position) -> 2L)).map(Choice::assignee)
			.contains(LUXURY_B);
		// No member available: no turn is taken.
		assertThat(policy.choose(facts("75001"), Set.of(), load, (position) -> {
			throw new AssertionError("no turn without a member");
		})).isEmpty();
	}

	@Test
	void noRulesMeansNoChoice() {
		assertThat(new AssignmentPolicy(List.of()).choose(facts("75001"), EVERYONE, Map.of())).isEmpty();
		AssignmentRule catchAll = rule("Tous", List.of(), Set.of(), Set.of(), PARIS_AGENT);
		assertThat(new AssignmentPolicy(List.of(catchAll)).choose(new Facts(null, Set.of(), "API"), EVERYONE, Map.of()))
			.isPresent();
	}

	@Test
	void readsPostcodeZones() {
		assertThat(PostcodeZone.parse("92")).hasValueSatisfying((z) -> {
			assertThat(z.contains("92100")).isTrue();
			assertThat(z.contains("92 100")).isTrue();
			assertThat(z.contains("93100")).isFalse();
			assertThat(z.contains("9210")).isFalse();
		});
		assertThat(PostcodeZone.parse("75001 - 75004")).hasValueSatisfying((z) -> {
			assertThat(z.text()).isEqualTo("75001-75004");
			assertThat(z.contains("75004")).isTrue();
			assertThat(z.contains("75005")).isFalse();
		});
		assertThat(PostcodeZone.parse("2a")).hasValueSatisfying((z) -> {
			assertThat(z.contains("20000")).isTrue();
			assertThat(z.contains("20200")).isFalse();
		});
		assertThat(PostcodeZone.parse("921")).hasValueSatisfying((z) -> assertThat(z.contains("92190")).isTrue());
		assertThat(PostcodeZone.parse("7")).isEmpty();
		assertThat(PostcodeZone.parse("Paris")).isEmpty();
		assertThat(PostcodeZone.parse("75020-75001")).isEmpty();
		assertThat(PostcodeZone.parse("750011")).isEmpty();
	}

}
