@NullMarked
package fr.atlas.audit.web;

import org.jspecify.annotations.NullMarked;
