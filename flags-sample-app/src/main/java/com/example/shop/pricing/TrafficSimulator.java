package com.example.shop.pricing;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

import dev.flags.core.model.FlagContext;
import dev.flags.spring.FlagService;

import org.springframework.stereotype.Component;

/**
 * Sends synthetic visitors through the pricing experiment, so that a newcomer sees its results
 * fill in at {@code /actuator/experiments/pricing-page}. Each visitor sees the page (an exposure)
 * and subscribes with a chance that depends on the variant: showing the annual price first has a
 * small true effect on subscriptions (10 % to 11.5 %) and a large one on the plan chosen, hence on
 * revenue. The analysis does not know these numbers; it has to find them.
 */
@Component
class TrafficSimulator {

	/** The most visitors one call may send. */
	static final int MAX_VISITORS = 100_000;

	private final FlagService flags;

	private final AtomicLong visitors = new AtomicLong();

	TrafficSimulator(FlagService flags) {
		this.flags = flags;
	}

	/**
	 * Sends visitors through the experiment.
	 * @param count how many, 1 to {@value #MAX_VISITORS}
	 * @param random the source of the visitors' choices
	 * @return the visitors and subscriptions per variant
	 */
	Map<String, Map<String, Long>> simulate(int count, Random random) {
		if (count < 1 || count > MAX_VISITORS) {
			throw new IllegalArgumentException(
					"visitors must be between 1 and " + MAX_VISITORS + ", but was " + count);
		}
		Map<String, Map<String, Long>> outcome = new LinkedHashMap<>();
		for (int i = 0; i < count; i++) {
			FlagContext visitor = FlagContext.of("simulated-" + this.visitors.incrementAndGet());
			String variant = this.flags.variant(PricingController.EXPERIMENT, visitor, "control");
			boolean annualFirst = "annual-first".equals(variant);
			Map<String, Long> counts = outcome.computeIfAbsent(variant, (key) -> new LinkedHashMap<>());
			counts.merge("visitors", 1L, Long::sum);
			if (random.nextDouble() < (annualFirst ? 0.115 : 0.10)) {
				PricingController.Plan plan = (random.nextDouble() < (annualFirst ? 0.45 : 0.15))
						? PricingController.Plan.ANNUAL : PricingController.Plan.MONTHLY;
				this.flags.track(visitor, "subscribed");
				this.flags.track(visitor, "revenue", plan.price());
				counts.merge("subscribed", 1L, Long::sum);
			}
		}
		return outcome;
	}

}
