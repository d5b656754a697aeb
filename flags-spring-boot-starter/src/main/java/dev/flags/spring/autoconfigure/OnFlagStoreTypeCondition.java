package dev.flags.spring.autoconfigure;

import java.util.Map;

import org.springframework.boot.autoconfigure.condition.ConditionMessage;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * The condition of {@link ConditionalOnFlagStoreType}.
 */
final class OnFlagStoreTypeCondition extends SpringBootCondition {

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		Map<String, Object> attributes = metadata.getAnnotationAttributes(ConditionalOnFlagStoreType.class.getName());
		if (attributes == null) {
			return ConditionOutcome.noMatch("@ConditionalOnFlagStoreType not found");
		}
		FlagStoreType candidate = (FlagStoreType) attributes.get("value");
		boolean matchIfAuto = (Boolean) attributes.get("matchIfAuto");
		FlagStoreType configured = Binder.get(context.getEnvironment())
			.bind("flags.store.type", FlagStoreType.class)
			.orElse(FlagStoreType.AUTO);
		ConditionMessage.Builder message = ConditionMessage.forCondition(ConditionalOnFlagStoreType.class, candidate);
		if (configured == FlagStoreType.AUTO && candidate == FlagStoreType.FILE) {
			// 'auto' picks the file store when a file is configured.
			boolean hasPath = context.getEnvironment().containsProperty("flags.store.file.path");
			return hasPath ? ConditionOutcome.match(message.because("flags.store.file.path is set"))
					: ConditionOutcome.noMatch(message.because("flags.store.type is auto and no flags.store.file.path is set"));
		}
		if (configured == candidate || (configured == FlagStoreType.AUTO && matchIfAuto)) {
			return ConditionOutcome.match(message.because("flags.store.type is " + configured));
		}
		return ConditionOutcome.noMatch(message.because("flags.store.type is " + configured));
	}

}
