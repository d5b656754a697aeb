package dev.flags.spring.actuate;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.boot.actuate.endpoint.EndpointId;
import org.springframework.boot.actuate.endpoint.InvocationContext;
import org.springframework.boot.actuate.endpoint.OperationArgumentResolver;
import org.springframework.boot.actuate.endpoint.OperationType;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.invoke.OperationInvoker;
import org.springframework.boot.actuate.endpoint.invoke.OperationInvokerAdvisor;
import org.springframework.boot.actuate.endpoint.invoke.OperationParameter;
import org.springframework.boot.actuate.endpoint.invoke.OperationParameters;

/**
 * Hands the {@code explain} operation of the {@link FlagsEndpoint} every query parameter it
 * does not declare, as the context's attributes, so that
 * {@code /actuator/flags/new-checkout/explain?key=user-42&country=DE} evaluates for
 * {@code country=DE}. Actuator binds query parameters to operation parameters by name only; it
 * has no parameter for "all the others".
 */
public final class ExplainOperationInvokerAdvisor implements OperationInvokerAdvisor {

	static final String ATTRIBUTES = "attributes";

	private static final EndpointId FLAGS = EndpointId.of(FlagsEndpoint.ID);

	@Override
	public OperationInvoker apply(EndpointId endpointId, OperationType operationType, OperationParameters parameters,
			OperationInvoker invoker) {
		if (!FLAGS.equals(endpointId) || operationType != OperationType.READ || !takesAttributes(parameters)) {
			return invoker;
		}
		Set<String> declared = parameters.stream().map(OperationParameter::getName).collect(Collectors.toSet());
		return (context) -> invoker.invoke(withAttributes(context, declared));
	}

	private static boolean takesAttributes(OperationParameters parameters) {
		return parameters.stream()
			.anyMatch((parameter) -> ATTRIBUTES.equals(parameter.getName()) && parameter.getType() == Map.class);
	}

	private static InvocationContext withAttributes(InvocationContext context, Set<String> declared) {
		Map<String, Object> attributes = new LinkedHashMap<>();
		context.getArguments().forEach((name, value) -> {
			if (!declared.contains(name) && value != null) {
				attributes.put(name, value);
			}
		});
		Map<String, Object> arguments = new LinkedHashMap<>(context.getArguments());
		arguments.put(ATTRIBUTES, attributes);
		return new InvocationContext(context.resolveArgument(SecurityContext.class), arguments,
				new DelegatingArgumentResolver(context));
	}

	/**
	 * Resolves what the original invocation resolved (the security context, the server
	 * namespace, the API version).
	 */
	private record DelegatingArgumentResolver(InvocationContext context) implements OperationArgumentResolver {

		@Override
		public boolean canResolve(Class<?> type) {
			return this.context.canResolve(type);
		}

		@Override
		public <T> T resolve(Class<T> type) {
			return this.context.resolveArgument(type);
		}

	}

}
