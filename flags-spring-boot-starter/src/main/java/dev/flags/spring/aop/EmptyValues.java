package dev.flags.spring.aop;

import java.lang.reflect.Array;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.stream.DoubleStream;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

/**
 * The empty values a gated method returns with
 * {@link dev.flags.spring.FeatureFlag.WhenDisabled#RETURN_EMPTY}.
 */
final class EmptyValues {

	private static final Map<Class<?>, Supplier<@Nullable Object>> VALUES = Map.ofEntries(
			Map.entry(void.class, () -> null), Map.entry(Void.class, () -> null),
			Map.entry(Optional.class, Optional::empty), Map.entry(OptionalInt.class, OptionalInt::empty),
			Map.entry(OptionalLong.class, OptionalLong::empty), Map.entry(OptionalDouble.class, OptionalDouble::empty),
			Map.entry(Iterable.class, List::of), Map.entry(Collection.class, List::of), Map.entry(List.class, List::of),
			Map.entry(Set.class, Set::of), Map.entry(SortedSet.class, Collections::emptyNavigableSet),
			Map.entry(NavigableSet.class, Collections::emptyNavigableSet), Map.entry(Map.class, Map::of),
			Map.entry(SortedMap.class, Collections::emptyNavigableMap),
			Map.entry(NavigableMap.class, Collections::emptyNavigableMap),
			// a stream can be consumed once, so every call gets its own
			Map.entry(Stream.class, Stream::empty), Map.entry(IntStream.class, IntStream::empty),
			Map.entry(LongStream.class, LongStream::empty), Map.entry(DoubleStream.class, DoubleStream::empty));

	private EmptyValues() {
	}

	/**
	 * The handler that returns the empty value of a method's return type, or a future of the
	 * empty value of its element type.
	 * @param gated the gated method
	 * @return the handler
	 * @throws IllegalStateException when the type has no empty value
	 */
	static DisabledHandler handler(GatedMethod gated) {
		if (gated.async()) {
			Class<?> element = gated.returnType().getGeneric(0).resolve();
			Supplier<@Nullable Object> value = emptyValue(element);
			if (value == null) {
				throw noEmptyValue(gated, gated.returnType().getGeneric(0).toString());
			}
			return (invocation, evaluation) -> CompletableFuture.completedFuture(value.get());
		}
		Supplier<@Nullable Object> value = emptyValue(gated.method().getReturnType());
		if (value == null) {
			throw noEmptyValue(gated, gated.method().getGenericReturnType().getTypeName());
		}
		return (invocation, evaluation) -> value.get();
	}

	private static @Nullable Supplier<@Nullable Object> emptyValue(@Nullable Class<?> type) {
		if (type != null && type.isArray()) {
			Object empty = Array.newInstance(type.getComponentType(), 0);
			return () -> empty;
		}
		return (type != null) ? VALUES.get(type) : null;
	}

	private static IllegalStateException noEmptyValue(GatedMethod gated, String type) {
		return new IllegalStateException(gated.label() + " cannot return empty while disabled: " + type
				+ " has no empty value; return an Optional, a collection, a Map, a Stream, an array or void,"
				+ " or name a fallback");
	}

}
