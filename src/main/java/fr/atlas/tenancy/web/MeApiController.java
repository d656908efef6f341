package fr.atlas.tenancy.web;

import java.util.List;
import java.util.UUID;

import fr.atlas.platform.AtlasPrincipal;
import fr.atlas.platform.NotFoundException;
import fr.atlas.tenancy.Members;
import fr.atlas.tenancy.Organisations;
import fr.atlas.tenancy.Role;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Account")
@RestController
class MeApiController {

	private final Members members;

	private final Organisations organisations;

	MeApiController(Members members, Organisations organisations) {
		this.members = members;
		this.organisations = organisations;
	}

	@GetMapping("/api/v1/me")
	Me me(@AuthenticationPrincipal AtlasPrincipal principal) {
		var member = this.members.find(principal.userId()).orElseThrow(() -> new NotFoundException("Membre"));
		var organisation = this.organisations.current();
		return new Me(new User(member.id().value(), member.email(), member.name()),
				new Org(organisation.orgId().value(), organisation.name()),
				member.roles().stream().map(Role::name).toList());
	}

	record Me(User user, Org org, List<String> roles) {
	}

	record User(UUID id, String email, String name) {
	}

	record Org(UUID id, String name) {
	}

}
