package fr.atlas.cases.engine;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static fr.atlas.cases.engine.WorkflowTests.lead;
import static fr.atlas.cases.engine.WorkflowTests.state;
import static fr.atlas.cases.engine.WorkflowTests.transition;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class WorkflowValidationTests {

	@Test
	void acceptsAValidGraph() {
		assertThat(WorkflowValidation.validate(lead())).isEmpty();
	}

	@Test
	void validatesALongGraphInLinearTime() {
		// validation is open to every member: a chain of a few thousand states took hours
		// when each state was walked from on its own
		int size = 4000;
		List<StateDefinition> states = new java.util.ArrayList<>();
		List<TransitionDefinition> transitions = new java.util.ArrayList<>();
		for (int i = 0; i < size; i++) {
			states.add(state("S" + i, i == 0, false, null));
			transitions.add(transition("t" + i, List.of("S" + i), (i + 1 < size) ? "S" + (i + 1) : "END", List.of(),
					List.of(), List.of()));
		}
		states.add(state("END", false, true, null));
		// the last two states only lead to each other, and one state is never reached
		transitions.set(size - 1, transition("t" + (size - 1), List.of("S" + (size - 1)), "S" + (size - 2), List.of(),
				List.of(), List.of()));
		transitions.set(size - 3,
				transition("t" + (size - 3), List.of("S" + (size - 3)), "END", List.of(), List.of(), List.of()));
		var definition = new WorkflowDefinition(states, transitions);
		List<DefinitionProblem> problems = assertTimeoutPreemptively(Duration.ofSeconds(5),
				() -> WorkflowValidation.validate(definition));
		assertThat(problems).containsExactlyInAnyOrder(
				new DefinitionProblem("states", "workflow.unreachable-state", List.of("S" + (size - 2))),
				new DefinitionProblem("states", "workflow.unreachable-state", List.of("S" + (size - 1))),
				new DefinitionProblem("states", "workflow.final-unreachable", List.of("S" + (size - 2))),
				new DefinitionProblem("states", "workflow.final-unreachable", List.of("S" + (size - 1))));
	}

	@Test
	void refusesATaskDueBeforeTheCaseEntersItsState() {
		// "-PT2H" made a task overdue, its reminder past, the moment the case came in
		var definition = new WorkflowDefinition(
				List.of(state("A", true, false, null,
						new EntryAction(EntryAction.Type.CREATE_TASK, "Appeler", Duration.ofHours(-2)),
						new EntryAction(EntryAction.Type.CREATE_TASK, "Écrire", Duration.ZERO),
						new EntryAction(EntryAction.Type.CREATE_TASK, "Relancer", Duration.ofHours(2))),
						state("B", false, true, null)),
				List.of(transition("go", List.of("A"), "B", List.of(), List.of(), List.of())));
		assertThat(WorkflowValidation.validate(definition)).containsExactly(
				new DefinitionProblem("states[0].onEnter[0].due", "workflow.invalid-due", List.of("A", "Appeler")),
				new DefinitionProblem("states[0].onEnter[1].due", "workflow.invalid-due", List.of("A", "Écrire")));
	}

	@Test
	void refusesADelayLongerThanTenYears() {
		// each day of an SLA is walked in working time as a case enters its state:
		// "P999999999D" held a CPU for minutes before failing on a date no column holds
		Duration tooLong = Duration.ofDays(3651);
		var definition = new WorkflowDefinition(
				List.of(new StateDefinition("A", true, false, Map.of(), null, tooLong, tooLong,
						List.of(new EntryAction(EntryAction.Type.CREATE_TASK, "Relancer", tooLong))),
						new StateDefinition("B", false, false, Map.of(), null, Duration.ofDays(3650), List.of()),
						state("C", false, true, null)),
				List.of(transition("go", List.of("A"), "B", List.of(), List.of(), List.of()),
						transition("end", List.of("B"), "C", List.of(), List.of(), List.of())));
		assertThat(WorkflowValidation.validate(definition)).containsExactly(
				new DefinitionProblem("states[0].sla", "workflow.delay-too-long", List.of("A", 3650L)),
				new DefinitionProblem("states[0].escalateAfter", "workflow.delay-too-long", List.of("A", 3650L)),
				new DefinitionProblem("states[0].onEnter[0].due", "workflow.delay-too-long", List.of("A", 3650L)));
	}

	@Test
	void refusesNoInitialState() {
		var definition = new WorkflowDefinition(List.of(state("A", false, false, null), state("B", false, true, null)),
				List.of(transition("go", List.of("A"), "B", List.of(), List.of(), List.of())));
		assertThat(codes(definition)).contains("workflow.no-initial-state");
	}

	@Test
	void refusesSeveralInitialStatesAndNamesThem() {
		var definition = new WorkflowDefinition(
				List.of(state("A", true, false, null), state("B", true, false, null), state("C", false, true, null)),
				List.of(transition("a", List.of("A", "B"), "C", List.of(), List.of(), List.of())));
		assertThat(WorkflowValidation.validate(definition))
			.contains(new DefinitionProblem("states", "workflow.several-initial-states", List.of("A, B")));
	}

	@Test
	void refusesNoFinalState() {
		var definition = new WorkflowDefinition(List.of(state("A", true, false, null), state("B", false, false, null)),
				List.of(transition("go", List.of("A"), "B", List.of(), List.of(), List.of()),
						transition("back", List.of("B"), "A", List.of(), List.of(), List.of())));
		assertThat(codes(definition)).containsExactly("workflow.no-final-state");
	}

	@Test
	void refusesAStateWhoseWaysOutOnlyGoRoundACycle() {
		// B and C lead to each other only: a case that enters B can never be closed
		var definition = new WorkflowDefinition(
				List.of(state("A", true, false, null), state("B", false, false, null), state("C", false, false, null),
						state("Z", false, true, null)),
				List.of(transition("go", List.of("A"), "B", List.of(), List.of(), List.of()),
						transition("bc", List.of("B"), "C", List.of(), List.of(), List.of()),
						transition("cb", List.of("C"), "B", List.of(), List.of(), List.of()),
						transition("end", List.of("A"), "Z", List.of(), List.of(), List.of())));
		assertThat(WorkflowValidation.validate(definition)).containsExactly(
				new DefinitionProblem("states", "workflow.final-unreachable", List.of("B")),
				new DefinitionProblem("states", "workflow.final-unreachable", List.of("C")));
	}

	@Test
	void refusesUnreachableStates() {
		var definition = new WorkflowDefinition(
				List.of(state("A", true, false, null), state("B", false, true, null),
						state("ORPHAN", false, true, null)),
				List.of(transition("go", List.of("A"), "B", List.of(), List.of(), List.of())));
		assertThat(WorkflowValidation.validate(definition))
			.containsExactly(new DefinitionProblem("states", "workflow.unreachable-state", List.of("ORPHAN")));
	}

	@Test
	void refusesDuplicateStateKeysAndTransitionNames() {
		var definition = new WorkflowDefinition(
				List.of(state("A", true, false, null), state("B", false, true, null), state("B", false, true, null)),
				List.of(transition("go", List.of("A"), "B", List.of(), List.of(), List.of()),
						transition("go", List.of("A"), "B", List.of(), List.of(), List.of())));
		assertThat(codes(definition)).contains("workflow.duplicate-state", "workflow.duplicate-transition");
	}

	@Test
	void refusesTransitionsToOrFromUnknownStates() {
		var definition = new WorkflowDefinition(List.of(state("A", true, false, null), state("B", false, true, null)),
				List.of(transition("go", List.of("A"), "B", List.of(), List.of(), List.of()),
						transition("nowhere", List.of("A"), "MARS", List.of(), List.of(), List.of()),
						transition("ghost", List.of("VENUS"), "B", List.of(), List.of(), List.of())));
		assertThat(WorkflowValidation.validate(definition)).contains(
				new DefinitionProblem("transitions[1].to", "workflow.unknown-state", List.of("nowhere", "MARS")),
				new DefinitionProblem("transitions[2].from", "workflow.unknown-state", List.of("ghost", "VENUS")));
	}

	@Test
	void refusesANonFinalStateWithNoWayOut() {
		var definition = new WorkflowDefinition(
				List.of(state("A", true, false, null), state("STUCK", false, false, null),
						state("B", false, true, null)),
				List.of(transition("go", List.of("A"), "B", List.of(), List.of(), List.of()),
						transition("stick", List.of("A"), "STUCK", List.of(), List.of(), List.of())));
		assertThat(codes(definition)).containsExactly("workflow.dead-end-state");
	}

	@Test
	void checksAStateMappingBeforeMigration() {
		var target = lead();
		assertThat(WorkflowValidation.validateMapping(Map.of("VISIT", "QUALIFIED"), Set.of("NEW", "VISIT"), target))
			.isEmpty();
		assertThat(WorkflowValidation.validateMapping(Map.of(), Set.of("NEW", "VISIT"), target))
			.containsExactly(new DefinitionProblem("mapping.VISIT", "workflow.mapping-missing", List.of("VISIT")));
		assertThat(WorkflowValidation.validateMapping(Map.of("VISIT", "NOPE"), Set.of("VISIT"), target))
			.containsExactly(
					new DefinitionProblem("mapping.VISIT", "workflow.mapping-unknown-state", List.of("VISIT", "NOPE")));
	}

	@Test
	void refusesAMappingOntoAnUnknownStateEvenWhenNoCaseIsInItsSourceState() {
		var target = lead();
		assertThat(WorkflowValidation.validateMapping(Map.of("VISIT", "RDV"), Set.of(), target)).containsExactly(
				new DefinitionProblem("mapping.VISIT", "workflow.mapping-unknown-state", List.of("VISIT", "RDV")));
		// an entry for a state no case is in, onto a state the version has, is harmless
		assertThat(WorkflowValidation.validateMapping(Map.of("GONE", "QUALIFIED"), Set.of("NEW"), target)).isEmpty();
	}

	@Test
	void aMappingThatClosesCasesNeedsARoleThatClosesThem() {
		var target = lead();
		assertThat(WorkflowValidation.validateMapping(Map.of("QUALIFIED", "WON"), Set.of("NEW", "QUALIFIED"), target,
				WorkflowTests.AGENT))
			.containsExactly(new DefinitionProblem("mapping.QUALIFIED", "workflow.mapping-role",
					List.of("QUALIFIED", "WON", "MANAGER")));
		assertThat(WorkflowValidation.validateMapping(Map.of("QUALIFIED", "WON"), Set.of("QUALIFIED"), target,
				WorkflowTests.MANAGER))
			.isEmpty();
		// a final state any member may close by hand, or a state that keeps cases open
		assertThat(WorkflowValidation.validateMapping(Map.of("QUALIFIED", "LOST", "VISIT", "NEW"),
				Set.of("QUALIFIED", "VISIT"), target, WorkflowTests.AGENT))
			.isEmpty();
	}

	/**
	 * A member may restrict a move, not open one the version in force keeps from them: a
	 * manager (the role below the one "win" asks here) stands for an admin facing an
	 * owner-only move.
	 */
	@Test
	void aMemberMayNotOpenAMoveTheVersionInForceKeepsFromThem() {
		var reference = lead();
		// "win" without its role, or with one the member holds
		var opened = new WorkflowDefinition(reference.states(),
				List.of(reference.transitions().get(0),
						transition("win", List.of("QUALIFIED"), "WON", List.of(), List.of(), List.of()),
						reference.transitions().get(2)));
		assertThat(WorkflowValidation.validateRolesKept(reference, opened, WorkflowTests.AGENT))
			.containsExactly(new DefinitionProblem("transitions[1].roles", "workflow.roles-not-held",
					List.of("win", "QUALIFIED", "WON", "MANAGER")));
		var granted = new WorkflowDefinition(reference.states(), List.of(reference.transitions().get(0),
				transition("win", List.of("QUALIFIED"), "WON", List.of("MANAGER", "AGENT"), List.of(), List.of()),
				reference.transitions().get(2)));
		assertThat(WorkflowValidation.validateRolesKept(reference, granted, WorkflowTests.AGENT)).hasSize(1);
		// a detour: a new state any member may enter, and from it the state kept from
		// them
		List<StateDefinition> states = new java.util.ArrayList<>(reference.states());
		states.add(state("SIGNED", false, false, null));
		var detour = new WorkflowDefinition(states,
				List.of(reference.transitions().get(0), reference.transitions().get(1), reference.transitions().get(2),
						transition("sign", List.of("QUALIFIED"), "SIGNED", List.of(), List.of(), List.of()),
						transition("close", List.of("SIGNED"), "WON", List.of(), List.of(), List.of())));
		assertThat(WorkflowValidation.validateRolesKept(reference, detour, WorkflowTests.AGENT))
			.containsExactly(new DefinitionProblem("transitions[4].roles", "workflow.roles-not-held",
					List.of("close", "SIGNED", "WON", "MANAGER")));
		// a member who holds the role opens it; restricting a move is anyone's to do
		assertThat(WorkflowValidation.validateRolesKept(reference, opened, WorkflowTests.MANAGER)).isEmpty();
		assertThat(WorkflowValidation.validateRolesKept(reference, detour, WorkflowTests.MANAGER)).isEmpty();
		var restricted = new WorkflowDefinition(reference.states(),
				List.of(transition("qualify", List.of("NEW"), "QUALIFIED", List.of("MANAGER"), List.of(), List.of()),
						reference.transitions().get(1), reference.transitions().get(2)));
		assertThat(WorkflowValidation.validateRolesKept(reference, restricted, WorkflowTests.AGENT)).isEmpty();
		assertThat(WorkflowValidation.validateRolesKept(reference, reference, WorkflowTests.AGENT)).isEmpty();
	}

	/**
	 * A move from one state kept from the member, into a state they may enter from
	 * another: the move, not the state, is kept.
	 */
	@Test
	void aMoveKeptFromAMemberStaysKeptWhereItsStateIsOpenFromElsewhere() {
		var reference = new WorkflowDefinition(
				List.of(state("NEW", true, false, null), state("OFFER", false, false, null),
						state("WON", false, true, null)),
				List.of(transition("offer", List.of("NEW"), "OFFER", List.of(), List.of(), List.of()),
						transition("quick", List.of("NEW"), "WON", List.of(), List.of(), List.of()),
						transition("win", List.of("OFFER"), "WON", List.of("MANAGER"), List.of(), List.of())));
		var opened = new WorkflowDefinition(reference.states(),
				List.of(reference.transitions().get(0), reference.transitions().get(1),
						transition("win", List.of("OFFER"), "WON", List.of(), List.of(), List.of())));
		assertThat(WorkflowValidation.validateRolesKept(reference, opened, WorkflowTests.AGENT))
			.containsExactly(new DefinitionProblem("transitions[2].roles", "workflow.roles-not-held",
					List.of("win", "OFFER", "WON", "MANAGER")));
	}

	@Test
	void aMappingIntoAnOpenStateOnlyOthersMayLeadACaseIntoNeedsTheirRole() {
		var target = new WorkflowDefinition(
				List.of(state("NEW", true, false, null), state("VALIDATED", false, false, null),
						state("WON", false, true, null)),
				List.of(transition("validate", List.of("NEW"), "VALIDATED", List.of("MANAGER"), List.of(), List.of()),
						transition("win", List.of("VALIDATED"), "WON", List.of(), List.of(), List.of())));
		assertThat(WorkflowValidation.validateMapping(Map.of("OFFER", "VALIDATED"), Set.of("NEW", "OFFER"), target,
				WorkflowTests.AGENT))
			.containsExactly(new DefinitionProblem("mapping.OFFER", "workflow.mapping-role-open",
					List.of("OFFER", "VALIDATED", "MANAGER")));
		assertThat(WorkflowValidation.validateMapping(Map.of("OFFER", "VALIDATED"), Set.of("OFFER"), target,
				WorkflowTests.MANAGER))
			.isEmpty();
		// a case that keeps its state is not moved by the migration
		assertThat(WorkflowValidation.validateMapping(Map.of(), Set.of("VALIDATED"), target, WorkflowTests.AGENT))
			.isEmpty();
	}

	@Test
	void paintsAStateWhoseColourIsNoHexadecimalColourWithTheDefault() {
		assertThat(new StateDefinition("A", true, false, Map.of(), "red;background:url(x)", null, List.of())
			.colourOrDefault()).isEqualTo("#667085");
		assertThat(new StateDefinition("A", true, false, Map.of(), "#1F4FD1", null, List.of()).colourOrDefault())
			.isEqualTo("#1F4FD1");
	}

	private static List<String> codes(WorkflowDefinition definition) {
		return WorkflowValidation.validate(definition).stream().map(DefinitionProblem::code).toList();
	}

}
