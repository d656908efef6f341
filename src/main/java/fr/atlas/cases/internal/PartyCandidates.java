package fr.atlas.cases.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import fr.atlas.cases.internal.CaseParty.Type;
import fr.atlas.platform.CurrentTenant;
import fr.atlas.platform.PartyDirectory;
import fr.atlas.platform.PartyDirectory.Candidate;
import fr.atlas.tenancy.Feature;
import fr.atlas.tenancy.Features;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a member may link to a case, found by name: the records other modules hold (the
 * agencies and contacts of Prospects, while it is on) through their
 * {@link PartyDirectory}, then the parties the organisation's cases already have (a
 * listing, which no module holds). Only the organisation's own are found.
 */
@Service
@Transactional(readOnly = true)
public class PartyCandidates {

	/** Fewer letters than this find too much to choose from. */
	public static final int LEAST_LETTERS = 2;

	private static final int MOST = 10;

	private final ObjectProvider<PartyDirectory> directories;

	private final Features features;

	private final JdbcClient jdbc;

	PartyCandidates(ObjectProvider<PartyDirectory> directories, Features features, JdbcClient jdbc) {
		this.directories = directories;
		this.features = features;
		this.jdbc = jdbc;
	}

	public List<Candidate> find(String type, String text) {
		String kind = type.trim().toUpperCase(Locale.ROOT);
		String wanted = text.trim();
		if (wanted.length() < LEAST_LETTERS || Set.of(Type.values()).stream().noneMatch((t) -> t.name().equals(kind))) {
			return List.of();
		}
		Set<Feature> enabled = this.features.enabled();
		Map<String, Candidate> found = new LinkedHashMap<>();
		this.directories.orderedStream()
			.filter((directory) -> directory.types().contains(kind))
			.filter((directory) -> directory.feature().flatMap(Feature::parse).map(enabled::contains).orElse(true))
			.flatMap((directory) -> directory.find(kind, wanted, MOST).stream())
			.forEach((candidate) -> found.putIfAbsent(candidate.id(), candidate));
		if (found.size() < MOST) {
			linkedBefore(kind, wanted, MOST).forEach((candidate) -> found.putIfAbsent(candidate.id(), candidate));
		}
		return new ArrayList<>(found.values()).subList(0, Math.min(found.size(), MOST));
	}

	/** The parties of this kind the organisation's cases already have. */
	private List<Candidate> linkedBefore(String kind, String text, int limit) {
		String pattern = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
		return this.jdbc.sql("""
				select party_ref, min(label) as label from case_party
				where org_id = :org and party_type = :type and label ilike :pattern
				group by party_ref order by min(label), party_ref limit :limit""")
			.param("org", CurrentTenant.require().value())
			.param("type", kind)
			.param("pattern", pattern)
			.param("limit", limit)
			.query((rs, row) -> new Candidate(kind, rs.getString("party_ref"), rs.getString("label"), null))
			.list();
	}

}
