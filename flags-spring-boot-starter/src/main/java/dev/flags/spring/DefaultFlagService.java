package dev.flags.spring;

import java.util.List;

import dev.flags.core.eval.FlagSnapshot;
import dev.flags.core.experiment.ResultsStore;
import dev.flags.core.model.Evaluation;
import dev.flags.core.model.FlagContext;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * The {@link FlagService} the starter configures: decisions are read from the snapshot of the
 * {@link FlagSnapshotProvider}, for the given context or the one of the
 * {@link FlagContextProvider}. It never touches a store and never throws. Each decision is
 * passed to the {@link FlagEvaluationListener listeners}, when there are any, and each tracked
 * metric event to the {@link ConversionListener conversion listeners}.
 */
public final class DefaultFlagService implements FlagService {

	private static final Log logger = LogFactory.getLog(DefaultFlagService.class);

	private final FlagSnapshotProvider snapshots;

	private final FlagContextProvider contexts;

	private final FlagEvaluationListener[] listeners;

	private final ConversionListener[] conversionListeners;

	private volatile boolean listenerFailureLogged;

	/**
	 * Creates the service.
	 * @param snapshots supplies the snapshot to decide from
	 * @param contexts supplies the context of calls that pass none
	 */
	public DefaultFlagService(FlagSnapshotProvider snapshots, FlagContextProvider contexts) {
		this(snapshots, contexts, List.of());
	}

	/**
	 * Creates the service.
	 * @param snapshots supplies the snapshot to decide from
	 * @param contexts supplies the context of calls that pass none
	 * @param listeners told of every decision, in this order
	 */
	public DefaultFlagService(FlagSnapshotProvider snapshots, FlagContextProvider contexts,
			List<FlagEvaluationListener> listeners) {
		this(snapshots, contexts, listeners, List.of());
	}

	/**
	 * Creates the service.
	 * @param snapshots supplies the snapshot to decide from
	 * @param contexts supplies the context of calls that pass none
	 * @param listeners told of every decision, in this order
	 * @param conversionListeners told of every tracked metric event, in this order
	 */
	public DefaultFlagService(FlagSnapshotProvider snapshots, FlagContextProvider contexts,
			List<FlagEvaluationListener> listeners, List<ConversionListener> conversionListeners) {
		this.snapshots = snapshots;
		this.contexts = contexts;
		this.listeners = listeners.toArray(new FlagEvaluationListener[0]);
		this.conversionListeners = conversionListeners.toArray(new ConversionListener[0]);
	}

	@Override
	public boolean isEnabled(String key) {
		return isEnabled(key, currentContext());
	}

	@Override
	public boolean isEnabled(String key, FlagContext context) {
		FlagSnapshot snapshot = snapshot();
		if (this.listeners.length == 0) {
			return snapshot.isEnabled(key, context);
		}
		return notify(key, snapshot.evaluate(key, context), context, snapshot).enabled();
	}

	@Override
	public String variant(String key, String defaultVariant) {
		return variant(key, currentContext(), defaultVariant);
	}

	@Override
	public String variant(String key, FlagContext context, String defaultVariant) {
		FlagSnapshot snapshot = snapshot();
		if (this.listeners.length == 0) {
			String variant = snapshot.variant(key, context, defaultVariant);
			return (variant != null) ? variant : defaultVariant;
		}
		return notify(key, snapshot.evaluate(key, context, false, defaultVariant), context, snapshot)
			.variantOr(defaultVariant);
	}

	@Override
	public Evaluation evaluate(String key) {
		return evaluate(key, currentContext());
	}

	@Override
	public Evaluation evaluate(String key, FlagContext context) {
		FlagSnapshot snapshot = snapshot();
		Evaluation evaluation = snapshot.evaluate(key, context);
		return (this.listeners.length != 0) ? notify(key, evaluation, context, snapshot) : evaluation;
	}

	@Override
	public void track(FlagContext context, String metric, double value) {
		ResultsStore.requireMetricName(metric);
		ResultsStore.requireFiniteValue(metric, value);
		if (this.conversionListeners.length == 0) {
			return;
		}
		FlagSnapshot snapshot = snapshot();
		for (ConversionListener listener : this.conversionListeners) {
			try {
				listener.onConversion(context, metric, value, snapshot);
			}
			catch (RuntimeException ex) {
				failed(listener, ex);
			}
		}
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

	private Evaluation notify(String key, Evaluation evaluation, FlagContext context, FlagSnapshot snapshot) {
		for (FlagEvaluationListener listener : this.listeners) {
			try {
				listener.onEvaluation(key, evaluation, context, snapshot);
			}
			catch (RuntimeException ex) {
				failed(listener, ex);
			}
		}
		return evaluation;
	}

	private void failed(Object listener, RuntimeException ex) {
		// Logged once: a listener failing on every call must not flood the log from the hot path.
		if (!this.listenerFailureLogged) {
			this.listenerFailureLogged = true;
			logger.warn("Flag listener " + listener.getClass().getName() + " failed; further failures are not logged",
					ex);
		}
	}

}
