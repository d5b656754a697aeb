package dev.flags.core.model;

import java.math.BigDecimal;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One variant of an experiment flag with its share of the units, in percent (spec §3).
 *
 * @param name the variant's name
 * @param weight its share, in percent; the weights of a flag sum to 100
 * @param extra fields of the document this model does not know
 */
public record Variant(String name, BigDecimal weight, Map<String, @Nullable Object> extra) {

	/**
	 * Creates a variant.
	 * @param name the name
	 * @param weight the share in percent
	 * @param extra unknown fields to keep
	 */
	public Variant {
		weight = Copies.decimal(weight);
		extra = Copies.extra(extra);
	}

	/**
	 * A variant with a weight.
	 * @param name the name
	 * @param weight the share in percent
	 * @return the variant
	 */
	public static Variant of(String name, double weight) {
		return new Variant(name, BigDecimal.valueOf(weight), Map.of());
	}

}
