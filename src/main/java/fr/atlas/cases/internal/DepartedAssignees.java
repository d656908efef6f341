package fr.atlas.cases.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import fr.atlas.cases.engine.AssignmentPolicy.Choice;
import fr.atlas.tenancy.MemberActivationChanged;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * The open cases of a member who was deactivated go to whom a new case would go: the case
 * type's assignment rules, else the organisation's default strategy, else nobody (the
 * unassigned list), rather than staying with someone who no longer signs in. Each change
 * is on the case's timeline; the new assignees are told once for all.
 */
@Component
class DepartedAssignees {

	private final JdbcClient jdbc;

	private final Cases cases;

	private final CaseAssignment assignment;

	private final CasesProperties properties;

	DepartedAssignees(JdbcClient jdbc, Cases cases, CaseAssignment assignment, CasesProperties properties) {
		this.jdbc = jdbc;
		this.cases = cases;
		this.assignment = assignment;
		this.properties = properties;
	}

	@ApplicationModuleListener
	void on(MemberActivationChanged event) {
		if (event.active()) {
			return;
		}
		List<UUID> open = this.jdbc.sql("""
				select id from case_file where assignee_id = ? and closed_at is null order by created_at""")
			.param(event.userId().value())
			.query(UUID.class)
			.list();
		UUID batch = UUID.randomUUID();
		for (UUID id : open) {
			CaseFile file = this.cases.require(id);
			if (!event.userId().value().equals(file.assigneeId())) {
				continue; // reassigned by someone meanwhile
			}
			UUID next = this.assignment.byRules(file.caseType(), file.fields(), file.tags(), file.source())
				.map(Choice::assignee)
				.orElseGet(() -> this.properties.autoAssign()
						? this.assignment.byDefault(this.properties.autoAssignStrategy()).orElse(null) : null);
			Map<String, Object> patch = new HashMap<>();
			patch.put("assigneeId", next);
			this.cases.update(id, file.version(), patch, Actor.system(), batch);
		}
	}

}
