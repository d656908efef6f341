package fr.atlas.tenancy.web;

record PasswordChangeForm(String currentPassword, String newPassword, String confirmPassword) {

	static PasswordChangeForm empty() {
		return new PasswordChangeForm("", "", "");
	}

}
