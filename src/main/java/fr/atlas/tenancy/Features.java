package fr.atlas.tenancy;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import fr.atlas.platform.ConflictException;
import fr.atlas.platform.CurrentTenant;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which modules the current organisation has switched on. A module never toggled keeps
 * its default; one not available yet is never on.
 */
@Service
@Transactional(readOnly = true)
public class Features {

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	Features(JdbcClient jdbc, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.events = events;
	}

	public Set<Feature> enabled() {
		Map<String, Boolean> stored = this.jdbc.sql("select module, enabled from org_module")
			.query((rs, row) -> Map.entry(rs.getString(1), rs.getBoolean(2)))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
		Set<Feature> enabled = EnumSet.noneOf(Feature.class);
		for (Feature feature : Feature.values()) {
			if (feature.available() && stored.getOrDefault(feature.key(), feature.onByDefault())) {
				enabled.add(feature);
			}
		}
		return enabled;
	}

	public boolean isEnabled(Feature feature) {
		return enabled().contains(feature);
	}

	/**
	 * Switches a module on or off; one not available yet cannot be switched (409
	 * {@code modules.not-available}).
	 */
	@Transactional
	public void set(Feature feature, boolean enabled) {
		if (!feature.available()) {
			throw new ConflictException("modules.not-available",
					new DefaultMessageSourceResolvable("feature." + feature.key()));
		}
		if (isEnabled(feature) == enabled) {
			return;
		}
		this.jdbc.sql("""
				insert into org_module (org_id, module, enabled) values (:org, :module, :enabled)
				on conflict (org_id, module) do update set enabled = excluded.enabled, changed_at = now()""")
			.param("org", CurrentTenant.require().value())
			.param("module", feature.key())
			.param("enabled", enabled)
			.update();
		this.events.publishEvent(new FeatureToggled(CurrentTenant.require(), feature, enabled));
	}

}
