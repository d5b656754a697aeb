package dev.flags.spring;

import dev.flags.core.eval.FlagSnapshot;
import dev.flags.core.model.Evaluation;
import dev.flags.core.model.FlagContext;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * The {@link FlagService} the starter configures: decisions are read from the snapshot of the
 * {@link FlagSnapshotProvider}, for the given context or the one of the
 * {@link FlagContextProvider}. It never touches a store and never throws.
 */
public final class DefaultFlagService implements FlagService {

	private static final Log logger = LogFactory.getLog(DefaultFlagService.class);

	private final FlagSnapshotProvider snapshots;

	private final FlagContextProvider contexts;

	/**
	 * Creates the service.
	 * @param snapshots supplies the snapshot to decide from
	 * @param contexts supplies the context of calls that pass none
	 */
	public DefaultFlagService(FlagSnapshotProvider snapshots, FlagContextProvider contexts) {
		this.snapshots = snapshots;
		this.contexts = contexts;
	}

	@Override
	public boolean isEnabled(String key) {
		return isEnabled(key, currentContext());
	}

	@Override
	public boolean isEnabled(String key, FlagContext context) {
		return snapshot().isEnabled(key, context);
	}

	@Override
	public String variant(String key, String defaultVariant) {
		return variant(key, currentContext(), defaultVariant);
	}

	@Override
	public String variant(String key, FlagContext context, String defaultVariant) {
		String variant = snapshot().variant(key, context, defaultVariant);
		return (variant != null) ? variant : defaultVariant;
	}

	@Override
	public Evaluation evaluate(String key) {
		return evaluate(key, currentContext());
	}

	@Override
	public Evaluation evaluate(String key, FlagContext context) {
		return snapshot().evaluate(key, context);
	}

	@Override
	public FlagContext currentContext() {
		try {
			return this.contexts.currentContext();
		}
		catch (RuntimeException ex) {
			// The context comes from application code (contributors); its failure must not fail the caller.
			logger.warn("Could not resolve the flag context; evaluating for the anonymous context", ex);
			return FlagContext.anonymous();
		}
	}

	@Override
	public FlagSnapshot snapshot() {
		return this.snapshots.currentSnapshot();
	}

}
