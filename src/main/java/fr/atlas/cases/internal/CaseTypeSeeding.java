package fr.atlas.cases.internal;

import fr.atlas.platform.CurrentTenant;
import fr.atlas.tenancy.OrganisationCreated;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Gives every new organisation the standard case types. Synchronous on purpose: it runs
 * in the sign-up transaction, so an organisation never exists without them.
 */
@Component
class CaseTypeSeeding {

	private final CaseTypes caseTypes;

	CaseTypeSeeding(CaseTypes caseTypes) {
		this.caseTypes = caseTypes;
	}

	@EventListener
	void on(OrganisationCreated event) {
		CurrentTenant.runAs(event.orgId(), this.caseTypes::ensureSeeded);
	}

}
