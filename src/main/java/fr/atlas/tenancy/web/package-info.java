@NullMarked
package fr.atlas.tenancy.web;

import org.jspecify.annotations.NullMarked;
