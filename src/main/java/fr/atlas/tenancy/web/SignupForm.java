package fr.atlas.tenancy.web;

record SignupForm(String organisation, String name, String email, String password) {

	static SignupForm empty() {
		return new SignupForm("", "", "", "");
	}

}
