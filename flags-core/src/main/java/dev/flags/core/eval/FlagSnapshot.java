package dev.flags.core.eval;

import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.flags.core.model.Definitions;
import dev.flags.core.model.DefinitionsValidator;
import dev.flags.core.model.Evaluation;
import dev.flags.core.model.Flag;
import dev.flags.core.model.FlagContext;
import dev.flags.core.model.InvalidDefinitionsException;
import dev.flags.core.model.Reason;
import dev.flags.core.model.Segment;
import org.jspecify.annotations.Nullable;

/**
 * An immutable, validated and compiled definitions document: what evaluation reads. Evaluating
 * is a pure function of the snapshot and the context (spec §4); it takes no lock, does no I/O,
 * never throws, and on every boolean path allocates nothing.
 */
public final class FlagSnapshot {

	private static final Evaluation NOT_FOUND_OFF = Evaluation.ofDefault(false, null, Reason.FLAG_NOT_FOUND);

	private static final Evaluation NOT_FOUND_ON = Evaluation.ofDefault(true, null, Reason.FLAG_NOT_FOUND);

	private static final FlagSnapshot EMPTY = new FlagSnapshot(Definitions.empty(), Instant.EPOCH);

	private final Definitions definitions;

	private final FlagTable flags;

	private final Instant createdAt;

	private FlagSnapshot(Definitions definitions, Instant createdAt) {
		this.definitions = definitions;
		this.createdAt = createdAt;
		Map<String, CompiledCondition> segments = new HashMap<>();
		for (Segment segment : definitions.segments()) {
			segments.put(segment.key(), CompiledSegment.compile(segment));
		}
		Map<String, CompiledFlag> flags = new HashMap<>();
		for (Flag flag : definitions.flags()) {
			flags.put(flag.key(), new CompiledFlag(flag, segments));
		}
		// Keys interned, so that a caller's constant finds its flag by identity, without comparing
		this.flags = new FlagTable(flags);
	}

	/**
	 * Validates and compiles a document.
	 * @param definitions the document
	 * @return the snapshot
	 * @throws InvalidDefinitionsException when the document breaks the spec's rules
	 */
	public static FlagSnapshot of(Definitions definitions) {
		DefinitionsValidator.validate(definitions);
		return new FlagSnapshot(definitions, Instant.now());
	}

	/**
	 * The snapshot of no flags.
	 * @return the empty snapshot
	 */
	public static FlagSnapshot empty() {
		return EMPTY;
	}

	/**
	 * The document this snapshot was compiled from.
	 * @return the definitions
	 */
	public Definitions definitions() {
		return this.definitions;
	}

	/**
	 * When this snapshot was compiled.
	 * @return the instant
	 */
	public Instant createdAt() {
		return this.createdAt;
	}

	/**
	 * The keys of the flags, in document order.
	 * @return the flag keys
	 */
	public Set<String> keys() {
		Set<String> keys = new LinkedHashSet<>();
		this.definitions.flags().forEach((flag) -> keys.add(flag.key()));
		return Collections.unmodifiableSet(keys);
	}

	/**
	 * Whether a flag is defined.
	 * @param key the flag key
	 * @return true when defined
	 */
	public boolean contains(String key) {
		return this.flags.get(key) != null;
	}

	/**
	 * The definition of a flag.
	 * @param key the flag key
	 * @return the flag, if defined
	 */
	public Optional<Flag> flag(String key) {
		CompiledFlag flag = this.flags.get(key);
		return (flag != null) ? Optional.of(flag.flag()) : Optional.empty();
	}

	/**
	 * Evaluates a flag; a missing flag is off.
	 * @param key the flag key
	 * @param context who it is evaluated for
	 * @return the evaluation
	 */
	public Evaluation evaluate(String key, FlagContext context) {
		return evaluate(key, context, false, null);
	}

	/**
	 * Evaluates a flag, serving the caller's default when it is missing or cannot be evaluated.
	 * @param key the flag key
	 * @param context who it is evaluated for
	 * @param defaultEnabled the state served when the flag is missing or broken
	 * @param defaultVariant the variant served when the flag is missing or broken
	 * @return the evaluation; never throws
	 */
	public Evaluation evaluate(String key, FlagContext context, boolean defaultEnabled,
			@Nullable String defaultVariant) {
		CompiledFlag flag = this.flags.get(key);
		if (flag == null) {
			if (defaultVariant == null) {
				return defaultEnabled ? NOT_FOUND_ON : NOT_FOUND_OFF;
			}
			return Evaluation.ofDefault(defaultEnabled, defaultVariant, Reason.FLAG_NOT_FOUND);
		}
		try {
			return flag.evaluate(context);
		}
		catch (RuntimeException ex) {
			return Evaluation.ofDefault(defaultEnabled, defaultVariant, Reason.ERROR);
		}
	}

	/**
	 * Whether a flag is on; a missing flag is off.
	 * @param key the flag key
	 * @param context who it is evaluated for
	 * @return true when on
	 */
	public boolean isEnabled(String key, FlagContext context) {
		return isEnabled(key, context, false);
	}

	/**
	 * Whether a flag is on, with the caller's default for a missing or broken flag.
	 * @param key the flag key
	 * @param context who it is evaluated for
	 * @param defaultEnabled the state served when the flag is missing or broken
	 * @return true when on
	 */
	public boolean isEnabled(String key, FlagContext context, boolean defaultEnabled) {
		CompiledFlag flag = this.flags.get(key);
		if (flag == null) {
			return defaultEnabled;
		}
		try {
			return flag.isEnabled(context);
		}
		catch (RuntimeException ex) {
			return defaultEnabled;
		}
	}

	/**
	 * The variant a context gets.
	 * @param key the flag key
	 * @param context who it is evaluated for
	 * @param defaultVariant served when the flag is missing, broken, off, or has no variants
	 * @return the variant
	 */
	public @Nullable String variant(String key, FlagContext context, @Nullable String defaultVariant) {
		CompiledFlag flag = this.flags.get(key);
		if (flag == null) {
			return defaultVariant;
		}
		try {
			String variant = flag.variant(context);
			return (variant != null) ? variant : defaultVariant;
		}
		catch (RuntimeException ex) {
			return defaultVariant;
		}
	}

	/**
	 * The unit a flag buckets a context by (spec §3): the string form of the flag's
	 * {@code bucketBy} attribute, or the context key.
	 * @param key the flag key
	 * @param context who it is evaluated for
	 * @return the unit, or null when the flag is not defined or the context has none for it
	 */
	public @Nullable String unit(String key, FlagContext context) {
		CompiledFlag flag = this.flags.get(key);
		return (flag != null) ? flag.unit(context) : null;
	}

	/**
	 * The number of flags.
	 * @return the count
	 */
	public int size() {
		return this.flags.size();
	}

}
