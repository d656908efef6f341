package fr.atlas.tenancy;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a controller of a switchable module: while the organisation has the module off,
 * its pages and endpoints are refused (the API with a 403 problem detail, the pages with
 * a page saying so), instead of only leaving the menu. Hiding a link is not enough: a
 * bookmark, an old tab or an API client would still reach it. On a method, for a
 * controller whose other addresses work without a session (a calendar feed).
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.TYPE, ElementType.METHOD })
public @interface RequiresFeature {

	Feature value();

}
