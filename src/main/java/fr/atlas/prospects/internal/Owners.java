package fr.atlas.prospects.internal;

import java.util.List;
import java.util.UUID;

import fr.atlas.platform.CurrentTenant;
import fr.atlas.platform.InvalidInputException.FieldProblem;
import fr.atlas.platform.UserId;
import fr.atlas.tenancy.Member;
import fr.atlas.tenancy.Members;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Who may own an agency: an active member of the organisation at work.
 */
@Component
class Owners {

	private final Members members;

	Owners(Members members) {
		this.members = members;
	}

	/**
	 * The member a value names (an id), or null for a blank value; anything else is a
	 * problem of the {@code owner} field.
	 */
	@Nullable UUID of(@Nullable Object value, List<FieldProblem> problems) {
		if (TypedRow.blank(value)) {
			return null;
		}
		try {
			UUID id = UUID.fromString(value.toString().strip());
			Member member = this.members.find(new UserId(id)).orElse(null);
			if (member != null && member.active() && member.orgId().equals(CurrentTenant.require())) {
				return id;
			}
		}
		catch (IllegalArgumentException ex) {
			// not an id: refused below like an unknown one
		}
		problems.add(new FieldProblem("owner", "prospects.edit.unknown-owner"));
		return null;
	}

}
