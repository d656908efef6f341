package fr.atlas.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a public event of a module that must never leave the application, although it
 * sits in the module's root package with the events that do (see the README, "Events to
 * RabbitMQ"). It is for events about credentials and the links that grant them —
 * passwords, password resets, API tokens, calendar feed secrets, invitations — which
 * outside consumers have no business with, whatever the record carries today.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface NeverExternalized {

}
