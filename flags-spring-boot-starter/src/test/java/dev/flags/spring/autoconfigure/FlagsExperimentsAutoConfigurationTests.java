package dev.flags.spring.autoconfigure;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import dev.flags.core.experiment.FileResultsStore;
import dev.flags.core.experiment.InMemoryResultsStore;
import dev.flags.core.experiment.ResultsStore;
import dev.flags.core.experiment.Status;
import dev.flags.core.lifecycle.ExperimentConclusions;
import dev.flags.core.model.FlagContext;
import dev.flags.spring.FlagService;
import dev.flags.spring.experiment.ConversionTracker;
import dev.flags.spring.experiment.Experiments;
import dev.flags.spring.experiment.ExposureEvent;
import dev.flags.spring.experiment.ExposureMetrics;
import dev.flags.spring.experiment.ExposureTracker;
import dev.flags.spring.experiment.RedisResultsStore;
import dev.flags.spring.redis.RedisServer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationListener;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link FlagsExperimentsAutoConfiguration}.
 */
class FlagsExperimentsAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withPropertyValues("flags.refresh-interval=0", "flags.definitions.flags.pricing.kind=experiment",
				"flags.definitions.flags.pricing.rollout=100", "flags.definitions.flags.pricing.variants[0].name=control",
				"flags.definitions.flags.pricing.variants[0].weight=50",
				"flags.definitions.flags.pricing.variants[1].name=annual-first",
				"flags.definitions.flags.pricing.variants[1].weight=50",
				"flags.experiments.designs.pricing.metrics.subscribed.minimum-detectable-effect=0.1")
		.withConfiguration(AutoConfigurations.of(FlagsAutoConfiguration.class, FlagsExperimentsAutoConfiguration.class));

	@TempDir
	Path directory;

	@Test
	void exposuresAndConversionsReachTheInMemoryStoreByDefault() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(InMemoryResultsStore.class)
				.hasSingleBean(ExposureTracker.class)
				.hasSingleBean(ConversionTracker.class)
				.hasSingleBean(Experiments.class)
				.doesNotHaveBean(ExposureMetrics.class);
			FlagService flags = context.getBean(FlagService.class);
			String variant = flags.variant("pricing", FlagContext.of("user-1"), "control");
			flags.track(FlagContext.of("user-1"), "subscribed");
			ResultsStore store = context.getBean(ResultsStore.class);
			assertThat(store.tally("pricing").users()).containsEntry(variant, 1L);
			assertThat(store.tally("pricing").sums().get("subscribed").get(variant).sum()).isEqualTo(1);
			assertThat(context.getBean(Experiments.class).report("pricing")).get()
				.satisfies((report) -> assertThat(report.metrics()).hasSize(1));
		});
	}

	@Test
	void theLifecycleReadsConclusionsFromTheExperimentsAnalysis() {
		this.contextRunner.withConfiguration(AutoConfigurations.of(FlagsLifecycleAutoConfiguration.class))
			.run((context) -> {
				assertThat(context).hasSingleBean(ExperimentConclusions.class);
				ExperimentConclusions conclusions = context.getBean(ExperimentConclusions.class);
				// Nobody exposed yet: the analysis says keep running, so nothing is concluded.
				assertThat(context.getBean(Experiments.class).report("pricing").orElseThrow().status())
					.isNotIn(Status.VARIANT_WINS, Status.NO_DIFFERENCE);
				assertThat(conclusions.conclusion("pricing")).isNull();
				assertThat(conclusions.conclusion("not-an-experiment")).isNull();
			});
	}

	@Test
	void exposuresArePublishedAsApplicationEventsAndCounted() {
		this.contextRunner.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
			.withBean(ExposureEvents.class, ExposureEvents::new)
			.run((context) -> {
				String variant = context.getBean(FlagService.class).variant("pricing", FlagContext.of("user-1"), "x");
				assertThat(context.getBean(ExposureEvents.class).last).isNotNull()
					.satisfies((event) -> assertThat(event.variant()).isEqualTo(variant));
				assertThat(context.getBean(MeterRegistry.class)
					.get(ExposureMetrics.METER)
					.tags("experiment", "pricing", "variant", variant)
					.counter()
					.count()).isEqualTo(1);
			});
	}

	@Test
	void theFileStoreIsChosenByItsPathAndWrittenOnShutdown() {
		Path file = this.directory.resolve("results.tsv");
		this.contextRunner.withPropertyValues("flags.experiments.results.file.path=" + file).run((context) -> {
			assertThat(context).hasSingleBean(FileResultsStore.class);
			context.getBean(FlagService.class).variant("pricing", FlagContext.of("user-1"), "control");
		});
		assertThat(file).exists();
		try (FileResultsStore reopened = new FileResultsStore(file, Duration.ZERO)) {
			assertThat(reopened.tally("pricing").totalUsers()).isEqualTo(1);
		}
	}

	@Test
	void theRedisStoreNeedsAConnectionFactory() {
		this.contextRunner.withPropertyValues("flags.experiments.results.store=redis").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("flags.experiments.results.store")
				.hasMessageContaining("RedisConnectionFactory");
		});
	}

	@Test
	void theRedisStoreIsWrittenFromAQueueWhenChosen() {
		try (RedisServer server = RedisServer.start()) {
			this.contextRunner.withPropertyValues("flags.experiments.results.store=redis")
				.withBean(RedisConnectionFactory.class, () -> connect(server))
				.run((context) -> {
					assertThat(context).hasSingleBean(RedisResultsStore.class);
					FlagService flags = context.getBean(FlagService.class);
					flags.variant("pricing", FlagContext.of("user-1"), "control");
					flags.track(FlagContext.of("user-1"), "subscribed");
				});
			// Closing the context wrote what was queued, the exposure before the conversion.
			LettuceConnectionFactory reader = connect(server);
			try {
				ResultsStore store = new RedisResultsStore(reader, "flags");
				assertThat(store.tally("pricing").totalUsers()).isEqualTo(1);
				assertThat(store.tally("pricing").sums()).containsKey("subscribed");
			}
			finally {
				reader.destroy();
			}
		}
	}

	private static LettuceConnectionFactory connect(RedisServer server) {
		LettuceConnectionFactory factory = new LettuceConnectionFactory(
				new RedisStandaloneConfiguration("127.0.0.1", server.port()));
		factory.afterPropertiesSet();
		return factory;
	}

	@Test
	void aBadMetricFailsTheStartNamingTheProperty() {
		this.contextRunner
			.withPropertyValues("flags.experiments.designs.pricing.metrics.subscribed.minimum-detectable-effect=0")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause()
					.hasMessageContaining("flags.experiments.designs[pricing].metrics[subscribed].minimum-detectable-effect")
					.hasMessageContaining("greater than 0");
			});
	}

	@Test
	void everythingBacksOffWhenDisabled() {
		this.contextRunner.withPropertyValues("flags.experiments.enabled=false").run((context) -> {
			assertThat(context).hasNotFailed().doesNotHaveBean(ResultsStore.class).doesNotHaveBean(ExposureTracker.class);
			FlagService flags = context.getBean(FlagService.class);
			flags.variant("pricing", FlagContext.of("user-1"), "control");
			flags.track("subscribed");
		});
	}

	@Test
	void anApplicationsOwnStoreIsUsed() {
		this.contextRunner.withBean("myStore", ResultsStore.class, InMemoryResultsStore::new).run((context) -> {
			assertThat(context).hasSingleBean(ResultsStore.class);
			context.getBean(FlagService.class).variant("pricing", FlagContext.of("user-1"), "control");
			assertThat(context.getBean("myStore", ResultsStore.class).tally("pricing").totalUsers()).isEqualTo(1);
		});
	}

	@Test
	void theFileIsNotTouchedWhenTheStoreIsNotUsed() throws Exception {
		Path file = this.directory.resolve("unused.tsv");
		this.contextRunner.withPropertyValues("flags.experiments.results.file.path=" + file).run((context) -> {
			assertThat(context).hasNotFailed();
		});
		assertThat(Files.exists(file)).isFalse();
	}

	static final class ExposureEvents implements ApplicationListener<PayloadApplicationEvent<ExposureEvent>> {

		volatile @Nullable ExposureEvent last;

		@Override
		public void onApplicationEvent(PayloadApplicationEvent<ExposureEvent> event) {
			this.last = event.getPayload();
		}

	}

}
