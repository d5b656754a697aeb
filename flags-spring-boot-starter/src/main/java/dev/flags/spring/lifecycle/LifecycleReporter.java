package dev.flags.spring.lifecycle;

import java.util.Collection;
import java.util.function.Supplier;

import dev.flags.core.lifecycle.FlagReference;
import dev.flags.core.lifecycle.LifecycleInspector;
import dev.flags.core.lifecycle.LifecycleReport;
import dev.flags.core.model.Definitions;
import dev.flags.core.registry.FlagRegistry;

/**
 * Reports on the lifecycle of the flags the registry serves now, against the references of the
 * application's code: for the actuator endpoint, the metrics and the startup check.
 */
public final class LifecycleReporter {

	private final FlagRegistry registry;

	private final LifecycleInspector inspector;

	private final Supplier<? extends Collection<FlagReference>> references;

	/**
	 * Creates a reporter.
	 * @param registry the registry whose snapshot is reported on
	 * @param inspector makes the reports
	 * @param references where the application's code references flags
	 */
	public LifecycleReporter(FlagRegistry registry, LifecycleInspector inspector,
			Supplier<? extends Collection<FlagReference>> references) {
		this.registry = registry;
		this.inspector = inspector;
		this.references = references;
	}

	/**
	 * The lifecycle of the flags now.
	 * @return the report
	 */
	public LifecycleReport report() {
		return report(this.registry.snapshot().definitions());
	}

	/**
	 * The lifecycle of the given flags now.
	 * @param definitions the flags, such as those of a snapshot already in hand
	 * @return the report, its flags in the same order
	 */
	public LifecycleReport report(Definitions definitions) {
		return this.inspector.inspect(definitions, this.references.get());
	}

	/**
	 * The registry reported on.
	 * @return the registry
	 */
	public FlagRegistry registry() {
		return this.registry;
	}

}
