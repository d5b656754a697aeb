package dev.flags.core.experiment;

/**
 * Tests for {@link InMemoryResultsStore}.
 */
class InMemoryResultsStoreTests extends AbstractResultsStoreTests {

	@Override
	ResultsStore store() {
		return new InMemoryResultsStore();
	}

}
