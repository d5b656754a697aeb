package dev.flags.core.model;

import java.nio.charset.StandardCharsets;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import dev.flags.core.internal.ContextAccess;
import dev.flags.core.internal.PerfectHash;
import org.jspecify.annotations.Nullable;

/**
 * Who or what a flag is evaluated for (spec §2): an optional key and attributes. Immutable and
 * safe to share between threads; build one per request or job and evaluate many flags with it.
 * <p>
 * Attribute values are strings, numbers, booleans, or lists of those. Enums, UUIDs and
 * {@code java.time} values are stored as their string form. A {@code null} value, and a list
 * that is empty once its {@code null} elements are dropped, count as a missing attribute. The
 * attribute name {@code key} always means the context key.
 */
public final class FlagContext {

	/** The layout of no attributes: two empty slots. */
	private static final PerfectHash NO_ATTRIBUTES = Objects.requireNonNull(PerfectHash.find(new int[0]));

	private static final Object[] NO_SLOTS = new Object[NO_ATTRIBUTES.capacity() * 2];

	private static final FlagContext ANONYMOUS = new FlagContext(null, Map.of());

	static {
		ContextAccess.register((context) -> context.keyUtf8);
	}

	private final @Nullable String key;

	/** The key's hash code, or 0 without a key: read beside the key, without following it. */
	private final int keyHash;

	/**
	 * The key's UTF-8 bytes, encoded once here so that bucketing by the key hashes them without
	 * encoding the key on every evaluation; read through {@link ContextAccess}, never handed out.
	 */
	private final byte @Nullable [] keyUtf8;

	private final Map<String, Object> attributes;

	/**
	 * The attributes again, for {@link #plainAttribute}: an open-addressing table of names at even
	 * and values at odd indexes, so that a lookup reads one array, and finds a name passed as the
	 * same instance (a constant, or an interned name) without comparing characters.
	 */
	private final Object[] slots;

	/**
	 * Whether every name sits in the slot its hash gives (always for up to 16 attributes, mostly
	 * up to {@value PerfectHash#MAX_SIZE}), so that a lookup reads one slot and never probes; the
	 * multiplier and shift that give the slot.
	 */
	private final boolean perfect;

	private final int multiplier;

	private final int shift;

	private FlagContext(@Nullable String key, Map<String, Object> attributes) {
		this.key = key;
		this.keyHash = (key != null) ? key.hashCode() : 0;
		this.keyUtf8 = (key != null) ? key.getBytes(StandardCharsets.UTF_8) : null;
		this.attributes = attributes;
		PerfectHash layout = attributes.isEmpty() ? NO_ATTRIBUTES : PerfectHash.find(nameHashes(attributes));
		this.perfect = layout != null;
		this.multiplier = (layout != null) ? layout.multiplier() : 0;
		this.shift = (layout != null) ? layout.shift() : 0;
		if (attributes.isEmpty()) {
			this.slots = NO_SLOTS;
		}
		else {
			this.slots = (layout != null) ? perfectSlots(attributes, layout) : slots(attributes);
		}
	}

	private static int[] nameHashes(Map<String, Object> attributes) {
		int[] hashes = new int[attributes.size()];
		int i = 0;
		for (String name : attributes.keySet()) {
			hashes[i++] = name.hashCode();
		}
		return hashes;
	}

	private static Object[] perfectSlots(Map<String, Object> attributes, PerfectHash layout) {
		Object[] slots = new Object[layout.capacity() * 2];
		attributes.forEach((name, value) -> {
			int index = layout.slot(name.hashCode()) << 1;
			slots[index] = name;
			slots[index + 1] = value;
		});
		return slots;
	}

	private static Object[] slots(Map<String, Object> attributes) {
		int capacity = Integer.highestOneBit(attributes.size() * 2 - 1) << 1;
		Object[] slots = new Object[capacity * 2];
		attributes.forEach((name, value) -> {
			int index = slot(name, capacity);
			while (slots[index] != null) {
				index = (index + 2) & (capacity * 2 - 1);
			}
			slots[index] = name;
			slots[index + 1] = value;
		});
		return slots;
	}

	private static int slot(String name, int capacity) {
		int h = name.hashCode();
		return ((h ^ (h >>> 16)) & (capacity - 1)) << 1;
	}

	/**
	 * A context with no key and no attributes.
	 * @return the anonymous context
	 */
	public static FlagContext anonymous() {
		return ANONYMOUS;
	}

	/**
	 * A context with a key and no attributes.
	 * @param key the context key, usually a user id
	 * @return the context
	 */
	public static FlagContext of(String key) {
		return new FlagContext(key, Map.of());
	}

	/**
	 * A context with a key and attributes.
	 * @param key the context key, or null for an anonymous context
	 * @param attributes the attributes
	 * @return the context
	 * @throws IllegalArgumentException when an attribute value is of an unsupported type
	 */
	public static FlagContext of(@Nullable String key, Map<String, ?> attributes) {
		Builder builder = builder().key(key);
		attributes.forEach(builder::attribute);
		return builder.build();
	}

	/**
	 * A builder for a context.
	 * @return the builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * A builder for a context with the given key.
	 * @param key the context key
	 * @return the builder
	 */
	public static Builder builder(@Nullable String key) {
		return new Builder().key(key);
	}

