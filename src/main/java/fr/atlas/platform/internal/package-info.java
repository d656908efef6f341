@NullMarked
package fr.atlas.platform.internal;

import org.jspecify.annotations.NullMarked;
