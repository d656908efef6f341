package fr.atlas.prospects.internal;

import java.sql.PreparedStatement;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import fr.atlas.platform.CurrentTenant;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Repository;

/**
 * Where the organisation's imports put each row, by the row's identity (ADR 0116): a row
 * imported again, in the same file sent with other line ends, re-saved from a spreadsheet
 * or in a later export of the same list, ends in the agency it went to before instead of
 * being matched anew. A row that only its name and place identify ("Agence Pierre" in a
 * postcode with three agencies of that name) was merged the first time into the agency
 * its file's other rows built; the second time, the three namesakes stand side by side
 * and nothing tells them apart, so the row became a new agency at every import.
 *
 * <p>
 * The key is a 64-bit hash of the values by which agencies are told apart, read the same
 * way from an import's row and from the values its provenance keeps (a detached row's key
 * is worked out again from them). Table {@code agency_row_key}, one entry per row that is
 * not where an earlier entry already says; callers run inside a transaction with the
 * tenant bound.
 */
@Repository
class RowsSeenBefore {

	/** The apostrophes a name or address may be typed with, read as {@code '}. */
	private static final String APOSTROPHES = "\u2019\u2018\u02BC\u00B4";

	private final JdbcTemplate template;

	RowsSeenBefore(JdbcTemplate template) {
		this.template = template;
	}

	/**
	 * The key of a row's values: its name (without case or accents), identifiers,
	 * address, place, website, e-mails and phones, never 0. A trade name counts when it
	 * is not the name: a match may give the row its name as a sign, which its provenance
	 * then keeps, and a row without a sign keeps the key it had before (ADR 0117).
	 */
	static long key(AgencyValues values) {
		long h = 0x51A7E5EEDL;
		String name = lower(values.name());
		h = mix(h, name);
		String sign = lower(values.tradeName());
		if (sign != null && !sign.equals(name)) {
			// a sign of its own tells two rows of one company and place apart; the one a
			// match gives the row is its name, and leaves the key as it was
			h = mix(h, "\u0000sign");
			h = mix(h, sign);
		}
		h = mix(h, values.siren());
		h = mix(h, values.siret());
		h = mix(h, lower(values.address()));
		h = mix(h, values.postcode());
		h = mix(h, lower(values.city()));
		h = mix(h, values.websiteDomain());
		for (String email : values.emails()) {
			h = mix(h, email);
		}
		h = mix(h, "|");
		for (String phone : values.phones()) {
			h = mix(h, phone);
		}
		return (h != 0) ? h : 1;
	}

	private static long mix(long h, @Nullable String value) {
		long v = (value != null) ? Candidate.hash(value) : 0x9E3779B97F4A7C15L;
		h ^= v;
		h *= 0xff51afd7ed558ccdL;
		return h ^ (h >>> 29);
	}

	/**
	 * Lower case without accents, and one apostrophe: a list exported again in capitals
	 * without accents ("AGENCE DE L'ETOILE", "SAINT-ETIENNE") is the same rows (ADR
	 * 0117). ASCII text folds to its lower case, as it did before, so the entries written
	 * then keep their keys.
	 */
	private static @Nullable String lower(@Nullable String value) {
		if (value == null) {
			return null;
		}
		String folded = CleanText.fold(value);
		char[] chars = null;
		for (int i = 0; i < folded.length(); i++) {
			if (APOSTROPHES.indexOf(folded.charAt(i)) >= 0) {
				chars = (chars != null) ? chars : folded.toCharArray();
				chars[i] = '\'';
			}
		}
		return (chars != null) ? new String(chars) : folded;
	}

