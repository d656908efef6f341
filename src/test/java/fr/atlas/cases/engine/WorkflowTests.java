package fr.atlas.cases.engine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import fr.atlas.cases.engine.Decision.Move;
import fr.atlas.cases.engine.Decision.Reason;
import fr.atlas.cases.engine.Decision.Refusal;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class WorkflowTests {

	static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

	static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

	static final Predicate<String> AGENT = Set.of("AGENT", "VIEWER")::contains;

	static final Predicate<String> MANAGER = Set.of("MANAGER", "AGENT", "VIEWER")::contains;

	static StateDefinition state(String key, boolean initial, boolean terminal, Duration sla, EntryAction... onEnter) {
		return new StateDefinition(key, initial, terminal, Map.of("fr", key.toLowerCase(), "en", key), null, sla,
				List.of(onEnter));
	}

	static TransitionDefinition transition(String name, List<String> from, String to, List<String> roles,
			List<String> fields, List<String> inputs) {
		return new TransitionDefinition(name, from, to, Map.of(), roles, fields, inputs);
	}

	static WorkflowDefinition lead() {
		return new WorkflowDefinition(
				List.of(state("NEW", true, false, Duration.ofHours(2)),
						state("QUALIFIED", false, false, Duration.ofDays(2),
								new EntryAction(EntryAction.Type.CREATE_TASK, "Proposer une visite",
										Duration.ofDays(1))),
						state("WON", false, true, null), state("LOST", false, true, null)),
				List.of(transition("qualify", List.of("NEW"), "QUALIFIED", List.of(), List.of("budget", "financing"),
						List.of()),
						transition("win", List.of("QUALIFIED"), "WON", List.of("MANAGER"), List.of(), List.of()),
						transition("lose", List.of("NEW", "QUALIFIED"), "LOST", List.of(), List.of(),
								List.of("lossReason"))));
	}

	@Test
	void startsInTheInitialStateWithItsSlaDeadline() {
		Move start = Workflow.of(lead(), CLOCK).start();
		assertThat(start.target().key()).isEqualTo("NEW");
		assertThat(start.enteredAt()).isEqualTo(NOW);
		assertThat(start.slaDueAt()).isEqualTo(NOW.plus(Duration.ofHours(2)));
	}

	@Test
	void movesWhenGuardsRolesAndInputsAreSatisfied() {
		Decision decision = Workflow.of(lead(), CLOCK)
			.decide("NEW", "qualify", Map.of("budget", 250000, "financing", "LOAN"), Map.of(), AGENT);
		assertThat(decision).isInstanceOfSatisfying(Move.class, (move) -> {
			assertThat(move.target().key()).isEqualTo("QUALIFIED");
			assertThat(move.slaDueAt()).isEqualTo(NOW.plus(Duration.ofDays(2)));
			assertThat(move.actions()).extracting(EntryAction::name).containsExactly("Proposer une visite");
		});
	}

	@Test
	void refusesWhenAGuardedFieldIsEmptyAndNamesIt() {
		Decision decision = Workflow.of(lead(), CLOCK)
			.decide("NEW", "qualify", Map.of("budget", 250000, "financing", " "), Map.of(), AGENT);
		assertThat(decision).isInstanceOfSatisfying(Refusal.class, (refusal) -> {
			assertThat(refusal.reason()).isEqualTo(Reason.GUARD_FAILED);
			assertThat(refusal.missing()).containsExactly("financing");
			assertThat(refusal.allowedTransitions()).containsExactly("qualify", "lose");
		});
	}

	@Test
	void inputsGivenWithTheMoveSatisfyGuards() {
		Decision decision = Workflow.of(lead(), CLOCK)
			.decide("NEW", "qualify", Map.of("budget", 1), Map.of("financing", "CASH"), AGENT);
		assertThat(decision).isInstanceOf(Move.class);
	}

	@Test
	void refusesAMissingRequiredInput() {
		Decision decision = Workflow.of(lead(), CLOCK).decide("QUALIFIED", "lose", Map.of(), Map.of(), AGENT);
		assertThat(decision).isInstanceOfSatisfying(Refusal.class, (refusal) -> {
			assertThat(refusal.reason()).isEqualTo(Reason.INPUT_MISSING);
			assertThat(refusal.missing()).containsExactly("lossReason");
		});
		assertThat(Workflow.of(lead(), CLOCK)
			.decide("QUALIFIED", "lose", Map.of(), Map.of("lossReason", "Achat ailleurs"), AGENT))
			.isInstanceOfSatisfying(Move.class, (move) -> assertThat(move.inputs()).containsKey("lossReason"));
	}

	@Test
	void refusesARoleTheTransitionDoesNotAllow() {
		Workflow workflow = Workflow.of(lead(), CLOCK);
		assertThat(workflow.decide("QUALIFIED", "win", Map.of(), Map.of(), AGENT)).isInstanceOfSatisfying(Refusal.class,
				(refusal) -> {
					assertThat(refusal.reason()).isEqualTo(Reason.ROLE_NOT_ALLOWED);
					assertThat(refusal.allowedTransitions()).containsExactly("lose");
				});
		assertThat(workflow.decide("QUALIFIED", "win", Map.of(), Map.of(), MANAGER)).isInstanceOf(Move.class);
	}

	@Test
	void neverMovesOutsideTheDefinition() {
		Workflow workflow = Workflow.of(lead(), CLOCK);
		assertThat(workflow.decide("NEW", "win", Map.of(), Map.of(), MANAGER)).isInstanceOfSatisfying(Refusal.class,
				(refusal) -> assertThat(refusal.reason()).isEqualTo(Reason.NOT_FROM_CURRENT_STATE));
		assertThat(workflow.decide("NEW", "teleport", Map.of(), Map.of(), MANAGER)).isInstanceOfSatisfying(
				Refusal.class, (refusal) -> assertThat(refusal.reason()).isEqualTo(Reason.UNKNOWN_TRANSITION));
		assertThat(workflow.decide("WON", "lose", Map.of(), Map.of("lossReason", "x"), MANAGER))
			.isInstanceOfSatisfying(Refusal.class, (refusal) -> {
				assertThat(refusal.reason()).isEqualTo(Reason.NOT_FROM_CURRENT_STATE);
				assertThat(refusal.allowedTransitions()).isEmpty();
			});
	}

	@Test
	void detectsSlaBreachesWithAControllableClock() {
		Move start = Workflow.of(lead(), CLOCK).start();
		Clock before = Clock.fixed(NOW.plus(Duration.ofMinutes(119)), ZoneOffset.UTC);
		Clock after = Clock.fixed(NOW.plus(Duration.ofMinutes(121)), ZoneOffset.UTC);
		assertThat(Workflow.of(lead(), before).isLate(start.slaDueAt())).isFalse();
		assertThat(Workflow.of(lead(), after).isLate(start.slaDueAt())).isTrue();
		assertThat(Workflow.of(lead(), after).isLate(null)).isFalse();
	}

	@Test
	void refusesToRunAnInvalidDefinition() {
		WorkflowDefinition broken = new WorkflowDefinition(List.of(state("NEW", true, false, null)), List.of());
		assertThatExceptionOfType(InvalidWorkflowException.class).isThrownBy(() -> Workflow.of(broken, CLOCK))
			.satisfies((ex) -> assertThat(ex.problems()).extracting(DefinitionProblem::code)
				.contains("workflow.no-final-state"));
	}

}
