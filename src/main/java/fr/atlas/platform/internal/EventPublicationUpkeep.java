package fr.atlas.platform.internal;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the event publication registry (the outbox) working without restarts: a
 * publication whose listener failed (a broker or a mail server away, a deadlock) is
 * handed to its listener again once {@code atlas.events.resubmit-after} has passed, every
 * {@code atlas.events.resubmit-interval}; and completed publications, kept as a record
 * for {@code atlas.events.keep-completed}, are then deleted, so the table does not grow
 * with every event ever published. Listeners must therefore bear being called twice for
 * one event, which the outbox asked of them already.
 */
@Component
class EventPublicationUpkeep {

	private static final Logger logger = LoggerFactory.getLogger(EventPublicationUpkeep.class);

	private final IncompleteEventPublications incomplete;

	private final CompletedEventPublications completed;

	private final Duration resubmitAfter;

	private final Duration keepCompleted;

	EventPublicationUpkeep(IncompleteEventPublications incomplete, CompletedEventPublications completed,
			@Value("${atlas.events.resubmit-after}") Duration resubmitAfter,
			@Value("${atlas.events.keep-completed}") Duration keepCompleted) {
		this.incomplete = incomplete;
		this.completed = completed;
		this.resubmitAfter = resubmitAfter;
		this.keepCompleted = keepCompleted;
	}

	@Scheduled(fixedDelayString = "${atlas.events.resubmit-interval}",
			initialDelayString = "${atlas.events.resubmit-interval}")
	void resubmitFailed() {
		try {
			this.incomplete.resubmitIncompletePublicationsOlderThan(this.resubmitAfter);
		}
		catch (RuntimeException ex) {
			logger.warn("Could not resubmit incomplete event publications: {}", ex.getMessage());
		}
	}

	@Scheduled(fixedDelayString = "${atlas.events.purge-interval}",
			initialDelayString = "${atlas.events.purge-interval}")
	void purgeCompleted() {
		this.completed.deletePublicationsOlderThan(this.keepCompleted);
	}

}
