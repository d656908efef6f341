/**
 * Shared kernel: typed ids, the current tenant and request, the tenant-aware transaction
 * manager, the embedded database and problem details.
 */
@ApplicationModule(displayName = "Platform", type = ApplicationModule.Type.OPEN, allowedDependencies = {})
@NullMarked
package fr.atlas.platform;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
