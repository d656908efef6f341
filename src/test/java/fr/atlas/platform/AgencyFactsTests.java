package fr.atlas.platform;

import java.util.UUID;

import fr.atlas.platform.web.AgencyPanel;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** An agency's facts, as a panel action's form posts them. */
class AgencyFactsTests {

	@Test
	void postsEveryFieldTheContractNamesEmptyWhenUnknown() {
		UUID id = UUID.randomUUID();
		AgencyFacts facts = new AgencyFacts(id, "Agence des Cimes", "732829320", null, "cimes@agence.fr", null,
				UUID.randomUUID());
		assertThat(facts.asFields().keySet()).containsExactlyElementsOf(AgencyPanel.Action.FIELDS);
		assertThat(facts.asFields()).containsEntry("agencyId", id.toString())
			.containsEntry("agencyName", "Agence des Cimes")
			.containsEntry("siren", "732829320")
			.containsEntry("city", "")
			.containsEntry("contactName", "");
	}

}
