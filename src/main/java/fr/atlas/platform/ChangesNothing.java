package fr.atlas.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an API handler that takes a body, so a {@code POST}, but writes nothing: it
 * checks what it is sent and answers (a workflow's validation). A read-only API token may
 * call it as it calls a {@code GET} (ADR 0111); it was refused with a 403, which left a
 * tool that only reads no way to check a document before a person saves it.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface ChangesNothing {

}
