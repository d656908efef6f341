package fr.atlas.cases.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the cases module ({@code atlas.cases.*}).
 *
 * @param autoAssign give a new case without an assignee to the active agent with the
 * fewest open cases
 * @param slaCheckInterval how often overdue cases are looked for
 * @param baseUrl where links in notification e-mails point
 */
@ConfigurationProperties("atlas.cases")
record CasesProperties(@DefaultValue("true") boolean autoAssign, @DefaultValue("PT1M") Duration slaCheckInterval,
		@DefaultValue("http://localhost:8080") String baseUrl) {
}
