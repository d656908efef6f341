/**
 * French reference geography: communes with their INSEE code and postcodes, departments
 * and regions, vendored from {@code @etalab/decoupage-administratif} (see
 * {@code scripts/refresh-communes.sh}).
 */
@NullMarked
package fr.atlas.platform.geo;

import org.jspecify.annotations.NullMarked;
