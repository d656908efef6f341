package fr.atlas.platform.internal;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.converter.GenericConverter;
import org.springframework.data.convert.ReadingConverter;
import org.springframework.data.convert.WritingConverter;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

/**
 * Atlas's typed ids, the records named {@code …Id} whose only component is a {@link UUID}
 * and that offer a static {@code of(UUID)} ({@code OrgId}, {@code ProspectId}…), with one
 * generic converter pair that stores any of them as its {@code UUID}: a new id needs no
 * converter of its own.
 * <p>
 * The pair declares each id type it found rather than {@link Record}: Spring Data's
 * {@code CustomConversions} chooses a converter from its declared types alone, so a pair
 * declared for {@code Record} would claim every value record on writing and, as a read
 * only matches when the requested type is a supertype of the declared target, no id on
 * reading.
 */
final class TypedIds {

	private final Map<Class<?>, IdType> ids;

	private TypedIds(Map<Class<?>, IdType> ids) {
		this.ids = ids;
	}

	static TypedIds in(Collection<String> basePackages) {
		var scanner = new ClassPathScanningCandidateComponentProvider(false);
		scanner.addIncludeFilter(
				(reader, readerFactory) -> Record.class.getName().equals(reader.getClassMetadata().getSuperClassName())
						&& reader.getClassMetadata().getClassName().endsWith("Id"));
		Map<Class<?>, IdType> ids = new LinkedHashMap<>();
		for (String basePackage : basePackages) {
			for (var candidate : scanner.findCandidateComponents(basePackage)) {
				Class<?> type = ClassUtils.resolveClassName(candidate.getBeanClassName(),
						TypedIds.class.getClassLoader());
				IdType id = IdType.of(type);
				if (id != null) {
					ids.put(type, id);
				}
			}
		}
		return new TypedIds(ids);
	}

	Set<Class<?>> types() {
		return this.ids.keySet();
	}

	List<GenericConverter> converters() {
		return List.of(new IdToUuid(), new UuidToId());
	}

	@WritingConverter
	final class IdToUuid implements GenericConverter {

		@Override
		public Set<ConvertiblePair> getConvertibleTypes() {
			return TypedIds.this.ids.keySet()
				.stream()
				.map((type) -> new ConvertiblePair(type, UUID.class))
				.collect(Collectors.toUnmodifiableSet());
		}

		@Override
		public @Nullable Object convert(@Nullable Object source, TypeDescriptor sourceType, TypeDescriptor targetType) {
			return (source != null) ? TypedIds.this.ids.get(sourceType.getType()).value(source) : null;
		}

	}

	@ReadingConverter
	final class UuidToId implements GenericConverter {

		@Override
		public Set<ConvertiblePair> getConvertibleTypes() {
			return TypedIds.this.ids.keySet()
				.stream()
				.map((type) -> new ConvertiblePair(UUID.class, type))
				.collect(Collectors.toUnmodifiableSet());
		}

		@Override
		public @Nullable Object convert(@Nullable Object source, TypeDescriptor sourceType, TypeDescriptor targetType) {
			return (source != null) ? TypedIds.this.ids.get(targetType.getType()).of((UUID) source) : null;
		}

	}

	/**
	 * How to take an id apart and build it again.
	 */
	private record IdType(Method value, Method of) {

		/**
		 * The id type of a record whose only component is a {@code UUID}, null for other
		 * records. An id without a static {@code of(UUID)} fails the start, since it
		 * would otherwise only fail when first read.
		 */
		static @Nullable IdType of(Class<?> type) {
			RecordComponent[] components = type.getRecordComponents();
			if (components == null || components.length != 1 || components[0].getType() != UUID.class) {
				return null;
			}
			Method of = ReflectionUtils.findMethod(type, "of", UUID.class);
			if (of == null || !Modifier.isStatic(of.getModifiers()) || of.getReturnType() != type) {
				throw new IllegalStateException(type.getName() + " holds a UUID but has no static of(UUID)");
			}
			Method value = components[0].getAccessor();
			// an id nested in a class may be private, and its methods with it
			ReflectionUtils.makeAccessible(value);
			ReflectionUtils.makeAccessible(of);
			return new IdType(value, of);
		}

		@Nullable Object value(Object id) {
			return ReflectionUtils.invokeMethod(this.value, id);
		}

		@Nullable Object of(UUID value) {
			return ReflectionUtils.invokeMethod(this.of, null, value);
		}

	}

}
