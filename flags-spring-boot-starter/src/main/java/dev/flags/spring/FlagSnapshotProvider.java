package dev.flags.spring;

import dev.flags.core.eval.FlagSnapshot;

/**
 * Supplies the snapshot of definitions that {@link FlagService} decides from. Without a web
 * application it is the registry's current snapshot; within an HTTP request the starter's web
 * support pins the snapshot current at the request's first evaluation, so that every decision
 * of the request comes from one version of the flags, even when a flag is changed meanwhile.
 * Declare a bean of this type to replace it.
 */
@FunctionalInterface
public interface FlagSnapshotProvider {

	/**
	 * The snapshot of the current unit of work.
	 * @return the snapshot; never null
	 */
	FlagSnapshot currentSnapshot();

}
