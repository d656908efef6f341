package fr.atlas.platform;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * The organisation whose data the current thread works on. The tenant-aware transaction
 * manager copies it into {@code app.org_id} at the start of every transaction, so
 * row-level security only shows that organisation's rows. With no tenant bound, the
 * database shows none.
 */
public final class CurrentTenant {

	private static final ThreadLocal<OrgId> CURRENT = new ThreadLocal<>();

	private CurrentTenant() {
	}

	public static Optional<OrgId> get() {
		return Optional.ofNullable(CURRENT.get());
	}

	public static OrgId require() {
		return get().orElseThrow(() -> new IllegalStateException("No organisation bound to this thread"));
	}

	public static <T> T callAs(OrgId orgId, Supplier<T> work) {
		OrgId previous = CURRENT.get();
		CURRENT.set(orgId);
		try {
			return work.get();
		}
		finally {
			restore(previous);
		}
	}

	public static void runAs(OrgId orgId, Runnable work) {
		callAs(orgId, () -> {
			work.run();
			return null;
		});
	}

	/**
	 * Binds the tenant for the rest of a request; the web filter that calls it clears it.
	 */
	public static void bind(OrgId orgId) {
		CURRENT.set(orgId);
	}

	public static void clear() {
		CURRENT.remove();
	}

	private static void restore(OrgId previous) {
		if (previous == null) {
			CURRENT.remove();
		}
		else {
			CURRENT.set(previous);
		}
	}

}
