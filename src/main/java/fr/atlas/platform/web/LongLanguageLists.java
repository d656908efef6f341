package fr.atlas.platform.web;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.util.unit.DataSize;

/**
 * Tomcat reads at most ten languages of an {@code Accept-Language} header and throws at
 * the first {@code getLocale()} of a longer one: every page, the sign-in and the API's
 * problems were a 500 for a browser set up with six languages and their regions
 * ({@code fr-FR,fr;q=0.9,en-US;q=0.8,en;q=0.7,…}, eleven entries), a preference the
 * caller cannot be blamed for (ADR 0106). The limit is raised to as many languages as the
 * largest header Tomcat lets in can hold (two bytes each, {@code "a,"}), so whatever
 * header got in is read, its first languages chosen by their weights as before.
 */
@Configuration(proxyBeanMethods = false)
class LongLanguageLists {

	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> everyLanguageListRead(Environment environment) {
		DataSize headerLimit = Binder.get(environment)
			.bind("server.max-http-request-header-size", DataSize.class)
			.orElse(DataSize.ofKilobytes(8));
		int languages = (int) Math.min(Integer.MAX_VALUE, headerLimit.toBytes() / 2 + 1);
		return (factory) -> factory.addConnectorCustomizers((connector) -> connector.setMaxLocaleCount(languages));
	}

}
