package fr.atlas.platform;

import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

/**
 * What the current request tells about where a change comes from: its correlation id, the
 * client address and the acting user. Audit entries and events copy it.
 */
public record RequestMetadata(String correlationId, @Nullable String clientIp, @Nullable UserId actor,
		@Nullable String actorLabel) {

	public static final String CORRELATION_HEADER = "X-Correlation-Id";

	public static final String MDC_CORRELATION = "correlationId";

	private static final ThreadLocal<RequestMetadata> CURRENT = new ThreadLocal<>();

	public static RequestMetadata current() {
		RequestMetadata metadata = CURRENT.get();
		if (metadata != null) {
			return metadata;
		}
		String fromMdc = MDC.get(MDC_CORRELATION);
		return new RequestMetadata(fromMdc != null ? fromMdc : UUID.randomUUID().toString(), null, null, null);
	}

	public static Optional<RequestMetadata> bound() {
		return Optional.ofNullable(CURRENT.get());
	}

	public static void bind(RequestMetadata metadata) {
		CURRENT.set(metadata);
		MDC.put(MDC_CORRELATION, metadata.correlationId());
	}

	/**
	 * Names the acting user of a request that authenticates them itself (sign-up,
	 * password exchanged for a token), so that what it audits is attributed to them.
	 * Outside a request it does nothing.
	 */
	public static void actingAs(UserId actor, String actorLabel) {
		bound().ifPresent((metadata) -> bind(metadata.withActor(actor, actorLabel)));
	}

	public static void clear() {
		CURRENT.remove();
		MDC.remove(MDC_CORRELATION);
	}

	public RequestMetadata withActor(@Nullable UserId actor, @Nullable String actorLabel) {
		return new RequestMetadata(this.correlationId, this.clientIp, actor, actorLabel);
	}

	public Optional<UserId> actorId() {
		return Optional.ofNullable(this.actor);
	}

}
