package dev.flags.test;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLocksProvider.Lock;

import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link FlagsResourceLocks}.
 */
class FlagsResourceLocksTests {

	private final FlagsResourceLocks provider = new FlagsResourceLocks();

	@Test
	void springTestTakesTheSharedLock() throws Exception {
		assertThat(locks(List.of(), SpringTest.class))
			.containsExactly(new Lock(FlagOverrides.LOCK, ResourceAccessMode.READ_WRITE));
	}

	@Test
	void nestedClassOfASpringTestTakesTheSharedLock() throws Exception {
		assertThat(locks(List.of(SpringTest.class), SpringTest.Inner.class))
			.containsExactly(new Lock(FlagOverrides.LOCK, ResourceAccessMode.READ_WRITE));
	}

	@Test
	void testWithItsOwnTestFlagsTakesNoLock() throws Exception {
		assertThat(locks(List.of(), OwnTestFlags.class)).isEmpty();
	}

	@Test
	void testFlagsInAStaticFieldTakeALockOfTheClass() throws Exception {
		assertThat(locks(List.of(), StaticTestFlags.class)).containsExactly(
				new Lock(FlagOverrides.LOCK + ":" + StaticTestFlags.class.getName(), ResourceAccessMode.READ_WRITE));
	}

	@Test
	void testFlagsOfAPerClassInstanceTakeALockOfTheClass() throws Exception {
		assertThat(locks(List.of(), PerClassTestFlags.class)).containsExactly(
				new Lock(FlagOverrides.LOCK + ":" + PerClassTestFlags.class.getName(), ResourceAccessMode.READ_WRITE));
	}

	private Set<Lock> locks(List<Class<?>> enclosing, Class<?> testClass) throws Exception {
		Method method = testClass.getDeclaredMethod("test");
		return this.provider.provideForMethod(enclosing, testClass, method);
	}

	@SpringJUnitConfig
	static class SpringTest {

		void test() {
		}

		@Nested
		class Inner {

			void test() {
			}

		}

	}

	static class OwnTestFlags {

		final TestFlags flags = TestFlags.empty();

		void test() {
		}

	}

	static class StaticTestFlags {

		static final TestFlags flags = TestFlags.empty();

		void test() {
		}

	}

	@TestInstance(TestInstance.Lifecycle.PER_CLASS)
	static class PerClassTestFlags {

		final TestFlags flags = TestFlags.empty();

		void test() {
		}

	}

}
