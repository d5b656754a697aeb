package dev.flags.core.experiment;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class HolmCorrectionTests {

	@Test
	void singlePValueIsUnchanged() {
		assertThat(HolmCorrection.adjust(new double[] { 0.03 })).containsExactly(0.03);
	}

	@Test
	void stepsDownAndKeepsTheAdjustedValuesMonotone() {
		// sorted 0.01, 0.03, 0.04 → 3·0.01, 2·0.03, max(0.06, 1·0.04)
		assertThat(HolmCorrection.adjust(new double[] { 0.01, 0.04, 0.03 })).containsExactly(new double[] { 0.03, 0.06, 0.06 },
				within(1e-15));
	}

	@Test
	void adjustedValuesAreCappedAtOne() {
		assertThat(HolmCorrection.adjust(new double[] { 0.6, 0.5, 1.0 })).containsExactly(1.0, 1.0, 1.0);
	}

	@Test
	void tiesAreAdjustedAlike() {
		assertThat(HolmCorrection.adjust(new double[] { 0.02, 0.02 })).containsExactly(new double[] { 0.04, 0.04 },
				within(1e-15));
	}

}
