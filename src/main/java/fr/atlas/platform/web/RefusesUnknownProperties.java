package fr.atlas.platform.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A request body of the API whose properties are all it reads: one it does not have (a
 * misspelt {@code "chanel"}, {@code "assignee"} for {@code "assigneeId"}) is a 400
 * {@code json.unknown-property} naming it and the properties expected, not a 201 that
 * silently left it out. Bodies that a client may send back as it read them (a whole
 * resource with its id and dates) are not marked.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface RefusesUnknownProperties {

}
