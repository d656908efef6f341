/**
 * The UI shell: layout, navigation, language, home dashboard and error pages.
 */
@ApplicationModule(displayName = "Web", allowedDependencies = { "tenancy" })
@NullMarked
package fr.atlas.web;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
