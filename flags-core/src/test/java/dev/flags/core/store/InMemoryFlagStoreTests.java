package dev.flags.core.store;

import java.util.List;

import dev.flags.core.model.Definitions;
import dev.flags.core.model.Flag;
import dev.flags.core.model.InvalidDefinitionsException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link InMemoryFlagStore}.
 */
class InMemoryFlagStoreTests extends AbstractFlagStoreTests {

	@Override
	protected FlagStore createStore() {
		return new InMemoryFlagStore();
	}

	@Test
	void startsFromTheGivenDocument() {
		Flag flag = flag("new-checkout", 25).withVersion(4L);
		InMemoryFlagStore store = new InMemoryFlagStore(Definitions.of(List.of(flag), List.of()));
		assertThat(store.load().flag("new-checkout")).contains(flag);
		assertThat(store.save(flag("new-checkout", 30), 4).version()).isEqualTo(5L);
	}

	@Test
	void flagWithoutVersionIsAtVersionOneSoACreateCannotReplaceIt() {
		Flag handWritten = flag("new-checkout", 25);
		InMemoryFlagStore store = new InMemoryFlagStore(Definitions.of(List.of(handWritten), List.of()));
		assertThatExceptionOfType(VersionConflictException.class)
			.isThrownBy(() -> store.save(flag("new-checkout", 90), 0))
			.satisfies((ex) -> assertThat(ex.currentVersion()).isEqualTo(1L));
		assertThat(store.load().flag("new-checkout")).contains(handWritten);
		assertThat(store.save(flag("new-checkout", 30), 1).version()).isEqualTo(2L);
	}

	@Test
	void invalidInitialDocumentIsRefused() {
		assertThatExceptionOfType(InvalidDefinitionsException.class)
			.isThrownBy(() -> new InMemoryFlagStore(Definitions.of(List.of(flag("new-checkout", 150)), List.of())))
			.withMessageContaining("rollout");
	}

	@Test
	void replaceIsReportedAsExternal() {
		InMemoryFlagStore store = (InMemoryFlagStore) store();
		long before = store.revision();
		store.replace(Definitions.of(List.of(flag("dark-mode", 10)), List.of()));
		assertThat(store.load().flag("dark-mode")).isPresent();
		assertThat(store.revision()).isNotEqualTo(before);
		assertThat(changes()).singleElement().satisfies((change) -> {
			assertThat(change.type()).isEqualTo(StoreChange.Type.EXTERNAL);
			assertThat(change.key()).isNull();
		});
	}

	@Test
	void invalidReplacementIsRefusedAndNothingChanges() {
		InMemoryFlagStore store = (InMemoryFlagStore) store();
		store.save(flag("new-checkout", 25), 0);
		changes().clear();
		assertThatExceptionOfType(InvalidDefinitionsException.class)
			.isThrownBy(() -> store.replace(Definitions.of(List.of(flag("dark-mode", 101)), List.of())));
		assertThat(store.load().flags()).extracting(Flag::key).containsExactly("new-checkout");
		assertThat(changes()).isEmpty();
	}

}
