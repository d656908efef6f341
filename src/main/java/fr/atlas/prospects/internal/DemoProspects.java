package fr.atlas.prospects.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

import fr.atlas.platform.CurrentTenant;
import fr.atlas.tenancy.DemoOrganisation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Demo mode: imports a small, messy list of agencies around Lyon into the demo
 * organisation through the ordinary import job, so the list, agency pages, report and
 * review queue have something to show. The file's hash makes it a no-op on later starts.
 */
@Component
@ConditionalOnProperty(name = "atlas.demo.enabled", havingValue = "true")
@Order(110)
class DemoProspects implements ApplicationRunner {

	static final String FILE = "demo/agences-demo.csv";

	private static final Logger log = LoggerFactory.getLogger(DemoProspects.class);

	private final DemoOrganisation demo;

	private final ProspectImports imports;

	DemoProspects(DemoOrganisation demo, ProspectImports imports) {
		this.demo = demo;
		this.imports = imports;
	}

	@Override
	public void run(ApplicationArguments args) {
		this.demo.orgId().ifPresent((org) -> CurrentTenant.runAs(org, () -> {
			try (InputStream file = new ClassPathResource(FILE).getInputStream()) {
				var submission = this.imports.submit("agences-demo.csv", file, Map.of(), null, true);
				if (!submission.existing()) {
					log.info("Demo agencies queued for import ({})", FILE);
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}));
	}

}
