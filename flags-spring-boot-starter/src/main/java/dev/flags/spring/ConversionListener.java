package dev.flags.spring;

import dev.flags.core.eval.FlagSnapshot;
import dev.flags.core.model.FlagContext;

/**
 * Told of every metric event {@link FlagService#track(FlagContext, String, double)} reports, for
 * experiment results or analytics. Declare beans of this type; {@link DefaultFlagService} calls
 * them in order on the caller's thread. A listener that throws is ignored; the caller goes on.
 */
@FunctionalInterface
public interface ConversionListener {

	/**
	 * Called with a metric event.
	 * @param context who the event is for
	 * @param metric the metric's name
	 * @param value the event's value (1 for a plain conversion)
	 * @param snapshot the definitions current for the caller, which say how each flag buckets the
	 * context
	 */
	void onConversion(FlagContext context, String metric, double value, FlagSnapshot snapshot);

}
