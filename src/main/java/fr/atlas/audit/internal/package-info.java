@NullMarked
package fr.atlas.audit.internal;

import org.jspecify.annotations.NullMarked;
