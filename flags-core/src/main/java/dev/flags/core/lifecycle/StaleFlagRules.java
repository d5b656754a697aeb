package dev.flags.core.lifecycle;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import dev.flags.core.model.Flag;
import dev.flags.core.model.FlagKind;
import org.jspecify.annotations.Nullable;

/**
 * When a temporary flag is due for removal. Kill switches, ops and entitlement flags are
 * permanent and never stale, whatever their state or dates. A release or experiment flag is stale
 * when it is:
 * <ul>
 * <li>{@link StaleReason#FULLY_ON fully on} or {@link StaleReason#FULLY_OFF fully off} (see
 * {@link FlagState}) for longer than {@code staleAfter};</li>
 * <li>{@link StaleReason#EXPIRED past its expiresAt};</li>
 * <li>{@link StaleReason#NOT_EVALUATED not evaluated} for longer than {@code unusedAfter}, as far
 * as a {@link FlagUsage} has seen, and older than that;</li>
 * <li>an experiment whose analysis is {@link StaleReason#CONCLUDED concluded}.</li>
 * </ul>
 *
 * @param staleAfter how long a temporary flag may stay fully on or fully off
 * @param unusedAfter how long a temporary flag may go without being evaluated
 */
public record StaleFlagRules(Duration staleAfter, Duration unusedAfter) {

	/** The default of both thresholds: 30 days. */
	public static final Duration DEFAULT_THRESHOLD = Duration.ofDays(30);

	/**
	 * Creates the rules.
	 * @param staleAfter how long a temporary flag may stay fully on or fully off
	 * @param unusedAfter how long a temporary flag may go without being evaluated
	 */
	public StaleFlagRules {
		requirePositive("staleAfter", staleAfter);
		requirePositive("unusedAfter", unusedAfter);
	}

	/**
	 * The rules with both thresholds at 30 days.
	 * @return the default rules
	 */
	public static StaleFlagRules defaults() {
		return new StaleFlagRules(DEFAULT_THRESHOLD, DEFAULT_THRESHOLD);
	}

	/**
	 * Checks one flag.
	 * @param flag the definition
	 * @param now the time to judge it at
	 * @param usage when flags were last evaluated, or null to skip the
	 * {@link StaleReason#NOT_EVALUATED} rule
	 * @param conclusions which experiments are concluded
	 * @return why the flag is stale, or null when it is not
	 */
	public @Nullable StaleFlag check(Flag flag, Instant now, @Nullable FlagUsage usage,
			ExperimentConclusions conclusions) {
		if (!flag.kind().isTemporary()) {
			return null;
		}
		FlagHistory history = FlagHistory.of(flag);
		List<Finding> findings = new ArrayList<>();
		if (usage != null) {
			notEvaluated(flag, history, now, usage, findings);
		}
		if (flag.kind() == FlagKind.EXPERIMENT) {
			String conclusion = conclusions.conclusion(flag.key());
			if (conclusion != null) {
				findings.add(new Finding(StaleReason.CONCLUDED, "its analysis is concluded: " + conclusion,
						"roll the winning variant out to everyone, then remove the flag and the other variants' code"));
			}
		}
		fullyOnOrOff(flag, history, now, findings);
		Instant expiresAt = Timestamps.parse(flag.expiresAt());
		if (expiresAt != null && now.isAfter(expiresAt)) {
			findings.add(new Finding(StaleReason.EXPIRED,
					"past its expiresAt " + flag.expiresAt() + " (" + days(expiresAt, now) + " ago)",
					"remove the flag, or move its expiresAt if it must stay"));
		}
		if (findings.isEmpty()) {
			return null;
		}
		findings.sort(Comparator.comparing(Finding::reason));
		Finding first = findings.get(0);
		return new StaleFlag(flag.key(), flag.kind(), first.reason(),
				findings.stream().map(Finding::description).collect(Collectors.joining("; ")), first.action());
	}

	private void notEvaluated(Flag flag, FlagHistory history, Instant now, FlagUsage usage, List<Finding> findings) {
		Instant lastEvaluated = usage.lastEvaluated(flag.key());
		Instant reference = (lastEvaluated != null) ? lastEvaluated : usage.since();
		// A flag younger than the threshold has not had the time to be used.
		Instant createdAt = history.createdAt();
		if (createdAt != null && createdAt.isAfter(reference)) {
			reference = createdAt;
		}
		if (Duration.between(reference, now).compareTo(this.unusedAfter) <= 0) {
			return;
		}
		if (lastEvaluated == null) {
			findings.add(new Finding(StaleReason.NOT_EVALUATED, "never evaluated since " + Timestamps.day(reference)
					+ " (" + days(reference, now) + ")", "delete: never evaluated"));
		}
		else {
			findings.add(new Finding(StaleReason.NOT_EVALUATED, "last evaluated " + Timestamps.day(lastEvaluated)
					+ " (" + days(lastEvaluated, now) + " ago)", "delete: not evaluated for " + days(lastEvaluated, now)));
		}
	}

	private void fullyOnOrOff(Flag flag, FlagHistory history, Instant now, List<Finding> findings) {
		Instant since = history.since();
		if (since == null || Duration.between(since, now).compareTo(this.staleAfter) <= 0) {
			return;
		}
		String dated = " since " + Timestamps.day(since) + " (" + days(since, now)
				+ (history.sinceEstimated() ? ", dated by its last recorded change" : "") + ")";
		if (history.state() == FlagState.FULLY_ON) {
			String action = flag.variants().isEmpty() ? "remove the flag and its off path"
					: "remove the flag and keep only the code of variant '" + flag.variants().get(0).name() + "'";
			findings.add(new Finding(StaleReason.FULLY_ON, "fully on" + dated, action));
		}
		else if (history.state() == FlagState.FULLY_OFF) {
			findings.add(new Finding(StaleReason.FULLY_OFF, "fully off" + dated,
					"remove the flag and the code it gates"));
		}
	}

	private static String days(Instant from, Instant to) {
		long days = Duration.between(from, to).toDays();
		return days + ((days == 1) ? " day" : " days");
	}

	private static void requirePositive(String name, Duration threshold) {
		if (threshold.isNegative() || threshold.isZero()) {
			throw new IllegalArgumentException(name + " must be positive (was " + threshold + ")");
		}
	}

	private record Finding(StaleReason reason, String description, String action) {

	}

}
