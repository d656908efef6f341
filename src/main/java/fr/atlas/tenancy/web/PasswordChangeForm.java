package fr.atlas.tenancy.web;

import org.jspecify.annotations.Nullable;

/**
 * The account page's password form; {@code revokeTokens}, a box left unticked unless the
 * member ticks it, revokes their API tokens with the change (ADR 0076).
 */
record PasswordChangeForm(String currentPassword, String newPassword, String confirmPassword,
		@Nullable Boolean revokeTokens) {

	static PasswordChangeForm empty() {
		return new PasswordChangeForm("", "", "", false);
	}

	public boolean revokesTokens() {
		return Boolean.TRUE.equals(this.revokeTokens);
	}

}
