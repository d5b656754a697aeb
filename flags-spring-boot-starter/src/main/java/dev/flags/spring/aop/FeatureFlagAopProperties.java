package dev.flags.spring.aop;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration of the {@link dev.flags.spring.FeatureFlag @FeatureFlag} gating.
 */
@ConfigurationProperties("flags.aop")
public class FeatureFlagAopProperties {

	/**
	 * Whether methods annotated with @FeatureFlag are gated.
	 */
	private boolean enabled = true;

	/**
	 * Order of the feature flag advisor among other advisors; lower values run first. The default
	 * checks the flag before transactions, caching and method security.
	 */
	private int order = 0;

	/**
	 * Whether methods annotated with {@code @FeatureFlag} are gated.
	 * @return true when gated
	 */
	public boolean isEnabled() {
		return this.enabled;
	}

	/**
	 * Sets whether methods annotated with {@code @FeatureFlag} are gated.
	 * @param enabled true to gate them
	 */
	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	/**
	 * The order of the feature flag advisor among other advisors.
	 * @return the order; lower values run first
	 */
	public int getOrder() {
		return this.order;
	}

	/**
	 * Sets the order of the feature flag advisor among other advisors.
	 * @param order the order; lower values run first
	 */
	public void setOrder(int order) {
		this.order = order;
	}

}
