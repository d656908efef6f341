package fr.atlas.web;

import fr.atlas.web.RefusedAddressValve.Renderers;
import org.apache.catalina.Host;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.thymeleaf.spring6.ISpringTemplateEngine;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.util.unit.DataSize;

/**
 * Puts {@link RefusedAddressValve} in place of Tomcat's error report (the one Tomcat adds
 * to each host, and the one Spring Boot adds to hide the server's version): one error
 * report per host, or the last one added would answer.
 */
@Configuration(proxyBeanMethods = false)
class RefusedAddressPages {

	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> refusedAddressValve(
			ObjectProvider<ISpringTemplateEngine> templates, ObjectProvider<MessageSource> messages,
			ObjectProvider<JsonMapper> json, Environment environment) {
		DataSize headerLimit = Binder.get(environment)
			.bind("server.max-http-request-header-size", DataSize.class)
			.orElse(DataSize.ofKilobytes(8));
		return (factory) -> factory.addContextCustomizers((context) -> {
			Host host = (Host) context.getParent();
			for (Valve valve : host.getPipeline().getValves()) {
				if (valve instanceof ErrorReportValve) {
					host.getPipeline().removeValve(valve);
				}
			}
			host.getPipeline()
				.addValve(new RefusedAddressValve(
						() -> new Renderers(templates.getObject(), messages.getObject(), json.getObject()), context,
						headerLimit));
			if (host instanceof StandardHost standard) {
				// the host adds an error report of this class only when it has none
				standard.setErrorReportValveClass(RefusedAddressValve.class.getName());
			}
		});
	}

}
