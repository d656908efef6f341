package fr.atlas.platform.web;

import java.util.Collection;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.deser.DeserializationProblemHandler;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.type.LogicalType;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A number or a boolean sent where the API expects text is the caller's mistake: Jackson
 * would store {@code {"name":123}} as the name "123" and {@code true} as "true". Refused,
 * it is a 400 naming the field and what it expects ({@link JsonValueExpected}), as other
 * values of the wrong type are. So is a {@code null} inside a list
 * ({@code "tags":["a",null]}), which each endpoint would otherwise meet as a 500: a list
 * is left out or sent empty, never given holes. A fraction where a whole number is
 * expected is refused as well.
 */
@Configuration(proxyBeanMethods = false)
class StrictJsonText {

	@Bean
	JsonMapperBuilderCustomizer listsHoldNoNull() {
		JsonSetter.Value noNullInside = JsonSetter.Value.forContentNulls(Nulls.FAIL);
		return (builder) -> {
			for (Class<?> list : List.of(Collection.class, List.class, Set.class)) {
				builder.withConfigOverride(list, (override) -> override.setNullHandling(noNullInside));
			}
		};
	}

	/**
	 * Jackson drops the properties a body does not have (Spring Boot turns
	 * {@code FAIL_ON_UNKNOWN_PROPERTIES} off); the bodies marked
	 * {@link RefusesUnknownProperties} refuse them instead. Problem handlers are asked
	 * before that setting is, so the others keep their leniency.
	 */
	@Bean
	JsonMapperBuilderCustomizer markedBodiesRefuseUnknownProperties() {
		return (builder) -> builder.addHandler(new DeserializationProblemHandler() {

			@Override
			public boolean handleUnknownProperty(DeserializationContext context, JsonParser parser,
					ValueDeserializer<?> deserializer, Object beanOrClass, String propertyName) {
				Class<?> type = (beanOrClass instanceof Class<?> c) ? c : beanOrClass.getClass();
				if (type.isAnnotationPresent(RefusesUnknownProperties.class)) {
					throw UnrecognizedPropertyException.from(parser, beanOrClass, propertyName,
							deserializer.getKnownPropertyNames());
				}
				return false;
			}

		});
	}

	@Bean
	JsonMapperBuilderCustomizer textIsNeverANumberOrABoolean() {
		return (builder) -> builder.withCoercionConfig(LogicalType.Textual,
				(text) -> text.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
					.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
					.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
	}

	/**
	 * A number with a fraction where the API counts whole things (days of a token, a
	 * count of listings, a page) is refused, not cut: Jackson would read
	 * {@code "expiresInDays": 1.5} as 1.
	 */
	@Bean
	JsonMapperBuilderCustomizer wholeNumbersHaveNoFraction() {
		return (builder) -> builder.withCoercionConfig(LogicalType.Integer,
				(whole) -> whole.setCoercion(CoercionInputShape.Float, CoercionAction.Fail));
	}

}
