package dev.flags.spring.autoconfigure;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import dev.flags.core.audit.AuditQuery;
import dev.flags.core.audit.AuditRecord;
import dev.flags.core.audit.Change;
import dev.flags.core.eval.FlagSnapshot;
import dev.flags.core.model.Definitions;
import dev.flags.core.model.Flag;
import dev.flags.core.model.Evaluation;
import dev.flags.core.model.FlagContext;
import dev.flags.core.model.FlagKind;
import dev.flags.core.model.Reason;
import dev.flags.core.model.Segment;
import dev.flags.core.model.Variant;
import dev.flags.core.registry.FlagRegistry;
import dev.flags.core.store.FileFlagStore;
import dev.flags.core.store.FlagStore;
import dev.flags.core.store.InMemoryFlagStore;
import dev.flags.core.store.StoreListener;
import dev.flags.spring.DefaultFlagService;
import dev.flags.spring.FlagContextProvider;
import dev.flags.spring.FlagService;
import dev.flags.spring.FlagSnapshotProvider;
import dev.flags.spring.web.FlagContextResolver;
import dev.flags.spring.web.RequestFlagContextProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Tests for {@link FlagsAutoConfiguration}.
 */
class FlagsAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(FlagsAutoConfiguration.class, FlagsWebAutoConfiguration.class));

	@Test
	void configuresTheEngineWithoutWebBeansOutsideAWebApplication() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(InMemoryFlagStore.class)
				.hasSingleBean(FlagRegistry.class)
				.hasSingleBean(FlagRegistryRefresher.class)
				.hasSingleBean(FlagSnapshotProvider.class)
				.hasSingleBean(FlagContextProvider.class)
				.hasSingleBean(DefaultFlagService.class)
				.hasSingleBean(FlagsProperties.class)
				.doesNotHaveBean(FlagContextResolver.class)
				.doesNotHaveBean(RequestFlagContextProvider.class);
			assertThat(context.getBean(FlagContextProvider.class).currentContext()).isEqualTo(FlagContext.anonymous());
			assertThat(context.getBean(FlagRegistry.class).store()).isSameAs(context.getBean(FlagStore.class));
		});
	}

	@Test
	void userStoreReplacesTheConfiguredOne() {
		InMemoryFlagStore store = new InMemoryFlagStore(Definitions.of(List.of(on("mine")), List.of()));
		this.contextRunner.withBean("myStore", FlagStore.class, () -> store)
			.withPropertyValues("flags.definitions.flags.ignored.rollout=100")
			.run((context) -> {
				assertThat(context).hasSingleBean(FlagStore.class);
				assertThat(context.getBean(FlagRegistry.class).store()).isSameAs(store);
				FlagService flags = context.getBean(FlagService.class);
				assertThat(flags.isEnabled("mine", FlagContext.of("user-1"))).isTrue();
				assertThat(flags.snapshot().contains("ignored")).isFalse();
			});
	}

	@Test
	void userBeansReplaceEveryOtherBean() {
		FlagService service = new DefaultFlagService(FlagSnapshot::empty, FlagContext::anonymous);
		FlagContextProvider contexts = () -> FlagContext.of("fixed");
		FlagSnapshotProvider snapshots = FlagSnapshot::empty;
		this.contextRunner.withBean("myService", FlagService.class, () -> service)
			.withBean("myContexts", FlagContextProvider.class, () -> contexts)
			.withBean("mySnapshots", FlagSnapshotProvider.class, () -> snapshots)
			.run((context) -> {
				assertThat(context).getBean(FlagService.class).isSameAs(service);
				assertThat(context).getBean(FlagContextProvider.class).isSameAs(contexts);
				assertThat(context).getBean(FlagSnapshotProvider.class).isSameAs(snapshots);
			});
	}

	@Test
	void serviceUsesTheUsersContextProvider() {
		this.contextRunner.withBean("myContexts", FlagContextProvider.class, () -> () -> FlagContext.of("user-1"))
			.withPropertyValues("flags.definitions.flags.beta.include=user-1")
			.run((context) -> {
				FlagService flags = context.getBean(FlagService.class);
				assertThat(flags.currentContext().key()).isEqualTo("user-1");
				assertThat(flags.isEnabled("beta")).isTrue();
				assertThat(flags.isEnabled("beta", FlagContext.of("user-2"))).isFalse();
			});
	}

	@Test
	void userRegistryReplacesOurs() {
		this.contextRunner.withBean("myRegistry", FlagRegistry.class, () -> new FlagRegistry(new InMemoryFlagStore()))
			.run((context) -> assertThat(context).hasSingleBean(FlagRegistry.class)
				.getBean(FlagRegistry.class)
				.isSameAs(context.getBean("myRegistry")));
	}

	@Test
	void memoryStoreIsChosenByProperty() {
		this.contextRunner.withPropertyValues("flags.store.type=memory")
			.run((context) -> assertThat(context).hasSingleBean(InMemoryFlagStore.class));
	}

	@Test
	void autoStoreIsTheMemoryStoreWhenNothingElseIsAvailable() {
		this.contextRunner.withPropertyValues("flags.store.type=auto")
			.run((context) -> assertThat(context).hasSingleBean(InMemoryFlagStore.class));
	}

	@Test
	void fileStoreWithoutAPathFailsWithAClearMessage() {
		this.contextRunner.withPropertyValues("flags.store.type=file").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("flags.store.file.path");
		});
	}

	@Test
	void aFilePathChoosesTheFileStoreWhichSeedsAMissingFileFromConfiguration(@TempDir Path dir) {
		Path file = dir.resolve("flags.json");
		this.contextRunner
			.withPropertyValues("flags.store.file.path=" + file, "flags.definitions.flags.new-checkout.rollout=100")
			.run((context) -> {
				assertThat(context).hasSingleBean(FileFlagStore.class).doesNotHaveBean(InMemoryFlagStore.class);
				FlagService flags = context.getBean(FlagService.class);
				assertThat(flags.isEnabled("new-checkout", FlagContext.of("user-1"))).isTrue();
				FlagRegistry registry = context.getBean(FlagRegistry.class);
				Flag current = registry.snapshot().flag("new-checkout").orElseThrow();
				registry.save(current.withEnabled(false), current.currentVersion());
				assertThat(flags.isEnabled("new-checkout", FlagContext.of("user-1"))).isFalse();
			});
		assertThat(file).exists();
		// A restart keeps the change made at run time: the file wins over the configuration.
		this.contextRunner
			.withPropertyValues("flags.store.file.path=" + file, "flags.definitions.flags.new-checkout.rollout=100")
			.run((context) -> assertThat(
					context.getBean(FlagService.class).isEnabled("new-checkout", FlagContext.of("user-1")))
				.isFalse());
	}

	@Test
	void editsOfTheFileMadeOutsideTheApplicationAreAuditedAsTheConfiguredSystemActor(@TempDir Path dir) {
		Path file = dir.resolve("flags.json");
		this.contextRunner
			.withPropertyValues("flags.store.file.path=" + file, "flags.store.file.watch=false",
					"flags.audit.system-actor=config-repo", "flags.definitions.flags.new-checkout.rollout=10")
			.run((context) -> {
				FileFlagStore store = context.getBean(FileFlagStore.class);
				store.save(store.load().flag("new-checkout").orElseThrow().withRollout(BigDecimal.valueOf(20)), 1,
						Change.by("alice", "step 2"));
				Files.writeString(file, Files.readString(file).replace("\"rollout\" : 20", "\"rollout\" : 35.5"));
				assertThat(store.checkForChanges()).isTrue();
				assertThat(store.auditLog().read(AuditQuery.recent(5)).records())
					.extracting(AuditRecord::actor, AuditRecord::type)
					.containsExactly(tuple("config-repo", AuditRecord.Type.ROLLOUT_CHANGED),
							tuple("alice", AuditRecord.Type.ROLLOUT_CHANGED));
			});
	}

	@Test
	void memoryTypeWinsOverAFilePath(@TempDir Path dir) {
		this.contextRunner
			.withPropertyValues("flags.store.type=memory", "flags.store.file.path=" + dir.resolve("flags.json"))
			.run((context) -> assertThat(context).hasSingleBean(InMemoryFlagStore.class)
				.doesNotHaveBean(FileFlagStore.class));
	}

	@Test
	void unknownStoreTypeFailsStartup() {
		this.contextRunner.withPropertyValues("flags.store.type=carrier-pigeon").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).cause()
				.cause()
				.isInstanceOf(BindException.class)
				.hasMessageContaining("flags.store.type");
		});
	}

	@Test
	void definitionsFromPropertiesAreLoadedAndEvaluated() {
		this.contextRunner
			.withPropertyValues("flags.definitions.flags.new-checkout.rollout=100",
					"flags.definitions.flags.kill.enabled=false", "flags.definitions.flags.kill.rollout=100",
					"flags.definitions.flags.plan-gate.rules[0].when[0].attribute=plan",
					"flags.definitions.flags.plan-gate.rules[0].when[0].op=in",
					"flags.definitions.flags.plan-gate.rules[0].when[0].values=enterprise,team",
					"flags.definitions.flags[checkout.v2].rollout=100",
					"flags.definitions.flags[new_search].rollout=100")
			.run((context) -> {
				FlagService flags = context.getBean(FlagService.class);
				FlagContext user = FlagContext.of("user-1");
				assertThat(flags.isEnabled("new-checkout", user)).isTrue();
				assertThat(flags.isEnabled("kill", user)).isFalse();
				assertThat(flags.isEnabled("plan-gate", withAttribute("plan", "team"))).isTrue();
				assertThat(flags.isEnabled("plan-gate", withAttribute("plan", "free"))).isFalse();
				assertThat(flags.isEnabled("checkout.v2", user)).isTrue();
				assertThat(flags.isEnabled("new_search", user)).isTrue();
				assertThat(flags.snapshot().keys()).containsExactly("new-checkout", "kill", "plan-gate", "checkout.v2",
						"new_search");
			});
	}

	@Test
	void definitionsFromYamlKeepEveryFieldAndTheTypesOfValues() {
		this.contextRunner.withInitializer(new ConfigDataApplicationContextInitializer())
			.withPropertyValues("spring.config.import=classpath:flags/typed-definitions.yml")
			.run((context) -> {
				FlagService flags = context.getBean(FlagService.class);
				Flag senior = flags.snapshot().flag("senior-discount").orElseThrow();
				assertThat(senior.kind()).isEqualTo(FlagKind.ENTITLEMENT);
				assertThat(senior.description()).isEqualTo("Discount for customers of 65 and over");
				assertThat(senior.owner()).isEqualTo("pricing");
				assertThat(senior.rules().get(0).description()).isEqualTo("Seniors");
				assertThat(senior.rules().get(0).when().get(0).values()).singleElement().isInstanceOf(Number.class);
				assertThat(flags.isEnabled("senior-discount", FlagContext.builder("u").attribute("age", 70).build()))
					.isTrue();
				assertThat(flags.isEnabled("senior-discount", FlagContext.builder("u").attribute("age", 30).build()))
					.isFalse();
				Flag beta = flags.snapshot().flag("beta-search").orElseThrow();
				assertThat(beta.include()).containsExactly("user-1");
				assertThat(beta.exclude()).containsExactly("user-2");
				assertThat(beta.variants()).extracting(Variant::name).containsExactly("exact", "fuzzy");
				assertThat(beta.clientVisible()).isTrue();
				assertThat(beta.createdAt()).isEqualTo("2026-11-01T09:00:00Z");
				assertThat(beta.expiresAt()).isEqualTo("2027-01-31");
				assertThat(flags.evaluate("beta-search", FlagContext.builder("user-3").attribute("beta", true).build()))
					.isEqualTo(new Evaluation(true, "fuzzy", Reason.RULE_MATCH, 0));
				assertThat(flags.evaluate("beta-search", FlagContext.of("user-1")).reason()).isEqualTo(Reason.INCLUDED);
				assertThat(flags.evaluate("beta-search", FlagContext.of("user-2")).reason()).isEqualTo(Reason.EXCLUDED);
				// 1.5 has no string form: it matches only when the value stayed a number.
				assertThat(flags.isEnabled("ratio-gate", FlagContext.builder("u").attribute("ratio", 1.5).build()))
					.isTrue();
				Segment staff = flags.snapshot().definitions().segment("staff").orElseThrow();
				assertThat(staff.description()).isEqualTo("Our own people");
				assertThat(staff.include()).containsExactly("user-7");
				assertThat(staff.rules()).hasSize(1);
			});
	}

	@Test
	void sameUserGetsTheSameDecisionFromAnExplicitContextAsFromTheCurrentOne() {
		this.contextRunner.withBean("myContexts", FlagContextProvider.class, () -> () -> FlagContext.of("user-42"))
			.withPropertyValues("flags.definitions.flags.half.rollout=50")
			.run((context) -> {
				FlagService flags = context.getBean(FlagService.class);
				for (int i = 0; i < 50; i++) {
					FlagContext user = FlagContext.of("user-" + i);
					assertThat(flags.isEnabled("half", user)).isEqualTo(flags.snapshot().isEnabled("half", user));
				}
				assertThat(flags.isEnabled("half")).isEqualTo(flags.isEnabled("half", FlagContext.of("user-42")));
			});
	}

	@Test
	void invalidDefinitionInPropertiesFailsStartupNamingFlagFieldAndReason() {
		this.contextRunner.withPropertyValues("flags.definitions.flags.new-checkout.rollout=150").run((context) -> {
			assertThat(context).hasFailed();
			String description = new InvalidDefinitionsFailureAnalyzer().analyze(context.getStartupFailure())
				.getDescription();
			assertThat(description).contains("Invalid flag definitions in flags.definitions")
				.contains("flag 'new-checkout': rollout: must be between 0 and 100 (was 150)");
		});
	}

	@Test
	void unknownKindInPropertiesIsReportedAsInADocument() {
		this.contextRunner.withPropertyValues("flags.definitions.flags.new-checkout.kind=forever").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(new InvalidDefinitionsFailureAnalyzer().analyze(context.getStartupFailure()).getDescription())
				.contains("flag 'new-checkout': kind: unknown kind 'forever'");
		});
	}

	@Test
	void definitionsLocationIsLoaded() {
		this.contextRunner.withPropertyValues("flags.definitions-location=classpath:flags/definitions.json")
			.run((context) -> {
				FlagService flags = context.getBean(FlagService.class);
				assertThat(flags.snapshot().keys()).containsExactly("new-checkout", "eu-pricing");
				assertThat(flags.isEnabled("new-checkout", FlagContext.of("user-1"))).isTrue();
				assertThat(flags.isEnabled("eu-pricing", withAttribute("country", "DE"))).isTrue();
				assertThat(flags.isEnabled("eu-pricing", withAttribute("country", "US"))).isFalse();
			});
	}

	@Test
	void propertiesOverrideTheFieldsTheySetOfALocationsFlags() {
		this.contextRunner
			.withPropertyValues("flags.definitions-location=classpath:flags/definitions.json",
					"flags.definitions.flags.new-checkout.enabled=false", "flags.definitions.flags.extra.rollout=100")
			.run((context) -> {
				FlagSnapshot snapshot = context.getBean(FlagService.class).snapshot();
				assertThat(snapshot.keys()).containsExactly("new-checkout", "eu-pricing", "extra");
				Flag checkout = snapshot.flag("new-checkout").orElseThrow();
				assertThat(checkout.enabled()).isFalse();
				assertThat(checkout.owner()).isEqualTo("payments");
				assertThat(checkout.rollout()).isEqualByComparingTo("100");
			});
	}

	@Test
	void invalidDocumentAtLocationFailsStartupNamingTheLocation() {
		this.contextRunner.withPropertyValues("flags.definitions-location=classpath:flags/invalid.json")
			.run((context) -> {
				assertThat(context).hasFailed();
				String description = new InvalidDefinitionsFailureAnalyzer().analyze(context.getStartupFailure())
					.getDescription();
				assertThat(description)
					.contains("flags.definitions-location (class path resource [flags/invalid.json])")
					.contains("flag 'new-checkout': rollout: must be between 0 and 100 (was 250)");
			});
	}

	@Test
	void missingLocationFailsStartupNamingTheProperty() {
		this.contextRunner.withPropertyValues("flags.definitions-location=classpath:flags/missing.json")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause()
					.isInstanceOf(InvalidConfigurationPropertyValueException.class)
					.hasMessageContaining("flags.definitions-location")
					.hasMessageContaining("No definitions document exists there");
			});
	}

	@Test
	void registryIsRefreshedInTheBackgroundAndBothStopOnClose() throws InterruptedException {
		SilentStore store = new SilentStore();
		AtomicReference<FlagRegistryRefresher> refresher = new AtomicReference<>();
		CountDownLatch refreshed = new CountDownLatch(1);
		this.contextRunner.withBean(FlagStore.class, () -> store)
			.withPropertyValues("flags.refresh-interval=10ms")
			.run((context) -> {
				FlagRegistry registry = context.getBean(FlagRegistry.class);
				registry.onSnapshot((snapshot) -> refreshed.countDown());
				refresher.set(context.getBean(FlagRegistryRefresher.class));
				assertThat(refresher.get().isRunning()).isTrue();
				assertThat(store.subscribed).isTrue();
				store.change(Definitions.of(List.of(on("late")), List.of()));
				assertThat(refreshed.await(10, TimeUnit.SECONDS)).isTrue();
				assertThat(context.getBean(FlagService.class).isEnabled("late", FlagContext.of("user-1"))).isTrue();
			});
		assertThat(refresher.get().isRunning()).isFalse();
		assertThat(store.subscribed).isFalse();
	}

	@Test
	void refreshCanBeTurnedOff() {
		this.contextRunner.withPropertyValues("flags.refresh-interval=0")
			.run((context) -> assertThat(context.getBean(FlagRegistryRefresher.class).isRunning()).isFalse());
	}

	private static FlagContext withAttribute(String name, Object value) {
		return FlagContext.builder("user-1").attribute(name, value).build();
	}

	private static Flag on(String key) {
		return Flag.builder(key).rollout(100).build();
	}

	/**
	 * A store that changes without telling anyone, as one changed by another process does.
	 */
	static final class SilentStore implements FlagStore {

		private volatile Definitions document = Definitions.empty();

		private volatile long revision;

		private volatile boolean subscribed;

		void change(Definitions document) {
			this.document = document;
			this.revision++;
		}

		@Override
		public Definitions load() {
			return this.document;
		}

		@Override
		public long revision() {
			return this.revision;
		}

		@Override
		public Flag save(Flag flag, long expectedVersion) {
			throw new UnsupportedOperationException();
		}

		@Override
		public void delete(String key, long expectedVersion) {
			throw new UnsupportedOperationException();
		}

		@Override
		public Subscription subscribe(StoreListener listener) {
			this.subscribed = true;
			return () -> this.subscribed = false;
		}

	}

}
