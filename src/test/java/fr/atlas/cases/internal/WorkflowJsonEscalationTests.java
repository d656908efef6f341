package fr.atlas.cases.internal;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import fr.atlas.cases.engine.WorkflowDefinition;
import fr.atlas.platform.InvalidInputException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class WorkflowJsonEscalationTests {

	static Map<String, Object> definition(Map<String, Object> initial) {
		return Map.of("states", List.of(initial, Map.of("key", "DONE", "final", true)), "transitions",
				List.of(Map.of("name", "finish", "from", List.of("NEW"), "to", "DONE")));
	}

	@Test
	void readsDefinitionsWrittenBeforeEscalations() {
		WorkflowDefinition old = WorkflowJson.read(definition(Map.of("key", "NEW", "initial", true, "sla", "PT2H")));
		assertThat(old.state("NEW").orElseThrow().sla()).isEqualTo(Duration.ofHours(2));
		assertThat(old.state("NEW").orElseThrow().escalateAfter()).isNull();
		assertThat((List<Map<String, Object>>) WorkflowJson.write(old).get("states"))
			.allSatisfy((state) -> assertThat(state).doesNotContainKey("escalateAfter"));
	}

	@Test
	void readsAndWritesTheEscalationDelay() {
		WorkflowDefinition definition = WorkflowJson
			.read(definition(Map.of("key", "NEW", "initial", true, "sla", "PT2H", "escalateAfter", "PT4H")));
		assertThat(definition.state("NEW").orElseThrow().escalateAfter()).isEqualTo(Duration.ofHours(4));
		assertThat(((List<Map<String, Object>>) WorkflowJson.write(definition).get("states")).get(0))
			.containsEntry("escalateAfter", "PT4H");
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(
					() -> WorkflowJson.read(definition(Map.of("key", "NEW", "initial", true, "escalateAfter", "2h"))))
			.satisfies((ex) -> assertThat(ex.problems()).extracting(InvalidInputException.FieldProblem::field)
				.containsExactly("states[0].escalateAfter"));
	}

}
