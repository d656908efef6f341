package fr.atlas.platform.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An API call that may answer 409 for the state it finds, with the codes it may give: the
 * OpenAPI document shows it as a problem detail beside the call's success. (An
 * {@code @ApiResponse} for it alone would take the success's place and its schema.)
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ConflictsWith {

	/** What the conflict is, with its {@code code}s. */
	String value();

}
