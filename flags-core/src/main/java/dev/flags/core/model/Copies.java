package dev.flags.core.model;

import java.math.BigDecimal;
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

	private static final int MAX_EXPANDED_EXPONENT = 1000;

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

	/**
	 * A decimal without trailing zeros and never in exponent form, so that 25, 25.0 and 2.5E+1 are
	 * equal. An absurdly large one (such as {@code 1e999999}, which no valid field holds) keeps its
	 * exponent, rather than grow to a million digits.
	 */
	static BigDecimal decimal(BigDecimal value) {
		BigDecimal stripped = value.stripTrailingZeros();
		return (stripped.scale() < 0 && stripped.scale() >= -MAX_EXPANDED_EXPONENT) ? stripped.setScale(0) : stripped;
	}

	static @Nullable BigDecimal nullableDecimal(@Nullable BigDecimal value) {
		return (value != null) ? decimal(value) : null;
	}

	static List<Object> values(@Nullable List<?> values) {
		if (values == null) {
			return List.of();
		}
		return Collections.unmodifiableList(new ArrayList<>(values));
	}

}
