@NullMarked
package fr.atlas.platform.mail;

import org.jspecify.annotations.NullMarked;
