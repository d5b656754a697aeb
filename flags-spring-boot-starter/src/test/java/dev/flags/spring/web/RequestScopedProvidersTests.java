package dev.flags.spring.web;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import dev.flags.core.eval.FlagSnapshot;
import dev.flags.core.model.Definitions;
import dev.flags.core.model.Flag;
import dev.flags.core.model.FlagContext;
import dev.flags.core.registry.FlagRegistry;
import dev.flags.core.store.InMemoryFlagStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link RequestFlagContextProvider} and {@link RequestFlagSnapshotProvider}.
 */
class RequestScopedProvidersTests {

	private final FlagRegistry registry = new FlagRegistry(
			new InMemoryFlagStore(Definitions.of(List.of(Flag.builder("checkout").rollout(100).build()), List.of())));

	@AfterEach
	void leaveRequest() {
		RequestContextHolder.resetRequestAttributes();
		this.registry.close();
	}

	@Test
	void contextIsResolvedOncePerRequest() {
		AtomicInteger resolutions = new AtomicInteger();
		RequestFlagContextProvider provider = new RequestFlagContextProvider(
				(request, response) -> FlagContext.of("user-" + resolutions.incrementAndGet()));
		enterRequest();
		assertThat(provider.currentContext().key()).isEqualTo("user-1");
		assertThat(provider.currentContext().key()).isEqualTo("user-1");
		enterRequest();
		assertThat(provider.currentContext().key()).isEqualTo("user-2");
		assertThat(resolutions).hasValue(2);
	}

	@Test
	void failedResolutionGivesTheAnonymousContextForTheWholeRequest() {
		AtomicInteger attempts = new AtomicInteger();
		RequestFlagContextProvider provider = new RequestFlagContextProvider((request, response) -> {
			attempts.incrementAndGet();
			throw new IllegalStateException("identity provider is down");
		});
		enterRequest();
		assertThat(provider.currentContext()).isEqualTo(FlagContext.anonymous());
		assertThat(provider.currentContext()).isEqualTo(FlagContext.anonymous());
		assertThat(attempts).hasValue(1);
	}

	@Test
	void contextIsAnonymousOutsideARequest() {
		RequestFlagContextProvider provider = new RequestFlagContextProvider(
				(request, response) -> FlagContext.of("never"));
		assertThat(provider.currentContext()).isEqualTo(FlagContext.anonymous());
	}

	@Test
	void contextIsAnonymousOnceTheRequestHasCompleted() {
		RequestFlagContextProvider provider = new RequestFlagContextProvider(
				(request, response) -> FlagContext.of("user-1"));
		enterRequest().requestCompleted();
		assertThat(provider.currentContext()).isEqualTo(FlagContext.anonymous());
	}

	@Test
	void snapshotIsPinnedForTheRestOfARequest() {
		RequestFlagSnapshotProvider provider = new RequestFlagSnapshotProvider(this.registry);
		enterRequest();
		FlagSnapshot first = provider.currentSnapshot();
		flipCheckoutOff();
		assertThat(provider.currentSnapshot()).isSameAs(first);
		assertThat(provider.currentSnapshot().isEnabled("checkout", FlagContext.of("user-1"))).isTrue();
		enterRequest();
		assertThat(provider.currentSnapshot().isEnabled("checkout", FlagContext.of("user-1"))).isFalse();
	}

	@Test
	void snapshotIsTheRegistrysOutsideARequest() {
		RequestFlagSnapshotProvider provider = new RequestFlagSnapshotProvider(this.registry);
		assertThat(provider.currentSnapshot()).isSameAs(this.registry.snapshot());
		flipCheckoutOff();
		assertThat(provider.currentSnapshot()).isSameAs(this.registry.snapshot());
		assertThat(provider.currentSnapshot().isEnabled("checkout", FlagContext.of("user-1"))).isFalse();
	}

	private void flipCheckoutOff() {
		Flag checkout = this.registry.snapshot().flag("checkout").orElseThrow();
		this.registry.save(checkout.withEnabled(false), checkout.currentVersion());
	}

	private static ServletRequestAttributes enterRequest() {
		ServletRequestAttributes attributes = new ServletRequestAttributes(new MockHttpServletRequest(),
				new MockHttpServletResponse());
		RequestContextHolder.setRequestAttributes(attributes);
		return attributes;
	}

}
