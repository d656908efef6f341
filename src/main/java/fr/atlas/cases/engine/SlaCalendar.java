package fr.atlas.cases.engine;

import java.time.Duration;
import java.time.Instant;

/**
 * Turns a state's SLA into a deadline. Organisations count SLAs in their
 * {@link WorkingHours}; {@link #CONTINUOUS} counts every hour of the day and is what
 * definitions are checked with when no organisation is known.
 */
public interface SlaCalendar {

	SlaCalendar CONTINUOUS = Instant::plus;

	/** When a delay of {@code sla} started at {@code start} runs out. */
	Instant deadline(Instant start, Duration sla);

}
