@NullMarked
package fr.atlas.platform.web;

import org.jspecify.annotations.NullMarked;