	/**
	 * The entries of the organisation's other imports than {@code jobId}, ordered by
	 * agency as PostgreSQL orders uuids (both halves compared unsigned): a job resumed
	 * after a restart decides its remaining rows as its first run would have.
	 */
	Earlier load(UUID jobId) {
		Earlier earlier = new Earlier();
		this.template.query((connection) -> {
			PreparedStatement statement = connection.prepareStatement(
					"select row_key, agency_id from agency_row_key where org_id = ? and import_id <> ? order by agency_id");
			statement.setObject(1, CurrentTenant.require().value());
			statement.setObject(2, jobId);
			statement.setFetchSize(10_000);
			return statement;
		}, (RowCallbackHandler) (rs) -> earlier.add(rs.getLong(1), rs.getObject(2, UUID.class)));
		return earlier;
	}

	/** The entries of a batch's rows, ready to copy. */
	CopyIn entries(UUID jobId, List<Entry> entries) {
		UUID org = CurrentTenant.require().value();
		CopyIn copy = new CopyIn("agency_row_key", "org_id, import_id, agency_id, row_key");
		for (Entry entry : entries) {
			copy.value(org).value(jobId).value(entry.agency()).value(entry.key()).endRow();
		}
		return copy.prepared();
	}

	/**
	 * A row taken out of its agency into another one: where that row goes if it is
	 * imported again. Its entry may name the agency, one merged into it, or one merged
	 * into one merged into it (a chain of merges: A into B, then B into C), as
	 * {@link Agencies#survivors} follows them.
	 */
	void moved(AgencyValues row, UUID from, UUID to) {
		UUID org = CurrentTenant.require().value();
		this.template.update("""
				with recursive absorbed (id, depth) as (
				  select cast(? as uuid), 0
				  union
				  select a.id, absorbed.depth + 1 from agency a join absorbed on a.merged_into = absorbed.id
				  where a.org_id = ? and a.status = 'MERGED' and absorbed.depth < 9)
				update agency_row_key set agency_id = ?
				where org_id = ? and row_key = ? and agency_id in (select id from absorbed)""", from, org, to, org,
				key(row));
	}

	/**
	 * An agency a person added, as the row an import would have made it of: its row in an
	 * export of the base, imported back, ends in it as an imported row's does. A name
	 * alone that the matcher keeps apart (a network's brand, "Agence Immobilière", ADR
	 * 0059) was created again by each such import (ADR 0130). The entry's import is the
	 * agency's own id, which no import has: every import reads it.
	 */
	void addedByHand(AgencyValues values, UUID agency) {
		this.template.update("insert into agency_row_key (org_id, import_id, agency_id, row_key) values (?, ?, ?, ?)",
				CurrentTenant.require().value(), agency, agency, key(values));
	}

	/** A row's key and the agency it ended in. */
	record Entry(long key, UUID agency) {
	}

	/** Earlier imports' entries, in primitive arrays sorted by agency. */
	static final class Earlier {

		private long[] keys = new long[1024];

		private long[] high = new long[1024];

		private long[] low = new long[1024];

		private int size;

		void add(long key, UUID agency) {
			if (this.size == this.keys.length) {
				int grown = this.size * 2;
				this.keys = Arrays.copyOf(this.keys, grown);
				this.high = Arrays.copyOf(this.high, grown);
				this.low = Arrays.copyOf(this.low, grown);
			}
			this.keys[this.size] = key;
			this.high[this.size] = agency.getMostSignificantBits();
			this.low[this.size] = agency.getLeastSignificantBits();
			this.size++;
		}

		int size() {
			return this.size;
		}

		long key(int index) {
			return this.keys[index];
		}

		UUID agency(int index) {
			return new UUID(this.high[index], this.low[index]);
		}

		boolean agencyIs(int index, long high, long low) {
			return this.high[index] == high && this.low[index] == low;
		}

		/** The first entry of an agency, or -1 if it has none. */
		int first(long high, long low) {
			int from = 0;
			int to = this.size;
			while (from < to) {
				int middle = (from + to) >>> 1;
				int order = Long.compareUnsigned(this.high[middle], high);
				if (order == 0) {
					order = Long.compareUnsigned(this.low[middle], low);
				}
				if (order < 0) {
					from = middle + 1;
				}
				else {
					to = middle;
				}
			}
			return (from < this.size && agencyIs(from, high, low)) ? from : -1;
		}

	}

}
