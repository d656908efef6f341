/**
 * Agencies (prospects) and their contacts: CSV/Excel import with column mapping,
 * normalisation, deduplication, merge and unmerge, with the provenance of every value.
 */
@ApplicationModule(displayName = "Prospects", allowedDependencies = { "platform", "audit", "tenancy" })
@NullMarked
package fr.atlas.prospects;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
