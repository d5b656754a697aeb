package dev.flags.core.lifecycle;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.flags.core.model.Definitions;
import dev.flags.core.model.Flag;
import org.jspecify.annotations.Nullable;

/**
 * Makes {@link LifecycleReport lifecycle reports}: applies the {@link StaleFlagRules} to every
 * flag of a document, and checks the application's references against it both ways. Keys that a
 * {@link FlagUsage} saw asked for count as references. Thread-safe.
 */
public final class LifecycleInspector {

	private final StaleFlagRules rules;

	private final Clock clock;

	private final @Nullable FlagUsage usage;

	private final ExperimentConclusions conclusions;

	/**
	 * Creates an inspector without evaluation times or experiment conclusions.
	 * @param rules the stale rules
	 * @param clock the clock reports are made at
	 */
	public LifecycleInspector(StaleFlagRules rules, Clock clock) {
		this(rules, clock, null, ExperimentConclusions.none());
	}

	/**
	 * Creates an inspector.
	 * @param rules the stale rules
	 * @param clock the clock reports are made at
	 * @param usage the evaluations seen, or null when they are not tracked
	 * @param conclusions which experiments are concluded
	 */
	public LifecycleInspector(StaleFlagRules rules, Clock clock, @Nullable FlagUsage usage,
			ExperimentConclusions conclusions) {
		this.rules = rules;
		this.clock = clock;
		this.usage = usage;
		this.conclusions = conclusions;
	}

	/**
	 * The rules this inspector applies.
	 * @return the rules
	 */
	public StaleFlagRules rules() {
		return this.rules;
	}

	/**
	 * Reports on a document now.
	 * @param definitions the flags
	 * @param references where the application's code references flags
	 * @return the report
	 */
	public LifecycleReport inspect(Definitions definitions, Collection<FlagReference> references) {
		Instant now = this.clock.instant();
		Set<String> referenced = new HashSet<>();
		references.forEach((reference) -> referenced.add(reference.key()));
		Set<String> called = (this.usage != null) ? this.usage.keys() : Set.of();
		referenced.addAll(called);
		List<FlagLifecycle> flags = new ArrayList<>();
		List<StaleFlag> stale = new ArrayList<>();
		List<String> unreferenced = new ArrayList<>();
		List<String> problems = new ArrayList<>();
		for (Flag flag : definitions.flags()) {
			StaleFlag staleFlag = this.rules.check(flag, now, this.usage, this.conclusions);
			if (staleFlag != null) {
				stale.add(staleFlag);
			}
			boolean isReferenced = referenced.contains(flag.key());
			if (!isReferenced && flag.kind().isTemporary()) {
				unreferenced.add(flag.key());
			}
			flags.add(lifecycle(flag, isReferenced, staleFlag));
			checkTime(flag, "createdAt", flag.createdAt(), problems);
			checkTime(flag, "expiresAt", flag.expiresAt(), problems);
		}
		if (this.usage != null && this.usage.isFull()) {
			problems.add("more flag keys were asked for than are tracked; later keys are not counted as references");
		}
		return new LifecycleReport(now, flags, stale, undefined(definitions, references, called), unreferenced,
				problems);
	}

	private FlagLifecycle lifecycle(Flag flag, boolean referenced, @Nullable StaleFlag stale) {
		FlagHistory history = FlagHistory.of(flag);
		return new FlagLifecycle(flag.key(), flag.kind(), history.state(), history.createdAt(), history.updatedAt(),
				FlagHistory.updatedBy(flag), history.fullyOnSince(), history.fullyOffSince(), Timestamps.parse(flag.expiresAt()),
				(this.usage != null) ? this.usage.lastEvaluated(flag.key()) : null, referenced, stale);
	}

	private static List<FlagReference> undefined(Definitions definitions, Collection<FlagReference> references,
			Set<String> called) {
		Set<String> defined = new HashSet<>();
		definitions.flags().forEach((flag) -> defined.add(flag.key()));
		Set<FlagReference> found = new LinkedHashSet<>();
		Set<String> located = new HashSet<>();
		for (FlagReference reference : references) {
			if (!defined.contains(reference.key())) {
				found.add(reference);
				located.add(reference.key());
			}
		}
		List<FlagReference> undefined = new ArrayList<>(found);
		// A key also found in the code is reported where it is written, not once more as a call.
		for (String key : called) {
			if (!defined.contains(key) && !located.contains(key)) {
				undefined.add(new FlagReference(key, FlagReference.FLAG_SERVICE));
			}
		}
		undefined.sort(Comparator.comparing(FlagReference::key).thenComparing(FlagReference::location));
		return undefined;
	}

	private static void checkTime(Flag flag, String field, @Nullable String value, List<String> problems) {
		if (value != null && Timestamps.parse(value) == null) {
			problems.add("flag '" + flag.key() + "': " + field + " '" + value
					+ "' is not an ISO-8601 date (2027-01-31) or instant (2027-01-31T09:00:00Z)");
		}
	}

}
