/**
 * Cases (dossiers) of configurable case types: workflows with versions, transitions,
 * guards and SLAs, a timeline, tasks, appointments and reports.
 */
@ApplicationModule(displayName = "Cases", allowedDependencies = { "audit", "tenancy" })
@NullMarked
package fr.atlas.cases;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
