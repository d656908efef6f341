package fr.atlas.platform.internal;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Optional;

import fr.atlas.platform.NeverExternalized;
import fr.atlas.platform.OrgId;

import org.springframework.modulith.events.EventExternalizationConfiguration;
import org.springframework.modulith.events.RoutingTarget;
import org.springframework.util.ReflectionUtils;

/**
 * Which events leave the application for the message broker, and under which routing key:
 * every record in the root package of a module ({@code fr.atlas.<module>}, the module's
 * public API, where its events live) unless marked {@link NeverExternalized}. Records in
 * sub-packages are internal to their module and stay inside. The routing key is
 * {@code <module>.<EventName>}, e.g. {@code cases.CaseCreated}.
 */
final class ExternalizedEvents {

	private static final String ROOT = "fr.atlas.";

	private ExternalizedEvents() {
	}

	static EventExternalizationConfiguration configuration(String exchange) {
		return EventExternalizationConfiguration.externalizing()
			.select(ExternalizedEvents::selected)
			.routeAll((event) -> RoutingTarget.forTarget(exchange).andKey(routingKey(event.getClass())))
			.build();
	}

	static boolean selected(Object event) {
		return selected(event.getClass());
	}

	static boolean selected(Class<?> type) {
		return module(type).isPresent();
	}

	static String routingKey(Class<?> type) {
		return module(type).map((module) -> module + "." + type.getSimpleName())
			.orElseThrow(() -> new IllegalArgumentException(type.getName() + " is not externalized"));
	}

	/**
	 * The organisation the event is about, from its {@code OrgId} component.
	 */
	static Optional<OrgId> organisation(Object event) {
		RecordComponent[] components = event.getClass().getRecordComponents();
		if (components == null) {
			return Optional.empty();
		}
		return Arrays.stream(components)
			.filter((component) -> component.getType() == OrgId.class)
			.findFirst()
			.map((component) -> (OrgId) ReflectionUtils.invokeMethod(component.getAccessor(), event));
	}

	private static Optional<String> module(Class<?> type) {
		String packageName = type.getPackageName();
		if (!type.isRecord() || !packageName.startsWith(ROOT) || type.isAnnotationPresent(NeverExternalized.class)) {
			return Optional.empty();
		}
		String module = packageName.substring(ROOT.length());
		return module.contains(".") ? Optional.empty() : Optional.of(module);
	}

}
