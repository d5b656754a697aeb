package dev.flags.spring.aop;

import dev.flags.core.eval.FlagSnapshot;
import dev.flags.core.model.Evaluation;
import dev.flags.core.model.Flag;
import dev.flags.core.model.FlagContext;
import dev.flags.spring.FlagService;

/**
 * A {@link FlagService} over a snapshot that tests change flag by flag.
 */
class TestFlagService implements FlagService {

	private volatile FlagSnapshot snapshot = FlagSnapshot.empty();

	private volatile FlagContext currentContext = FlagContext.anonymous();

	void put(Flag flag) {
		this.snapshot = FlagSnapshot.of(this.snapshot.definitions().withFlag(flag));
	}

	void turnOn(String key) {
		put(Flag.builder(key).rollout(100).build());
	}

	void turnOff(String key) {
		put(Flag.builder(key).enabled(false).rollout(100).build());
	}

	void setCurrentContext(FlagContext currentContext) {
		this.currentContext = currentContext;
	}

	@Override
	public boolean isEnabled(String key) {
		return isEnabled(key, this.currentContext);
	}

	@Override
	public boolean isEnabled(String key, FlagContext context) {
		return this.snapshot.isEnabled(key, context);
	}

	@Override
	public String variant(String key, String defaultVariant) {
		return variant(key, this.currentContext, defaultVariant);
	}

	@Override
	public String variant(String key, FlagContext context, String defaultVariant) {
		return this.snapshot.evaluate(key, context).variantOr(defaultVariant);
	}

	@Override
	public Evaluation evaluate(String key) {
		return evaluate(key, this.currentContext);
	}

	@Override
	public Evaluation evaluate(String key, FlagContext context) {
		return this.snapshot.evaluate(key, context);
	}

	@Override
	public FlagContext currentContext() {
		return this.currentContext;
	}

	@Override
	public FlagSnapshot snapshot() {
		return this.snapshot;
	}

}
