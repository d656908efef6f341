package fr.atlas.tenancy;

import java.util.UUID;

import fr.atlas.platform.CurrentTenant;
import fr.atlas.platform.InvalidInputException;
import fr.atlas.platform.NotFoundException;
import fr.atlas.tenancy.internal.LinkInName;
import fr.atlas.tenancy.internal.TypedText;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The organisation the current request works for.
 */
@Service
@Transactional(readOnly = true)
public class Organisations {

	static final int NAME_LENGTH = 120;

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	Organisations(JdbcClient jdbc, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.events = events;
	}

	public Organisation current() {
		return this.jdbc.sql("select org_id, name, created_at from organisation where org_id = ?")
			.param(CurrentTenant.require().value())
			.query((rs, n) -> new Organisation(fr.atlas.platform.OrgId.of(rs.getObject(1, UUID.class)), rs.getString(2),
					rs.getTimestamp(3).toInstant()))
			.optional()
			.orElseThrow(() -> new NotFoundException("Organisation"));
	}

	/**
	 * Renames the current organisation, as its owner asks; a name that does not change
	 * records nothing. Callers check the role: only an owner renames.
	 */
	@Transactional
	public Organisation rename(@Nullable String raw) {
		String name = TypedText.line(raw);
		if (name.isEmpty()) {
			throw new InvalidInputException("name", "field.required");
		}
		if (name.codePointCount(0, name.length()) > NAME_LENGTH) {
			throw new InvalidInputException("name", "field.too-long", NAME_LENGTH);
		}
		if (LinkInName.found(name)) {
			// it is in the mails of invitations (ADR 0075)
			throw new InvalidInputException("name", LinkInName.PROBLEM);
		}
		Organisation before = current();
		if (!before.name().equals(name)) {
			// the row of another organisation is out of reach: row-level security
			this.jdbc.sql("update organisation set name = ? where org_id = ?")
				.params(name, before.orgId().value())
				.update();
			this.events.publishEvent(new OrganisationRenamed(before.orgId(), before.name(), name));
		}
		return new Organisation(before.orgId(), name, before.createdAt());
	}

}
