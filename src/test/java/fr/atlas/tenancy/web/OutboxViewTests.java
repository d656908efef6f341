package fr.atlas.tenancy.web;

import java.time.Instant;
import java.util.UUID;

import fr.atlas.platform.mail.OutboxMailTransport.StoredMail;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OutboxViewTests {

	@Test
	void makesALinkOfAtlassOwnAddressesOnly() {
		var mail = new StoredMail(UUID.randomUUID(), "a@example.fr", "Invitation",
				"Rejoignez Agence https://piege.example/atlas :\nhttp://localhost:8080/invitations/accept?token=inv_x",
				Instant.now());
		var view = OutboxController.view(mail, "http://localhost:8080");
		assertThat(view.parts()).filteredOn(OutboxController.Part::link)
			.extracting(OutboxController.Part::text)
			.containsExactly("http://localhost:8080/invitations/accept?token=inv_x");
		assertThat(view.parts()).extracting(OutboxController.Part::text).contains("https://piege.example/atlas");
	}

}
