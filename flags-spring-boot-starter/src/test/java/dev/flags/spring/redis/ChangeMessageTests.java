package dev.flags.spring.redis;

import dev.flags.core.store.StoreChange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ChangeMessage}.
 */
class ChangeMessageTests {

	@Test
	void readsWhatTheScriptsPublish() {
		ChangeMessage message = ChangeMessage.parse("{\"type\":\"SAVED\",\"key\":\"new-checkout\",\"revision\":42,"
				+ "\"source\":\"3f2a\"}");
		assertThat(message).isEqualTo(new ChangeMessage("SAVED", "new-checkout", 42, "3f2a"));
	}

	@Test
	void flagChangesKeepTheirType() {
		assertThat(new ChangeMessage("SAVED", "a", 5, "s").toStoreChange())
			.isEqualTo(new StoreChange(StoreChange.Type.SAVED, "a", 5, null));
		assertThat(new ChangeMessage("DELETED", "a", 6, "s").toStoreChange())
			.isEqualTo(new StoreChange(StoreChange.Type.DELETED, "a", 6, null));
	}

	@Test
	void wholeDocumentChangesAreExternal() {
		assertThat(new ChangeMessage("RESTORED", null, 7, "s").toStoreChange())
			.isEqualTo(new StoreChange(StoreChange.Type.EXTERNAL, null, 7, null));
		assertThat(new ChangeMessage("SAVED", null, 8, null).toStoreChange().type())
			.isEqualTo(StoreChange.Type.EXTERNAL);
	}

	@Test
	void anythingElseIsNotAChangeMessage() {
		assertThat(ChangeMessage.parse("reload")).isNull();
		assertThat(ChangeMessage.parse("{\"type\":\"SAVED\"}")).isNull();
		assertThat(ChangeMessage.parse("{\"type\":1,\"revision\":2}")).isNull();
		assertThat(ChangeMessage.parse("[]")).isNull();
	}

}
