package fr.atlas.platform.internal;

import java.lang.reflect.RecordComponent;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.SerializationConfig;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.ValueSerializerModifier;
import tools.jackson.databind.ser.std.StdSerializer;

import org.springframework.util.ReflectionUtils;

/**
 * The JSON of events sent to the broker: the application's mapper, except that typed ids
 * ({@code OrgId}, {@code CaseId}, … — records of a single {@code value}) are written as
 * their value, {@code "orgId":"…"} rather than {@code "orgId":{"value":"…"}}, so outside
 * consumers need not know our id types. The event publication registry keeps the
 * application's own format.
 */
final class EventJson {

	private EventJson() {
	}

	static JsonMapper mapper(JsonMapper application) {
		SimpleModule ids = new SimpleModule("atlas-event-ids");
		ids.setSerializerModifier(new TypedIdsAsValues());
		return application.rebuild().addModule(ids).build();
	}

	private static final class TypedIdsAsValues extends ValueSerializerModifier {

		@Override
		public ValueSerializer<?> modifySerializer(SerializationConfig config, BeanDescription.Supplier description,
				ValueSerializer<?> serializer) {
			RecordComponent[] components = description.getBeanClass().getRecordComponents();
			if (components != null && components.length == 1 && components[0].getName().equals("value")) {
				return new SingleValue(components[0]);
			}
			return serializer;
		}

	}

	private static final class SingleValue extends StdSerializer<Object> {

		private final RecordComponent component;

		SingleValue(RecordComponent component) {
			super(Object.class);
			this.component = component;
		}

		@Override
		public void serialize(Object id, JsonGenerator generator, SerializationContext context) {
			context.writeValue(generator, ReflectionUtils.invokeMethod(this.component.getAccessor(), id));
		}

	}

}
