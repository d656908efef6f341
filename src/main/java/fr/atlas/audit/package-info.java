/**
 * Append-only, hash-chained audit log of every state change, per organisation.
 */
@ApplicationModule(displayName = "Audit", allowedDependencies = {})
@NullMarked
package fr.atlas.audit;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
