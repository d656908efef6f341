/**
 * The workflow engine of cases: definitions, their validation, transition decisions and
 * SLA deadlines. Plain Java with no Spring or database types (docs/adr/0005), so it is
 * unit-tested with a fixed clock.
 */
@NullMarked
package fr.atlas.cases.engine;

import org.jspecify.annotations.NullMarked;
