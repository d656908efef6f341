package fr.atlas.prospects;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import fr.atlas.support.WebIntegrationTest;

import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * A {@link WebIntegrationTest} whose bulk changes go to a background job early and move
 * in small steps: a request changes at most 3 agencies and a job 2 per transaction, so
 * that a few agencies make a job of several chunks, to be stopped halfway. The context is
 * its own, closed after the class so that its connections go back to the database.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@WebIntegrationTest
@TestPropertySource(properties = { "atlas.prospects.bulk-inline-limit=3", "atlas.prospects.bulk-chunk-size=2" })
@DirtiesContext
public @interface BulkJobIntegrationTest {

}