	/**
	 * A builder that starts from this context.
	 * @return the builder
	 */
	public Builder toBuilder() {
		Builder builder = new Builder().key(this.key);
		builder.attributes.putAll(this.attributes);
		return builder;
	}

	/**
	 * The context key: the unit most flags bucket by.
	 * @return the key, or null for an anonymous context
	 */
	public @Nullable String key() {
		return this.key;
	}

	/**
	 * The hash code of the context key, computed when the context was built; the evaluator's
	 * fast path for looking the key up in include and exclude lists.
	 * @return {@code key().hashCode()}, or 0 for an anonymous context
	 */
	public int keyHash() {
		return this.keyHash;
	}

	/**
	 * The attributes, normalized.
	 * @return an unmodifiable map of attribute names to values
	 */
	public Map<String, Object> attributes() {
		return Collections.unmodifiableMap(this.attributes);
	}

	/**
	 * The value of an attribute; {@code key} names the context key.
	 * @param name the attribute name
	 * @return the value: a String, Number, Boolean or non-empty List of those; null when missing
	 */
	public @Nullable Object attribute(String name) {
		return "key".equals(name) ? this.key : this.attributes.get(name);
	}

	/**
	 * The value of an attribute other than {@code key}; the evaluator's fast path.
	 * @param name the attribute name, never {@code key}
	 * @return the value, or null when missing
	 */
	public @Nullable Object plainAttribute(String name) {
		return plainAttribute(name, name.hashCode());
	}

	/**
	 * The value of an attribute other than {@code key}, given the name's hash code, which a caller
	 * that looks the same name up many times computes once.
	 * @param name the attribute name, never {@code key}
	 * @param nameHash {@code name.hashCode()}
	 * @return the value, or null when missing
	 */
	public @Nullable Object plainAttribute(String name, int nameHash) {
		Object[] slots = this.slots;
		if (this.perfect) {
			int index = ((nameHash * this.multiplier) >>> this.shift) << 1;
			Object candidate = slots[index];
			return (candidate == name || (candidate != null && name.equals(candidate))) ? slots[index + 1] : null;
		}
		int mask = slots.length - 1;
		int index = ((nameHash ^ (nameHash >>> 16)) & (mask >> 1)) << 1;
		while (true) {
			Object candidate = slots[index];
			if (candidate == name) {
				return slots[index + 1];
			}
			if (candidate == null) {
				return null;
			}
			if (name.equals(candidate)) {
				return slots[index + 1];
			}
			index = (index + 2) & mask;
		}
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return (other instanceof FlagContext that) && Objects.equals(this.key, that.key)
				&& this.attributes.equals(that.attributes);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.key, this.attributes);
	}

	@Override
	public String toString() {
		return "FlagContext{key=" + this.key + ", attributes=" + this.attributes + "}";
	}

	/**
	 * Builds a {@link FlagContext}.
	 */
	public static final class Builder {

		private @Nullable String key;

		private final Map<String, Object> attributes = new LinkedHashMap<>();

		Builder() {
		}

		/**
		 * Sets the context key.
		 * @param key the key, or null for an anonymous context
		 * @return this builder
		 */
		public Builder key(@Nullable String key) {
			this.key = key;
			return this;
		}

		/**
		 * Sets an attribute; a null value, or an empty list, removes it.
		 * @param name the attribute name
		 * @param value a string, number, boolean, enum, UUID, {@code java.time} value, or a
		 * collection or array of those
		 * @return this builder
		 * @throws IllegalArgumentException when the value is of an unsupported type
		 */
		public Builder attribute(String name, @Nullable Object value) {
			Objects.requireNonNull(name, "attribute name");
			Object normalized = normalize(name, value);
			if (normalized == null) {
				this.attributes.remove(name);
			}
			else {
				this.attributes.put(name, normalized);
			}
			return this;
		}

		/**
		 * Builds the context.
		 * @return the context
		 */
		public FlagContext build() {
			return new FlagContext(this.key, new HashMap<>(this.attributes));
		}

		private static @Nullable Object normalize(String name, @Nullable Object value) {
			if (value instanceof Collection<?> collection) {
				return normalizeList(name, collection);
			}
			if (value instanceof Object[] array) {
				return normalizeList(name, List.of(array));
			}
			return normalizeScalar(name, value);
		}

		private static @Nullable Object normalizeList(String name, Collection<?> collection) {
			List<Object> list = new ArrayList<>(collection.size());
			for (Object element : collection) {
				if (element instanceof Collection<?> || element instanceof Object[]) {
					throw new IllegalArgumentException(
							"Attribute '" + name + "' holds a nested list; values are scalars or lists of scalars");
				}
				Object scalar = normalizeScalar(name, element);
				if (scalar != null) {
					list.add(scalar);
				}
			}
			return list.isEmpty() ? null : List.copyOf(list);
		}

		private static @Nullable Object normalizeScalar(String name, @Nullable Object value) {
			if (value == null || value instanceof String || value instanceof Boolean || value instanceof Number) {
				return value;
			}
			if (value instanceof CharSequence || value instanceof Enum<?> || value instanceof UUID
					|| value instanceof TemporalAccessor || value instanceof Character) {
				return (value instanceof Enum<?> e) ? e.name() : value.toString();
			}
			throw new IllegalArgumentException("Attribute '" + name + "' has a value of unsupported type "
					+ value.getClass().getName() + "; use a string, number, boolean or a list of those");
		}

	}

}
