package dev.flags.core.experiment;

import org.jspecify.annotations.Nullable;

/**
 * The number of users a fixed-horizon test needs to detect the metric's minimum detectable effect
 * with the design's power and alpha, and how far the experiment has come.
 *
 * @param requiredUsers the users needed across all variants, or null while the control's data
 * cannot give a baseline (no users yet, or a mean of 0)
 * @param users the users so far, across all variants
 * @param progress {@code users / requiredUsers}, at most 1, or null when the requirement is not
 * known
 */
public record SampleSize(@Nullable Long requiredUsers, long users, @Nullable Double progress) {

	/**
	 * Whether the required number of users is reached.
	 * @return whether the progress is 1
	 */
	public boolean isReached() {
		return this.progress != null && this.progress >= 1;
	}

}
