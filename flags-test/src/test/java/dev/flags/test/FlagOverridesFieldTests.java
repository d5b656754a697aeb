package dev.flags.test;

import dev.flags.core.model.FlagContext;
import dev.flags.core.registry.FlagRegistry;
import dev.flags.core.store.InMemoryFlagStore;
import dev.flags.spring.DefaultFlagService;
import dev.flags.spring.FlagService;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link WithFlag} and {@link FlagStatesTest} forcing flags in a {@link FlagOverrides}
 * field: a test that builds its own service over an in-memory store.
 */
class FlagOverridesFieldTests {

	private final FlagOverrides overrides = new FlagOverrides();

	private final FlagService flags = new DefaultFlagService(
			this.overrides.attach(new FlagRegistry(new InMemoryFlagStore())::snapshot), FlagContext::anonymous);

	@Test
	@WithFlag("new-checkout")
	void forcesFlagsInTheOverridesOfTheTest() {
		assertThat(this.flags.isEnabled("new-checkout")).isTrue();
	}

	@FlagStatesTest("new-checkout")
	void runsEachStateInTheOverridesOfTheTest(FlagStates states) {
		assertThat(this.flags.isEnabled("new-checkout")).isEqualTo(states.isEnabled("new-checkout"));
	}

}
