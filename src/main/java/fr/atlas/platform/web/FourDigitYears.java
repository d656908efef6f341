package fr.atlas.platform.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Set;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.module.SimpleModule;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A date or an instant of the API is within the years 1 to 9999, those ISO 8601 writes
 * with four digits. Java reads {@code +999999999-12-31T00:00:00Z}, which no JDBC
 * timestamp holds and PostgreSQL refuses: a task due then failed with a 500. Anything
 * outside is a 400 naming the field and the format it expects
 * ({@link JsonValueExpected}).
 */
@Configuration(proxyBeanMethods = false)
class FourDigitYears {

	private static final Set<Class<?>> CHECKED = Set.of(Instant.class, LocalDate.class, LocalDateTime.class,
			OffsetDateTime.class, ZonedDateTime.class);

	@Bean
	JacksonModule fourDigitYearsModule() {
		return new SimpleModule("atlas-four-digit-years").setDeserializerModifier(new ValueDeserializerModifier() {

			@Override
			public ValueDeserializer<?> modifyDeserializer(DeserializationConfig config,
					BeanDescription.Supplier description, ValueDeserializer<?> deserializer) {
				return CHECKED.contains(description.getBeanClass()) ? new YearChecked(deserializer) : deserializer;
			}

		});
	}

	static boolean plausible(Object value) {
		int year = switch (value) {
			case Instant instant -> instant.atOffset(ZoneOffset.UTC).getYear();
			case LocalDate date -> date.getYear();
			case LocalDateTime dateTime -> dateTime.getYear();
			case OffsetDateTime dateTime -> dateTime.getYear();
			case ZonedDateTime dateTime -> dateTime.getYear();
			default -> 1;
		};
		return year >= 1 && year <= 9999;
	}

	private static final class YearChecked extends DelegatingDeserializer {

		YearChecked(ValueDeserializer<?> delegatee) {
			super(delegatee);
		}

		@Override
		protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegatee) {
			return new YearChecked(delegatee);
		}

		@Override
		public Object deserialize(JsonParser parser, DeserializationContext context) {
			Object value = super.deserialize(parser, context);
			if (value != null && !plausible(value)) {
				return context.handleWeirdStringValue(handledType(), parser.getString(),
						"a year from 1 to 9999 is expected");
			}
			return value;
		}

	}

}
