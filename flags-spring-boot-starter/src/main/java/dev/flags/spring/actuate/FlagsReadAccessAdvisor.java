package dev.flags.spring.actuate;

import java.util.Set;

import dev.flags.spring.actuate.FlagsEndpoint.ErrorDescriptor;
import dev.flags.spring.governance.Caller;
import dev.flags.spring.governance.FlagWriteRefusedException;
import dev.flags.spring.governance.FlagWriteService;

import org.springframework.boot.actuate.endpoint.EndpointId;
import org.springframework.boot.actuate.endpoint.OperationType;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.invoke.OperationInvoker;
import org.springframework.boot.actuate.endpoint.invoke.OperationInvokerAdvisor;
import org.springframework.boot.actuate.endpoint.invoke.OperationParameters;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;

/**
 * Lets only callers with the read role (or the write role) read the {@code flags} and
 * {@code flagaudit} endpoints, when Spring Security is active: others get 401 or 403. The write
 * operation is checked by the write path itself.
 */
public final class FlagsReadAccessAdvisor implements OperationInvokerAdvisor {

	private static final Set<EndpointId> GUARDED = Set.of(EndpointId.of(FlagsEndpoint.ID),
			EndpointId.of(FlagAuditEndpoint.ID));

	private final FlagWriteService writes;

	/**
	 * Creates the advisor.
	 * @param writes the write path, whose policy says who may read
	 */
	public FlagsReadAccessAdvisor(FlagWriteService writes) {
		this.writes = writes;
	}

	@Override
	public OperationInvoker apply(EndpointId endpointId, OperationType operationType, OperationParameters parameters,
			OperationInvoker invoker) {
		if (!GUARDED.contains(endpointId) || operationType != OperationType.READ) {
			return invoker;
		}
		return (context) -> {
			SecurityContext security = context.resolveArgument(SecurityContext.class);
			try {
				this.writes.checkRead(Caller.of(security.getPrincipal(), security::isUserInRole));
			}
			catch (FlagWriteRefusedException ex) {
				return new WebEndpointResponse<>(new ErrorDescriptor(ex.getMessage(), null, null),
						ex.refusal().status());
			}
			return invoker.invoke(context);
		};
	}

}
