package fr.atlas.cases.internal;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import fr.atlas.platform.AgencyFacts;
import fr.atlas.platform.AgencyWork;
import fr.atlas.tenancy.Member;
import fr.atlas.tenancy.Members;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opens a prospection case for each of many agencies, from the list's bulk changes
 * ({@link AgencyProspection} for each). A case is assigned to the agency's owner while
 * the owner is an active member, else to the member who asked, so that agencies dealt out
 * to a team are worked by whom they were dealt to. Each member given cases is told once
 * for the operation, not once a case.
 */
@Component
@Transactional
class ProspectionCaseWork implements AgencyWork {

	private final AgencyProspection prospection;

	private final Members members;

	ProspectionCaseWork(AgencyProspection prospection, Members members) {
		this.prospection = prospection;
		this.members = members;
	}

	@Override
	public String key() {
		return "prospection-case";
	}

	@Override
	public String labelCode() {
		return "cases.agency.open-many";
	}

	@Override
	public String filterCode() {
		return "cases.agency.filter";
	}

	@Override
	public String badgeCode() {
		return "cases.agency.badge";
	}

	@Override
	public Optional<String> feature() {
		return Optional.of("cases");
	}

	@Override
	public Set<UUID> start(List<AgencyFacts> agencies, @Nullable UUID requestedBy, UUID operation) {
		Map<UUID, Member> byId = this.members.all()
			.stream()
			.collect(Collectors.toMap((member) -> member.id().value(), Function.identity()));
		Member requester = (requestedBy != null) ? byId.get(requestedBy) : null;
		// a job outlives a request: whoever asked may have left since, the cases are
		// still theirs
		Actor actor = (requester != null) ? Actor.of(requester) : Actor.system();
		Set<UUID> opened = new LinkedHashSet<>();
		for (AgencyFacts agency : agencies) {
			if (!this.prospection.open(agency, actor, assignee(agency.ownerId(), requester, byId), operation)
				.alreadyOpen()) {
				opened.add(agency.agencyId());
			}
		}
		return opened;
	}

	@Override
	public Set<UUID> going() {
		return this.prospection.agenciesInProspection();
	}

	private static @Nullable UUID assignee(@Nullable UUID owner, @Nullable Member requester, Map<UUID, Member> byId) {
		Member ownerMember = (owner != null) ? byId.get(owner) : null;
		if (ownerMember != null && ownerMember.active()) {
			return owner;
		}
		return (requester != null && requester.active()) ? requester.id().value() : null;
	}

}
