package fr.atlas.tenancy.internal;

import java.util.List;
import java.util.UUID;

import fr.atlas.platform.CurrentTenant;
import fr.atlas.platform.UserId;
import fr.atlas.tenancy.DemoOrganisation;
import fr.atlas.tenancy.MemberJoined;
import fr.atlas.tenancy.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo mode: the organisation "Agence Démo" with an owner, a manager and an agent,
 * created once. Other modules add their demo data after it (higher order).
 */
@Component
@ConditionalOnProperty(name = "atlas.demo.enabled", havingValue = "true")
@Order(Ordered.HIGHEST_PRECEDENCE)
class DemoData implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoData.class);

	private final Accounts accounts;

	private final DemoOrganisation demo;

	private final TransactionTemplate transactions;

	private final PasswordEncoder passwords;

	private final ApplicationEventPublisher events;

	private final NewMembers newMembers;

	DemoData(Accounts accounts, DemoOrganisation demo, TransactionTemplate transactions, PasswordEncoder passwords,
			ApplicationEventPublisher events, NewMembers newMembers) {
		this.accounts = accounts;
		this.demo = demo;
		this.transactions = transactions;
		this.passwords = passwords;
		this.events = events;
		this.newMembers = newMembers;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (this.demo.orgId().isPresent()) {
			return;
		}
		var created = this.accounts.signup(new Accounts.Signup(DemoOrganisation.NAME, "Olivia Owner",
				DemoOrganisation.OWNER_EMAIL, DemoOrganisation.PASSWORD, "fr"));
		CurrentTenant.runAs(created.orgId(), () -> this.transactions.executeWithoutResult((tx) -> {
			add(created, DemoOrganisation.MANAGER_EMAIL, "Marc Manager", Role.MANAGER);
			add(created, DemoOrganisation.AGENT_EMAIL, "Alice Agent", Role.AGENT);
			add(created, DemoOrganisation.VIEWER_EMAIL, "Victor Viewer", Role.VIEWER);
		}));
		log.info("Demo organisation « {} » created: log in as {} / {}", DemoOrganisation.NAME,
				DemoOrganisation.OWNER_EMAIL, DemoOrganisation.PASSWORD);
	}

	private void add(Accounts.SignedUp org, String email, String name, Role role) {
		UserId id = UserId.of(UUID.randomUUID());
		this.newMembers.add(org.orgId(), id, email, name, this.passwords.encode(DemoOrganisation.PASSWORD),
				List.of(role), "fr");
		this.events.publishEvent(new MemberJoined(org.orgId(), id, email, List.of(role.name())));
	}

}
