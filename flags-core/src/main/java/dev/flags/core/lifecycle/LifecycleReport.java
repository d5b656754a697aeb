package dev.flags.core.lifecycle;

import java.time.Instant;
import java.util.List;

import dev.flags.core.model.FlagKind;

/**
 * The lifecycle of every flag at one time: what is stale and why, which references name no
 * defined flag, and which temporary flags nothing in the application references.
 *
 * @param time when the report was made
 * @param flags every flag, in document order
 * @param stale the stale flags, in document order
 * @param undefined references to keys that no flag has, by key; a mistyped key silently
 * serves the caller's default
 * @param unreferenced the keys of temporary flags that the application does not reference, in
 * document order: removal candidates
 * @param problems lifecycle metadata that could not be read, for example an {@code expiresAt}
 * that is not a date
 */
public record LifecycleReport(Instant time, List<FlagLifecycle> flags, List<StaleFlag> stale,
		List<FlagReference> undefined, List<String> unreferenced, List<String> problems) {

	/**
	 * Creates a report, copying its lists.
	 * @param time when it was made
	 * @param flags every flag
	 * @param stale the stale flags
	 * @param undefined references to undefined keys
	 * @param unreferenced temporary flags not referenced
	 * @param problems unreadable metadata
	 */
	public LifecycleReport {
		flags = List.copyOf(flags);
		stale = List.copyOf(stale);
		undefined = List.copyOf(undefined);
		unreferenced = List.copyOf(unreferenced);
		problems = List.copyOf(problems);
	}

	/**
	 * How many stale flags are of a kind.
	 * @param kind the kind
	 * @return the count; always 0 for a permanent kind
	 */
	public long staleCount(FlagKind kind) {
		return this.stale.stream().filter((flag) -> flag.kind() == kind).count();
	}

	/**
	 * Whether anything needs attention: a stale flag, an undefined reference, or a problem.
	 * Unreferenced flags alone do not count, since references seen at run time accrue.
	 * @return true when the report has findings
	 */
	public boolean hasFindings() {
		return !this.stale.isEmpty() || !this.undefined.isEmpty() || !this.problems.isEmpty();
	}

}
