package fr.atlas.tenancy.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;

import fr.atlas.platform.AtlasPrincipal;
import fr.atlas.platform.ConflictException;
import fr.atlas.platform.CurrentTenant;
import fr.atlas.platform.InvalidInputException;
import fr.atlas.platform.NotFoundException;
import fr.atlas.platform.UserId;
import fr.atlas.tenancy.Member;
import fr.atlas.tenancy.MemberActivationChanged;
import fr.atlas.tenancy.MemberRolesChanged;
import fr.atlas.tenancy.Members;
import fr.atlas.tenancy.Role;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Changes to the members of the current organisation: roles and activation. Only an owner
 * may make or unmake an owner; the organisation always keeps an active owner; nobody
 * deactivates themselves.
 */
@Service
public class MemberAdministration {

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final Members members;

	private final ApplicationEventPublisher events;

	private final Invitations invitations;

	private final ApiTokens tokens;

	MemberAdministration(JdbcClient jdbc, TransactionTemplate transactions, Members members,
			ApplicationEventPublisher events, Invitations invitations, ApiTokens tokens) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.members = members;
		this.events = events;
		this.invitations = invitations;
		this.tokens = tokens;
	}

	public Member changeRoles(AtlasPrincipal actor, UserId target, @Nullable List<String> requested) {
		List<Role> roles = parse(requested);
		return this.transactions.execute((tx) -> {
			Member before = lock(target);
			boolean actorIsOwner = holds(actor, Role.OWNER);
			boolean wasOwner = before.roles().contains(Role.OWNER);
			boolean willBeOwner = roles.contains(Role.OWNER);
			if ((wasOwner || willBeOwner) && !actorIsOwner) {
				throw new AccessDeniedException("only an owner may grant or remove the owner role");
			}
			if (before.roles().equals(roles)) {
				return before;
			}
			if (wasOwner && !willBeOwner && before.active() && otherActiveOwners(target) == 0) {
				throw new ConflictException("member.last-owner");
			}
			this.jdbc.sql("update app_user set roles = ?::text[], version = version + 1 where id = ?")
				.params(RoleColumn.literal(roles), target.value())
				.update();
			this.events.publishEvent(
					new MemberRolesChanged(CurrentTenant.require(), target, names(before.roles()), names(roles)));
			this.invitations.revokeThoseSenderMayNoLongerSend(target);
			return this.members.find(target).orElseThrow();
		});
	}

	public Member deactivate(AtlasPrincipal actor, UserId target) {
		if (actor.userId().equals(target)) {
			// Checked before the look-up only for the caller's own id, which exists.
			throw new ConflictException("member.self-deactivation");
		}
		return setActive(actor, target, false);
	}

	/**
	 * Revokes one of a member's API tokens. An owner's are an owner's to end, as their
	 * access is: an admin who could cut them could lock the organisation's owner out of
	 * their tools.
	 */
	public void revokeToken(AtlasPrincipal actor, UserId target, UUID tokenId) {
		Member member = this.members.find(target).orElseThrow(() -> new NotFoundException("Membre"));
		if (member.roles().contains(Role.OWNER) && !holds(actor, Role.OWNER)) {
			throw new AccessDeniedException("only an owner may change an owner's access");
		}
		this.tokens.revoke(target, tokenId);
	}

	public Member reactivate(AtlasPrincipal actor, UserId target) {
		return setActive(actor, target, true);
	}

	private Member setActive(AtlasPrincipal actor, UserId target, boolean active) {
		return this.transactions.execute((tx) -> {
			Member before = lock(target);
			if (before.roles().contains(Role.OWNER) && !holds(actor, Role.OWNER)) {
				throw new AccessDeniedException("only an owner may change an owner's access");
			}
			if (before.active() == active) {
				return before;
			}
			if (!active && before.roles().contains(Role.OWNER) && otherActiveOwners(target) == 0) {
				throw new ConflictException("member.last-owner");
			}
			this.jdbc.sql("update app_user set active = ?, version = version + 1 where id = ?")
				.params(active, target.value())
				.update();
			this.events.publishEvent(new MemberActivationChanged(CurrentTenant.require(), target, active));
			if (!active) {
				this.invitations.revokeThoseSenderMayNoLongerSend(target);
				this.tokens.revokeAll(target);
				// a reset link is a way back in as much as a token: one asked for before
				// the deactivation would set a password that works on reactivation
				this.jdbc.sql("update password_reset set used_at = now() where user_id = ? and used_at is null")
					.param(target.value())
					.update();
			}
			return this.members.find(target).orElseThrow();
		});
	}

	/**
	 * Locks the target and every active owner, so that two admins demoting the last two
	 * owners at once cannot both succeed.
	 */
	private Member lock(UserId target) {
		List<UUID> locked = this.jdbc.sql("""
				select id from app_user where id = ? or (active and 'OWNER' = any(roles)) order by id for update""")
			.param(target.value())
			.query(UUID.class)
			.list();
		if (!locked.contains(target.value())) {
			throw new NotFoundException("Membre");
		}
		return this.members.find(target).orElseThrow(() -> new NotFoundException("Membre"));
	}

	private int otherActiveOwners(UserId target) {
		return this.jdbc.sql("select count(*) from app_user where active and 'OWNER' = any(roles) and id <> ?")
			.param(target.value())
			.query(Integer.class)
			.single();
	}

	private boolean holds(AtlasPrincipal actor, Role role) {
		Optional<Member> member = this.members.find(actor.userId());
		return member.map((m) -> m.active() && m.has(role)).orElse(false);
	}

	private static List<Role> parse(@Nullable List<String> requested) {
		if (requested == null || requested.isEmpty()) {
			throw new InvalidInputException("roles", "field.required");
		}
		TreeSet<Role> roles = new TreeSet<>();
		List<InvalidInputException.FieldProblem> problems = new ArrayList<>();
		for (String value : requested) {
			Optional<Role> role = (value == null) ? Optional.empty() : Role.parse(value);
			if (role.isEmpty()) {
				problems.add(new InvalidInputException.FieldProblem("roles", "role.invalid"));
			}
			role.ifPresent(roles::add);
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems.subList(0, 1));
		}
		return List.copyOf(roles);
	}

	private static List<String> names(List<Role> roles) {
		return roles.stream().map(Role::name).toList();
	}

}
