package fr.atlas.cases.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AppointmentInvitationTextTests {

	@Test
	void escapesEveryLineBreakSoThatNoTextEndsItsContentLine() {
		assertThat(AppointmentInvitation.text("Visite\r\nBEGIN:VEVENT\rSUMMARY:x\n; , \\"))
			.isEqualTo("Visite\\nBEGIN:VEVENT\\nSUMMARY:x\\n\\; \\, \\\\")
			.doesNotContain("\r", "\n");
	}

}
