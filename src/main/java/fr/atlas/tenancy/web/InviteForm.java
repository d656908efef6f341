package fr.atlas.tenancy.web;

record InviteForm(String email, String role) {

	static InviteForm empty() {
		return new InviteForm("", "AGENT");
	}

}
