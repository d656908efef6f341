/**
 * Organisations, members and their roles, API tokens, sign-up and login, and which
 * modules each organisation has switched on.
 */
@ApplicationModule(displayName = "Tenancy", allowedDependencies = { "audit" })
@NullMarked
package fr.atlas.tenancy;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
