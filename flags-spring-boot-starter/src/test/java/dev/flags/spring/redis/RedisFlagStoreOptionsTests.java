package dev.flags.spring.redis;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link RedisFlagStoreOptions} and the key names derived from them.
 */
class RedisFlagStoreOptionsTests {

	@Test
	void defaultsKeepEveryAuditRecordUnderThePrefixFlags() {
		RedisFlagStoreOptions options = RedisFlagStoreOptions.defaults();
		assertThat(options.keyPrefix()).isEqualTo("flags");
		assertThat(options.auditMaxLength()).isZero();
	}

	@Test
	void everyKeySharesOneHashTag() {
		RedisKeys keys = RedisKeys.of("shop:flags");
		assertThat(keys.scriptKeys()).containsExactly("{shop:flags}:flags", "{shop:flags}:segments",
				"{shop:flags}:rev", "{shop:flags}:marker", "{shop:flags}:audit");
		assertThat(keys.channel()).isEqualTo("{shop:flags}:events");
	}

	@Test
	void aPrefixMustBeUsableAsAHashTag() {
		assertThatIllegalArgumentException().isThrownBy(() -> RedisFlagStoreOptions.defaults().withKeyPrefix(" "))
			.withMessageContaining("must not be blank");
		assertThatIllegalArgumentException().isThrownBy(() -> RedisFlagStoreOptions.defaults().withKeyPrefix("a{b}"))
			.withMessageContaining("'a{b}'");
	}

	@Test
	void theAuditLengthMustNotBeNegative() {
		assertThat(RedisFlagStoreOptions.defaults().withAuditMaxLength(1000).auditMaxLength()).isEqualTo(1000);
		assertThatIllegalArgumentException().isThrownBy(() -> RedisFlagStoreOptions.defaults().withAuditMaxLength(-1))
			.withMessageContaining("(was -1)");
	}

}
