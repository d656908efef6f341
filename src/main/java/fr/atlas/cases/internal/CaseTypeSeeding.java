package fr.atlas.cases.internal;

import fr.atlas.platform.CurrentTenant;
import fr.atlas.tenancy.Member;
import fr.atlas.tenancy.Members;
import fr.atlas.tenancy.OrganisationCreated;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Gives every new organisation the standard case types, their tasks and notices in the
 * language of the member who signed it up. Synchronous on purpose: it runs in the sign-up
 * transaction, so an organisation never exists without them.
 */
@Component
class CaseTypeSeeding {

	private final CaseTypes caseTypes;

	private final Members members;

	CaseTypeSeeding(CaseTypes caseTypes, Members members) {
		this.caseTypes = caseTypes;
		this.members = members;
	}

	@EventListener
	void on(OrganisationCreated event) {
		CurrentTenant.runAs(event.orgId(),
				() -> this.caseTypes.ensureSeeded(this.members.find(event.ownerId()).map(Member::locale).orElse("fr")));
	}

}
