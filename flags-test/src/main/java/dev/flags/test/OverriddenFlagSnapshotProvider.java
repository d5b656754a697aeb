package dev.flags.test;

import dev.flags.core.eval.FlagSnapshot;
import dev.flags.spring.FlagSnapshotProvider;

/**
 * A {@link FlagSnapshotProvider} whose snapshots show the flags a test forces.
 */
final class OverriddenFlagSnapshotProvider implements FlagSnapshotProvider {

	private final FlagSnapshotProvider delegate;

	private final FlagOverrides overrides;

	OverriddenFlagSnapshotProvider(FlagSnapshotProvider delegate, FlagOverrides overrides) {
		this.delegate = delegate;
		this.overrides = overrides;
	}

	@Override
	public FlagSnapshot currentSnapshot() {
		return this.overrides.apply(this.delegate.currentSnapshot());
	}

}
