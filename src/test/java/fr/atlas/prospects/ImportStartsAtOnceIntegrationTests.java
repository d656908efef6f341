package fr.atlas.prospects;

import java.util.Map;

import fr.atlas.support.ApiClient;
import fr.atlas.support.ApiClient.Tenant;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An import queued on a node starts at once, not at the worker's next poll: here the poll
 * comes once an hour, and the import is still done within the helper's minute.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "atlas.prospects.import-poll-interval=1h")
// a context of its own, closed after the class so that its connections go back to the
// database
@DirtiesContext
class ImportStartsAtOnceIntegrationTests {

	@LocalServerPort
	int port;

	@Test
	void aQueuedImportWakesTheWorker() {
		ApiClient api = new ApiClient(this.port);
		Tenant org = api.newOrganisation("Agence Pressée d'Importer");
		ProspectsApi prospects = new ProspectsApi(api);
		for (String file : new String[] { "premier.csv", "second.csv" }) {
			Map<String, Object> done = prospects.importAndWait(org.token(), file, """
					Raison sociale;Ville;Code postal
					Agence %s;Brest;29200
					""".formatted(file));
			assertThat(done).containsEntry("status", "DONE").containsEntry("created", 1);
		}
	}

}
