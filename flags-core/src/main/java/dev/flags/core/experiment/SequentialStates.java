package dev.flags.core.experiment;

/**
 * Combines sequential states kept by stores.
 */
final class SequentialStates {

	private SequentialStates() {
	}

	/**
	 * The smaller p-value of each metric and treatment of two states.
	 * @param kept the state kept so far
	 * @param look the state of a new look
	 * @return the merged state
	 */
	static SequentialState minimum(SequentialState kept, SequentialState look) {
		SequentialState merged = kept;
		for (var metric : look.minimumPValues().entrySet()) {
			for (var variant : metric.getValue().entrySet()) {
				merged = merged.withLook(metric.getKey(), variant.getKey(), variant.getValue());
			}
		}
		return merged;
	}

}
