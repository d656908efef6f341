package fr.atlas.platform.internal;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import fr.atlas.platform.CurrentTenant;
import fr.atlas.platform.OrgId;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.jspecify.annotations.Nullable;

import org.springframework.aop.Advisor;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.core.Ordered;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.util.ReflectionUtils;

/**
 * Binds the organisation an event carries ({@code orgId()}) around every
 * {@code @ApplicationModuleListener}, between the asynchronous hand-off and the
 * listener's own transaction. Without it that transaction would start with no tenant and
 * row-level security would show the listener nothing.
 */
@Configuration(proxyBeanMethods = false)
class EventTenantBinding {

	@Bean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	static Advisor eventTenantAdvisor() {
		var advisor = new DefaultPointcutAdvisor(
				new AnnotationMatchingPointcut(null, ApplicationModuleListener.class, true), new TenantOfEvent());
		// async runs first (it puts itself in front), then this, then the transaction
		advisor.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return advisor;
	}

	static final class TenantOfEvent implements MethodInterceptor {

		private final Map<Class<?>, Optional<Method>> accessors = new ConcurrentHashMap<>();

		@Override
		public @Nullable Object invoke(MethodInvocation invocation) throws Throwable {
			for (Object argument : invocation.getArguments()) {
				Optional<OrgId> orgId = orgIdOf(argument);
				if (orgId.isPresent()) {
					OrgId previous = CurrentTenant.get().orElse(null);
					CurrentTenant.bind(orgId.get());
					try {
						return invocation.proceed();
					}
					finally {
						if (previous != null) {
							CurrentTenant.bind(previous);
						}
						else {
							CurrentTenant.clear();
						}
					}
				}
			}
			return invocation.proceed();
		}

		private Optional<OrgId> orgIdOf(@Nullable Object argument) throws ReflectiveOperationException {
			if (argument == null) {
				return Optional.empty();
			}
			Optional<Method> accessor = this.accessors.computeIfAbsent(argument.getClass(), (type) -> {
				try {
					Method method = type.getMethod("orgId");
					// events are often package-private records of their module
					ReflectionUtils.makeAccessible(method);
					return OrgId.class.equals(method.getReturnType()) ? Optional.of(method) : Optional.empty();
				}
				catch (NoSuchMethodException ex) {
					return Optional.empty();
				}
			});
			return (accessor.isPresent()) ? Optional.ofNullable((OrgId) accessor.get().invoke(argument))
					: Optional.empty();
		}

	}

}
