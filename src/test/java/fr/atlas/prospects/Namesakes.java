package fr.atlas.prospects;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import fr.atlas.platform.CurrentTenant;
import fr.atlas.platform.OrgId;
import fr.atlas.prospects.internal.ProspectImports;
import fr.atlas.support.TenantSql;

/**
 * Two "Agence Tradition" of Lyon 3e (ADR 0034). Row 2 is the Part-Dieu agency's, but
 * gives neither its e-mail nor anything the first row gave: decided at once, it would
 * have joined the Croix-Rousse agency of row 1, and brought rows 3 and 4 there by its
 * SIREN and phone. It is set aside for the end of the import.
 */
public final class Namesakes {

	public static final String CSV = """
			Raison sociale;SIRET;E-mail;Téléphone;Adresse;Code postal;Ville
			Agence Tradition;;contact@agence-tradition-croix-rousse.fr;;;69003;Lyon
			Agence Tradition;452189301;;04 78 00 00 01;98 place du Marché;69003;Lyon
			Agence Tradition;532671047;contact@agence-tradition-croix-rousse.fr;04 78 00 00 02;19 rue Pasteur;69003;Lyon
			Agence Tradition;45218930100008;contact@agence-tradition-part-dieu.fr;04 78 00 00 01;98 place du Marché;69003;Lyon
			""";

	private Namesakes() {
	}

	/** The file as a draft, which the poller never takes: the test drives the worker. */
	public static UUID draft(ProspectImports imports, OrgId org) {
		return CurrentTenant.callAs(org,
				() -> imports
					.submit("homonymes.csv", new ByteArrayInputStream(CSV.getBytes(StandardCharsets.UTF_8)), Map.of(),
							null, false)
					.job()
					.id());
	}

	/**
	 * Puts a job back in the queue, as an import waiting for memory is, later than the
	 * poller looks.
	 */
	public static void queueAgain(TenantSql sql, OrgId org, UUID job) {
		sql.as(org, (jdbc) -> jdbc.sql("""
				update import_job set status = 'QUEUED', worker = null, not_before = now() + interval '1 hour'
				where id = :id""").param("id", job).update());
	}

}
