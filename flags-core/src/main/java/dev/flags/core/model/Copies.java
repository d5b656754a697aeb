package dev.flags.core.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Defensive, unmodifiable copies for the model's records. Extra (unknown) fields may hold
 * JSON nulls, which {@link Map#copyOf} would refuse.
 */
final class Copies {

	private Copies() {
	}

	static <T> List<T> list(@Nullable List<T> list) {
		return (list != null) ? List.copyOf(list) : List.of();
	}

	static Map<String, @Nullable Object> extra(@Nullable Map<String, ? extends @Nullable Object> extra) {
		if (extra == null || extra.isEmpty()) {
			return Map.of();
		}
		return Collections.unmodifiableMap(new LinkedHashMap<>(extra));
	}

	static List<Object> values(@Nullable List<?> values) {
		if (values == null) {
			return List.of();
		}
		return Collections.unmodifiableList(new ArrayList<>(values));
	}

}
