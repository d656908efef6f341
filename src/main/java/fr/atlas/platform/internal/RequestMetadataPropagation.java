package fr.atlas.platform.internal;

import fr.atlas.platform.RequestMetadata;
import io.micrometer.context.ContextRegistry;
import io.micrometer.context.ThreadLocalAccessor;
import org.jspecify.annotations.Nullable;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.TaskDecorator;
import org.springframework.core.task.support.ContextPropagatingTaskDecorator;

/**
 * Carries the request's correlation id and actor into asynchronous work started by the
 * request (event listeners run after commit on the task executor), so their log lines and
 * audit entries keep the id of the request that caused them. The tenant is deliberately
 * not propagated: listeners bind it from the event they handle.
 */
@Configuration(proxyBeanMethods = false)
class RequestMetadataPropagation {

	static {
		ContextRegistry.getInstance().registerThreadLocalAccessor(new Accessor());
	}

	@Bean
	TaskDecorator contextPropagatingTaskDecorator() {
		return new ContextPropagatingTaskDecorator();
	}

	static final class Accessor implements ThreadLocalAccessor<RequestMetadata> {

		@Override
		public Object key() {
			return "atlas.request-metadata";
		}

		@Override
		public @Nullable RequestMetadata getValue() {
			return RequestMetadata.bound().orElse(null);
		}

		@Override
		public void setValue(RequestMetadata value) {
			RequestMetadata.bind(value);
		}

		@Override
		public void setValue() {
			RequestMetadata.clear();
		}

	}

}
