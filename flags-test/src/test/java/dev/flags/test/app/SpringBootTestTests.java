package dev.flags.test.app;

import java.util.concurrent.atomic.AtomicReference;

import dev.flags.core.model.Evaluation;
import dev.flags.core.model.Reason;
import dev.flags.spring.FlagService;
import dev.flags.test.FlagControl;
import dev.flags.test.FlagOverrides;
import dev.flags.test.FlagStates;
import dev.flags.test.FlagStatesTest;
import dev.flags.test.FlagVariants;
import dev.flags.test.WithFlag;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link WithFlag}, {@link FlagStatesTest} and {@link FlagControl} in a
 * {@code @SpringBootTest}: flags are forced in the application context's {@link FlagService}.
 */
@SpringBootTest(classes = TestApplication.class)
@WithFlag("new-search")
class SpringBootTestTests {

	private static final AtomicReference<ApplicationContext> firstContext = new AtomicReference<>();

	@Autowired
	private ApplicationContext context;

	@Autowired
	private CheckoutService checkout;

	@Autowired
	private FlagService flags;

	@Autowired
	private FlagOverrides overrides;

	private String pageInBeforeEach;

	@BeforeEach
	void rememberContext() {
		firstContext.compareAndSet(null, this.context);
		this.pageInBeforeEach = this.checkout.checkoutPage();
	}

	@AfterEach
	void contextIsNeverRestarted() {
		assertThat(this.context).isSameAs(firstContext.get());
	}

	@Test
	void flagsFollowTheDefinitionsUnlessForced() {
		assertThat(this.checkout.checkoutPage()).isEqualTo("checkout");
		assertThat(this.flags.evaluate("new-checkout")).isEqualTo(new Evaluation(false, null, Reason.ROLLOUT, null));
	}

	@Test
	@WithFlag("new-checkout")
	void forcesAFlagOnInTheApplicationContext() {
		assertThat(this.checkout.checkoutPage()).isEqualTo("checkout-v2");
		assertThat(this.pageInBeforeEach).isEqualTo("checkout-v2");
		assertThat(this.flags.evaluate("new-checkout")).isEqualTo(new Evaluation(true, null, Reason.ROLLOUT, null));
	}

	@Test
	@WithFlag(value = "pricing", variant = "treatment")
	void forcesAVariant() {
		assertThat(this.checkout.price()).isEqualTo(90);
	}

	@Test
	@WithFlag(value = "pricing", enabled = false)
	void forcesAFlagOff() {
		assertThat(this.checkout.price()).isEqualTo(100);
		assertThat(this.flags.evaluate("pricing").reason()).isEqualTo(Reason.DISABLED);
	}

	@Test
	void appliesTheClassDeclaration() {
		assertThat(this.checkout.searchPage()).isEqualTo("search-v2");
	}

	@Test
	@WithFlag(value = "new-search", enabled = false)
	void methodWinsOverClass(FlagStates states) {
		assertThat(this.checkout.searchPage()).isEqualTo("search");
		assertThat(states).hasToString("new-search=off");
	}

	@Test
	void flipsAFlagMidTest(FlagControl control) {
		control.enable("new-checkout");
		assertThat(this.checkout.checkoutPage()).isEqualTo("checkout-v2");
		control.disable("new-checkout");
		assertThat(this.checkout.checkoutPage()).isEqualTo("checkout");
		control.enable("pricing", "treatment");
		assertThat(this.checkout.price()).isEqualTo(90);
		assertThat(this.overrides.forced()).containsOnlyKeys("new-search", "new-checkout", "pricing");
	}

	@FlagStatesTest(value = "new-checkout",
			variants = @FlagVariants(flag = "pricing", value = { "control", "treatment" }))
	void runsOncePerState(FlagStates states) {
		assertThat(this.checkout.checkoutPage())
			.isEqualTo(states.isEnabled("new-checkout") ? "checkout-v2" : "checkout");
		assertThat(this.checkout.price()).isEqualTo("treatment".equals(states.variant("pricing")) ? 90 : 100);
		assertThat(this.checkout.searchPage()).isEqualTo("search-v2");
	}

	@Nested
	@WithFlag("new-checkout")
	class NestedTests {

		@Autowired
		private ApplicationContext nestedContext;

		@Test
		void usesTheSameContextWithTheNestedDeclarations() {
			assertThat(this.nestedContext).isSameAs(SpringBootTestTests.this.context);
			assertThat(SpringBootTestTests.this.checkout.checkoutPage()).isEqualTo("checkout-v2");
			assertThat(SpringBootTestTests.this.checkout.searchPage()).isEqualTo("search-v2");
		}

		@Test
		@WithFlag(value = "new-checkout", enabled = false)
		void methodWinsOverTheNestedClass() {
			assertThat(SpringBootTestTests.this.checkout.checkoutPage()).isEqualTo("checkout");
		}

	}

}
