package fr.atlas.platform.web;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.module.SimpleModule;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A text of a JSON body holds whole characters: an escape of half a UTF-16 pair (of D800
 * to DFFF, without its other half) is valid JSON that no UTF-8 text can hold, and
 * PostgreSQL's driver wrote it as "?" without a word. Refused, it is a 400 naming the
 * field, as a value of the wrong type is (ADR 0111). Every text goes through here, the
 * values of a body read as a map too (Jackson reads those with the text reader it is
 * given).
 */
@Configuration(proxyBeanMethods = false)
class WholeCharacters {

	static final String CODE = "json.text.lone-surrogate";

	@Bean
	JsonMapperBuilderCustomizer textsHoldWholeCharacters() {
		SimpleModule module = new SimpleModule("whole-characters");
		module.setDeserializerModifier(new ValueDeserializerModifier() {

			@Override
			public ValueDeserializer<?> modifyDeserializer(DeserializationConfig config,
					BeanDescription.Supplier description, ValueDeserializer<?> deserializer) {
				return (description.getBeanClass() == String.class) ? new Checked(deserializer) : deserializer;
			}

		});
		return (builder) -> builder.addModule(module);
	}

	/** Whether {@code text} holds half a surrogate pair. */
	static boolean halfAPair(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
				i++;
			}
			else if (Character.isSurrogate(c)) {
				return true;
			}
		}
		return false;
	}

	/** The text reader, refusing half a pair. */
	static final class Checked extends DelegatingDeserializer {

		Checked(ValueDeserializer<?> delegate) {
			super(delegate);
		}

		@Override
		protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegate) {
			return new Checked(delegate);
		}

		@Override
		public Object deserialize(JsonParser parser, DeserializationContext context) {
			Object value = super.deserialize(parser, context);
			if (value instanceof String text && halfAPair(text)) {
				throw new HalfAPair(parser, text);
			}
			return value;
		}

	}

	/**
	 * A text holding half a surrogate pair, told apart from a value of the wrong type.
	 */
	static final class HalfAPair extends InvalidFormatException {

		HalfAPair(JsonParser parser, String value) {
			super(parser, "Text holds half a UTF-16 surrogate pair", value, String.class);
		}

	}

}
