package dev.flags.spring.aop;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import dev.flags.core.eval.Murmur3;
import dev.flags.core.model.Condition;
import dev.flags.core.model.Evaluation;
import dev.flags.core.model.Flag;
import dev.flags.core.model.FlagContext;
import dev.flags.core.model.Operator;
import dev.flags.core.model.Reason;
import dev.flags.core.model.Rule;
import dev.flags.spring.FeatureDisabledException;
import dev.flags.spring.FeatureFlag;
import dev.flags.spring.FeatureFlag.WhenDisabled;
import dev.flags.spring.FeatureNotFoundException;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.aop.support.AopUtils;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.aop.AopAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for gating methods annotated with {@link FeatureFlag @FeatureFlag}.
 */
class FeatureFlagInterceptionTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(AopAutoConfiguration.class, FeatureFlagAopAutoConfiguration.class))
		.withBean(TestFlagService.class, TestFlagService::new);

	@Test
	void methodRunsWhileFlagIsOn() {
		this.runner.withBean(PricingService.class).run((context) -> {
			flags(context).turnOn("new-pricing");
			assertThat(context.getBean(PricingService.class).price(new Order("c-1", 3))).isEqualTo(27);
		});
	}

	@Test
	void fallbackRunsWhileFlagIsOff() {
		this.runner.withBean(PricingService.class).run((context) -> {
			flags(context).turnOff("new-pricing");
			assertThat(context.getBean(PricingService.class).price(new Order("c-1", 3))).isEqualTo(30);
		});
	}

	@Test
	void missingFlagIsOff() {
		this.runner.withBean(PricingService.class)
			.run((context) -> assertThat(context.getBean(PricingService.class).price(new Order("c-1", 3)))
				.isEqualTo(30));
	}

	@Test
	void fallbackReceivesEvaluationAsExtraLastArgument() {
		this.runner.withBean(QuoteService.class).run((context) -> {
			QuoteService quotes = context.getBean(QuoteService.class);
			flags(context).turnOff("new-quote");
			assertThat(quotes.quote("c-1", 2)).isEqualTo("old c-1 x2 DISABLED");
			flags(context).turnOn("new-quote");
			assertThat(quotes.quote("c-1", 2)).isEqualTo("new c-1 x2");
		});
	}

	@Test
	void serviceMethodWithoutFallbackThrowsNamingFlagAndReason() {
		this.runner.withBean(PricingService.class).run((context) -> {
			flags(context).turnOff("new-discount");
			PricingService pricing = context.getBean(PricingService.class);
			assertThatExceptionOfType(FeatureDisabledException.class).isThrownBy(() -> pricing.discount("c-1"))
				.isNotInstanceOf(FeatureNotFoundException.class)
				.withMessageContaining("'new-discount'")
				.withMessageContaining("DISABLED")
				.withMessageContaining("PricingService.discount(String)")
				.satisfies((ex) -> {
					assertThat(ex.getFlag()).isEqualTo("new-discount");
					assertThat(ex.getEvaluation().reason()).isEqualTo(Reason.DISABLED);
				});
			flags(context).turnOn("new-discount");
			assertThat(pricing.discount("c-1")).isEqualTo(5);
		});
	}

	@Test
	void classLevelAnnotationGatesEveryPublicMethod() {
		this.runner.withBean(ReportService.class).run((context) -> {
			ReportService reports = context.getBean(ReportService.class);
			flags(context).turnOff("beta-reports");
			assertThatExceptionOfType(FeatureDisabledException.class).isThrownBy(reports::daily);
			assertThatExceptionOfType(FeatureDisabledException.class).isThrownBy(reports::weekly);
			assertThat(reports.monthly()).isEqualTo("monthly (legacy)");
			assertThat(reports).hasToString("reports");
			flags(context).turnOn("beta-reports");
			assertThat(reports.daily()).isEqualTo("daily");
			assertThat(reports.weekly()).isEqualTo("weekly");
			assertThat(reports.monthly()).isEqualTo("monthly");
		});
	}

	@ParameterizedTest(name = "proxyTargetClass={0}")
	@ValueSource(booleans = { true, false })
	void annotationOnInterfaceMethodGatesImplementation(boolean proxyTargetClass) {
		this.runner.withPropertyValues("spring.aop.proxy-target-class=" + proxyTargetClass)
			.withBean(SearchService.class, DefaultSearchService::new)
			.run((context) -> {
				SearchService search = context.getBean(SearchService.class);
				assertThat(proxyTargetClass ? AopUtils.isCglibProxy(search) : AopUtils.isJdkDynamicProxy(search))
					.isTrue();
				flags(context).turnOff("new-search");
				assertThat(search.search("shoes")).isEqualTo("legacy results for shoes");
				flags(context).turnOn("new-search");
				assertThat(search.search("shoes")).isEqualTo("new results for shoes");
			});
	}

	@ParameterizedTest(name = "proxyTargetClass={0}")
	@ValueSource(booleans = { true, false })
	void annotationOnInterfaceGatesItsMethods(boolean proxyTargetClass) {
		this.runner.withPropertyValues("spring.aop.proxy-target-class=" + proxyTargetClass)
			.withBean(InboxService.class, DefaultInboxService::new)
			.run((context) -> {
				InboxService inbox = context.getBean(InboxService.class);
				assertThat(proxyTargetClass ? AopUtils.isCglibProxy(inbox) : AopUtils.isJdkDynamicProxy(inbox))
					.isTrue();
				flags(context).turnOff("new-inbox");
				assertThat(inbox.messages()).isEmpty();
				assertThat(inbox.unread()).isEmpty();
				flags(context).turnOn("new-inbox");
				assertThat(inbox.messages()).containsExactly("hello");
				assertThat(inbox.unread()).hasValue(1);
			});
	}

	@Test
	void classWithoutInterfaceIsGatedThroughClassProxyEvenWhenInterfaceProxiesArePreferred() {
		this.runner.withPropertyValues("spring.aop.proxy-target-class=false")
			.withBean(PricingService.class)
			.run((context) -> {
				PricingService pricing = context.getBean(PricingService.class);
				assertThat(AopUtils.isCglibProxy(pricing)).isTrue();
				flags(context).turnOff("new-pricing");
				assertThat(pricing.price(new Order("c-1", 1))).isEqualTo(10);
			});
	}

	@Test
	void enabledWhenFalseRunsOnlyWhileFlagIsOff() {
		this.runner.withBean(ExportService.class).run((context) -> {
			ExportService export = context.getBean(ExportService.class);
			flags(context).turnOff("kill-legacy-export");
			assertThat(export.legacyExport()).isEqualTo("legacy export");
			flags(context).turnOn("kill-legacy-export");
			assertThatExceptionOfType(FeatureDisabledException.class).isThrownBy(export::legacyExport)
				.withMessageContaining("'kill-legacy-export' is on")
				.withMessageContaining("runs only while it is off");
			assertThat(export.exportWithFallback()).isEqualTo("new export");
		});
	}

	@Test
	void returnsEmptyValuesWhileOffWhenAnnotationSaysSo() {
		this.runner.withBean(CatalogService.class).run((context) -> {
			CatalogService catalog = context.getBean(CatalogService.class);
			flags(context).turnOff("catalog");
			assertThat(catalog.featured()).isEmpty();
			assertThat(catalog.rating()).isEmpty();
			assertThat(catalog.items()).isEmpty();
			assertThat(catalog.tags()).isEmpty();
			assertThat(catalog.stock()).isEmpty();
			assertThat(catalog.sortedStock()).isEmpty();
			assertThat(catalog.names()).isEmpty();
			assertThat(catalog.names()).isEmpty();
			assertThat(catalog.codes()).isEmpty();
			catalog.refresh();
			assertThat(catalog.calls()).isZero();
			flags(context).turnOn("catalog");
			assertThat(catalog.featured()).contains("lamp");
			assertThat(catalog.items()).containsExactly("lamp");
			assertThat(catalog.names()).containsExactly("lamp");
			catalog.refresh();
			assertThat(catalog.calls()).isEqualTo(4);
		});
	}

	@Test
	void voidMethodWithoutEmptyBehaviourThrowsWhileOff() {
		this.runner.withBean(ExportService.class).run((context) -> {
			ExportService export = context.getBean(ExportService.class);
			flags(context).turnOff("nightly-export");
			assertThatExceptionOfType(FeatureDisabledException.class).isThrownBy(export::nightly);
			assertThat(export.runs()).isZero();
			flags(context).turnOn("nightly-export");
			export.nightly();
			assertThat(export.runs()).isOne();
		});
	}

	@Test
	void completableFutureRunsWhileOn() {
		this.runner.withBean(MailService.class).run((context) -> {
			flags(context).turnOn("new-mailer");
			assertThat(context.getBean(MailService.class).send("ann")).succeedsWithin(TIMEOUT).isEqualTo("sent to ann");
		});
	}

	@Test
	void completableFutureFailsWhileOffWithoutFallback() {
		this.runner.withBean(MailService.class).run((context) -> {
			flags(context).turnOff("new-mailer");
			CompletableFuture<String> sent = context.getBean(MailService.class).send("ann");
			assertThat(sent).failsWithin(TIMEOUT)
				.withThrowableThat()
				.havingCause()
				.isInstanceOf(FeatureDisabledException.class)
				.withMessageContaining("'new-mailer'");
		});
	}

	@Test
	void completableFutureOfFallbackWhileOff() {
		this.runner.withBean(MailService.class).run((context) -> {
			flags(context).turnOff("new-mailer");
			assertThat(context.getBean(MailService.class).sendOrQueue("ann")).succeedsWithin(TIMEOUT)
				.isEqualTo("queued for ann");
		});
	}

	@Test
	void completableFutureOfEmptyValueWhileOff() {
		this.runner.withBean(MailService.class).run((context) -> {
			flags(context).turnOff("new-mailer");
			assertThat(context.getBean(MailService.class).outbox()).succeedsWithin(TIMEOUT).isEqualTo(List.of());
		});
	}

	@Test
	void unitFromArgumentDecidesPerCustomer() {
		String inside = customer("ramp-pricing", true);
		String outside = customer("ramp-pricing", false);
		this.runner.withBean(RampPricingService.class).run((context) -> {
			RampPricingService pricing = context.getBean(RampPricingService.class);
			flags(context).put(Flag.builder("ramp-pricing").rollout(50).build());
			assertThat(pricing.price(new Order(inside, 1))).isEqualTo("new price for " + inside);
			assertThat(pricing.price(new Order(outside, 1))).isEqualTo("old price for " + outside);
			assertThat(pricing.priceByPosition(new Order(inside, 1))).isEqualTo("new");
			assertThat(pricing.priceByPosition(new Order(outside, 1))).isEqualTo("old");
		});
	}

	@Test
	void unitReplacesOnlyTheKeyOfTheCurrentContext() {
		String inside = customer("ramp-pricing", true);
		String outside = customer("ramp-pricing", false);
		this.runner.withBean(RampPricingService.class).run((context) -> {
			RampPricingService pricing = context.getBean(RampPricingService.class);
			// only enterprise contexts reach the ramp, so the current context's plan must survive
			flags(context).put(Flag.builder("ramp-pricing")
				.rule(Rule.rollout(50, Condition.of("plan", Operator.IN, "enterprise")))
				.build());
			flags(context).setCurrentContext(FlagContext.of("worker-1", Map.of("plan", "enterprise")));
			assertThat(pricing.price(new Order(inside, 1))).startsWith("new");
			assertThat(pricing.price(new Order(outside, 1))).startsWith("old");
			flags(context).setCurrentContext(FlagContext.of("worker-1", Map.of("plan", "free")));
			assertThat(pricing.price(new Order(inside, 1))).startsWith("old");
		});
	}

	@Test
	void nullUnitDecidesWithoutKey() {
		this.runner.withBean(RampPricingService.class).run((context) -> {
			flags(context).put(Flag.builder("ramp-pricing").rollout(50).build());
			flags(context).setCurrentContext(FlagContext.of(customer("ramp-pricing", true)));
			assertThat(context.getBean(RampPricingService.class).price(new Order(null, 1)))
				.isEqualTo("old price for null");
		});
	}

	@Test
	void unitExpressionThatCannotBeEvaluatedFailsTheCallNamingTheExpression() {
		this.runner.withBean(RampPricingService.class).run((context) -> {
			flags(context).put(Flag.builder("ramp-pricing").rollout(50).build());
			assertThatExceptionOfType(IllegalArgumentException.class)
				.isThrownBy(() -> context.getBean(RampPricingService.class).price(null))
				.withMessageContaining("'#order.customerId'")
				.withMessageContaining("RampPricingService.price(Order)");
		});
	}

	@Test
	void metaAnnotationGates() {
		this.runner.withBean(CheckoutService.class).run((context) -> {
			CheckoutService checkout = context.getBean(CheckoutService.class);
			flags(context).turnOff("new-checkout");
			assertThat(checkout.checkout()).isEmpty();
			flags(context).turnOn("new-checkout");
			assertThat(checkout.checkout()).contains("one page");
		});
	}

	@Test
	void selfInvocationIsNotGated() {
		this.runner.withBean(PricingService.class).run((context) -> {
			flags(context).turnOff("new-discount");
			assertThat(context.getBean(PricingService.class).discountViaSelf("c-1")).isEqualTo(5);
		});
	}

	private static TestFlagService flags(AssertableApplicationContext context) {
		return context.getBean(TestFlagService.class);
	}

	/**
	 * A customer id whose rollout bucket for a flag at 50 % is admitted, or not, by spec §3:
	 * {@code bucket(salt + ":" + unit) < round(50 * 1000)}.
	 */
	private static String customer(String salt, boolean admitted) {
		for (int i = 0;; i++) {
			String id = "customer-" + i;
			if ((Murmur3.bucket(salt + ":" + id) < 50_000) == admitted) {
				return id;
			}
		}
	}

	record Order(@Nullable String customerId, int quantity) {
	}

	static class PricingService {

		@FeatureFlag(value = "new-pricing", fallback = "oldPrice")
		public int price(Order order) {
			return order.quantity() * 9;
		}

		public int oldPrice(Order order) {
			return order.quantity() * 10;
		}

		@FeatureFlag("new-discount")
		public int discount(String customerId) {
			return 5;
		}

		public int discountViaSelf(String customerId) {
			return discount(customerId);
		}

	}

	static class QuoteService {

		@FeatureFlag(value = "new-quote", fallback = "oldQuote")
		public String quote(String customerId, int quantity) {
			return "new " + customerId + " x" + quantity;
		}

		String oldQuote(String customerId, int quantity, Evaluation evaluation) {
			return "old " + customerId + " x" + quantity + " " + evaluation.reason();
		}

	}

	@FeatureFlag("beta-reports")
	static class ReportService {

		public String daily() {
			return "daily";
		}

		public String weekly() {
			return "weekly";
		}

		@FeatureFlag(value = "beta-reports", fallback = "legacyMonthly")
		public String monthly() {
			return "monthly";
		}

		public String legacyMonthly() {
			return "monthly (legacy)";
		}

		@Override
		public String toString() {
			return "reports";
		}

	}

	interface SearchService {

		@FeatureFlag(value = "new-search", fallback = "legacySearch")
		String search(String query);

	}

	static class DefaultSearchService implements SearchService {

		@Override
		public String search(String query) {
			return "new results for " + query;
		}

		public String legacySearch(String query) {
			return "legacy results for " + query;
		}

	}

	@FeatureFlag(value = "new-inbox", whenDisabled = WhenDisabled.RETURN_EMPTY)
	interface InboxService {

		List<String> messages();

		OptionalInt unread();

	}

	static class DefaultInboxService implements InboxService {

		@Override
		public List<String> messages() {
			return List.of("hello");
		}

		@Override
		public OptionalInt unread() {
			return OptionalInt.of(1);
		}

	}

	static class ExportService {

		private int runs;

		public int runs() {
			return this.runs;
		}

		@FeatureFlag(value = "kill-legacy-export", enabledWhen = false)
		public String legacyExport() {
			return "legacy export";
		}

		@FeatureFlag(value = "kill-legacy-export", enabledWhen = false, fallback = "newExport")
		public String exportWithFallback() {
			return "legacy export";
		}

		public String newExport() {
			return "new export";
		}

		@FeatureFlag("nightly-export")
		public void nightly() {
			this.runs++;
		}

	}

	static class CatalogService {

		private int calls;

		// fields of a class-based proxy are its own, not the target's
		public int calls() {
			return this.calls;
		}

		@FeatureFlag(value = "catalog", whenDisabled = WhenDisabled.RETURN_EMPTY)
		public Optional<String> featured() {
			this.calls++;
			return Optional.of("lamp");
		}

		@FeatureFlag(value = "catalog", whenDisabled = WhenDisabled.RETURN_EMPTY)
		public OptionalInt rating() {
			return OptionalInt.of(5);
		}

		@FeatureFlag(value = "catalog", whenDisabled = WhenDisabled.RETURN_EMPTY)
		public List<String> items() {
			this.calls++;
			return new ArrayList<>(List.of("lamp"));
		}

		@FeatureFlag(value = "catalog", whenDisabled = WhenDisabled.RETURN_EMPTY)
		public Set<String> tags() {
			return Set.of("light");
		}

		@FeatureFlag(value = "catalog", whenDisabled = WhenDisabled.RETURN_EMPTY)
		public Map<String, Integer> stock() {
			return Map.of("lamp", 3);
		}

		@FeatureFlag(value = "catalog", whenDisabled = WhenDisabled.RETURN_EMPTY)
		public SortedMap<String, Integer> sortedStock() {
			return new TreeMap<>(Map.of("lamp", 3));
		}

		@FeatureFlag(value = "catalog", whenDisabled = WhenDisabled.RETURN_EMPTY)
		public Stream<String> names() {
			this.calls++;
			return Stream.of("lamp");
		}

		@FeatureFlag(value = "catalog", whenDisabled = WhenDisabled.RETURN_EMPTY)
		public String[] codes() {
			return new String[] { "L-1" };
		}

		@FeatureFlag(value = "catalog", whenDisabled = WhenDisabled.RETURN_EMPTY)
		public void refresh() {
			this.calls++;
		}

	}

	static class MailService {

		@FeatureFlag("new-mailer")
		public CompletableFuture<String> send(String to) {
			return CompletableFuture.completedFuture("sent to " + to);
		}

		@FeatureFlag(value = "new-mailer", fallback = "queue")
		public CompletableFuture<String> sendOrQueue(String to) {
			return CompletableFuture.completedFuture("sent to " + to);
		}

		public CompletableFuture<String> queue(String to) {
			return CompletableFuture.completedFuture("queued for " + to);
		}

		@FeatureFlag(value = "new-mailer", whenDisabled = WhenDisabled.RETURN_EMPTY)
		public CompletableFuture<List<String>> outbox() {
			return CompletableFuture.completedFuture(List.of("draft"));
		}

	}

	@Retention(RetentionPolicy.RUNTIME)
	@FeatureFlag(value = "new-checkout", whenDisabled = WhenDisabled.RETURN_EMPTY)
	@interface NewCheckout {

	}

	static class CheckoutService {

		@NewCheckout
		public Optional<String> checkout() {
			return Optional.of("one page");
		}

	}

	static class RampPricingService {

		@FeatureFlag(value = "ramp-pricing", unit = "#order.customerId", fallback = "oldPrice")
		public String price(@Nullable Order order) {
			return "new price for " + customerId(order);
		}

		public String oldPrice(@Nullable Order order) {
			return "old price for " + customerId(order);
		}

		private static @Nullable String customerId(@Nullable Order order) {
			return (order != null) ? order.customerId() : null;
		}

		@FeatureFlag(value = "ramp-pricing", unit = "#p0.customerId()", fallback = "oldPriceByPosition")
		public String priceByPosition(Order order) {
			return "new";
		}

		public String oldPriceByPosition(Order order) {
			return "old";
		}

	}

}
