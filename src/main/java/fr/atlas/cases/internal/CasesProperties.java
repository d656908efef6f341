package fr.atlas.cases.internal;

import java.time.Duration;

import fr.atlas.cases.engine.AssignmentStrategy;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the cases module ({@code atlas.cases.*}).
 *
 * @param autoAssign give a new case without an assignee to the active agent with the
 * fewest open cases (or, per {@code autoAssignStrategy}, to each active agent in turn)
 * @param autoAssignStrategy how automatic assignment picks an agent when no rule matched
 * @param slaCheckInterval how often overdue cases are looked for
 * @param reminderCheckInterval how often due task reminders are looked for
 * @param baseUrl where links in notification e-mails point
 */
@ConfigurationProperties("atlas.cases")
record CasesProperties(@DefaultValue("true") boolean autoAssign,
		@DefaultValue("LEAST_LOADED") AssignmentStrategy autoAssignStrategy,
		@DefaultValue("PT1M") Duration slaCheckInterval, @DefaultValue("PT1M") Duration reminderCheckInterval,
		@DefaultValue("http://localhost:8080") String baseUrl) {
}
