@NullMarked
package fr.atlas.tenancy.internal;

import org.jspecify.annotations.NullMarked;
