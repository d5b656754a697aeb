package dev.flags.spring.actuate;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.flags.core.eval.FlagSnapshot;
import dev.flags.core.json.DefinitionsCodec;
import dev.flags.core.lifecycle.FlagLifecycle;
import dev.flags.core.lifecycle.LifecycleReport;
import dev.flags.core.model.Definitions;
import dev.flags.core.model.Evaluation;
import dev.flags.core.model.Flag;
import dev.flags.core.model.FlagContext;
import dev.flags.core.model.Rule;
import dev.flags.core.model.Variant;
import dev.flags.core.registry.FlagRegistry;
import dev.flags.spring.governance.FlagWritePolicy;
import dev.flags.spring.governance.FlagWriteService;
import dev.flags.spring.lifecycle.LifecycleReporter;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.Access;
import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.actuate.endpoint.web.annotation.WebEndpoint;

/**
 * The {@code flags} actuator endpoint: the state and lifecycle of every flag, the stale ones, the
 * definition of one, why a flag decides as it does for a context, and the write that turns a flag
 * on or off or sets its rollout.
 * <p>
 * Reads are allowed by default; writes only once {@code management.endpoint.flags.access} is
 * {@code unrestricted}, since one write can switch a feature off for every user. Every write
 * goes through the governed write path of {@link FlagWriteService}: permissions, the version it
 * is based on (required), confirmation of high-impact changes, and the audit record the store
 * writes with the change.
 */
@WebEndpoint(id = FlagsEndpoint.ID, defaultAccess = Access.READ_ONLY)
public class FlagsEndpoint {

	/** The id of the endpoint. */
	public static final String ID = "flags";

	static final String EXPLAIN = "explain";

	private final FlagRegistry registry;

	private final FlagWriter writer;

	private final @Nullable LifecycleReporter lifecycle;

	/**
	 * Creates the endpoint, whose writes are open to whoever may call it (the endpoint's access
	 * and the application's security decide), with the default confirmation rules, and without
	 * the flags' lifecycle.
	 * @param registry the registry whose flags it shows and changes
	 */
	public FlagsEndpoint(FlagRegistry registry) {
		this(registry, new FlagWriteService(registry, FlagWritePolicy.open(), null, Clock.systemUTC()), null);
	}

	/**
	 * Creates the endpoint, without the flags' lifecycle.
	 * @param registry the registry whose flags it shows
	 * @param writes the governed write path its write operation goes through
	 */
	public FlagsEndpoint(FlagRegistry registry, FlagWriteService writes) {
		this(registry, writes, null);
	}

	/**
	 * Creates the endpoint.
	 * @param registry the registry whose flags it shows and changes
	 * @param writes the governed write path its write operation goes through
	 * @param lifecycle reports on the flags' lifecycle, or null to leave it out
	 */
	public FlagsEndpoint(FlagRegistry registry, FlagWriteService writes, @Nullable LifecycleReporter lifecycle) {
		this.registry = registry;
		this.writer = new FlagWriter(writes);
		this.lifecycle = lifecycle;
	}

	/**
	 * The state of every flag, in document order, with its lifecycle, and the stale flags and
	 * reference check of the lifecycle report.
	 * @return the flags
	 */
	@ReadOperation
	public FlagsDescriptor flags() {
		Definitions definitions = this.registry.snapshot().definitions();
		if (this.lifecycle == null) {
			return new FlagsDescriptor(definitions.flags().stream().map(FlagDescriptor::of).toList(), null, null, null);
		}
		LifecycleReport report = this.lifecycle.report(definitions);
		List<FlagDescriptor> flags = new ArrayList<>();
		for (int i = 0; i < definitions.flags().size(); i++) {
			FlagLifecycle flag = report.flags().get(i);
			flags.add(FlagDescriptor.of(definitions.flags().get(i), FlagLifecycleDescriptor.of(flag)));
		}
		return new FlagsDescriptor(flags, report.stale().stream().map(StaleFlagDescriptor::of).toList(),
				new FlagReferencesDescriptor(report.undefined(), report.unreferenced()),
				report.problems().isEmpty() ? null : report.problems());
	}

	/**
	 * The definition of one flag, in the JSON format of the evaluation spec.
	 * @param flag the flag key
	 * @return the definition, or a 404 response when no such flag is defined
	 */
	@ReadOperation
	public WebEndpointResponse<?> flag(@Selector String flag) {
		Optional<Flag> definition = this.registry.snapshot().flag(flag);
		if (definition.isEmpty()) {
			return ErrorDescriptor.notFound(flag);
		}
		@SuppressWarnings("unchecked")
		Map<String, Object> json = (Map<String, Object>) JsonValues.plain(DefinitionsCodec.flagTree(definition.get()));
		return new WebEndpointResponse<>(OperationResponseBody.of(json));
	}

	/**
	 * How a flag decides for a context, and why.
	 * @param flag the flag key
	 * @param action must be {@value #EXPLAIN}
	 * @param key the context key, or null for an anonymous context
	 * @param attributes the context attributes: the request's other query parameters
	 * @return the explanation, or a 404 response when no such flag is defined
	 */
	@ReadOperation
	public WebEndpointResponse<?> explain(@Selector String flag, @Selector String action, @Nullable String key,
			@Nullable Map<String, Object> attributes) {
		if (!EXPLAIN.equals(action)) {
			return new WebEndpointResponse<>(new ErrorDescriptor("No operation '" + action + "' on flags; use /"
					+ ID + "/" + flag + "/" + EXPLAIN, null, null), WebEndpointResponse.STATUS_NOT_FOUND);
		}
		FlagSnapshot snapshot = this.registry.snapshot();
		Optional<Flag> definition = snapshot.flag(flag);
		if (definition.isEmpty()) {
			return ErrorDescriptor.notFound(flag);
		}
		FlagContext context = FlagContext.of(key, (attributes != null) ? attributes : Map.of());
		Evaluation evaluation = snapshot.evaluate(flag, context);
		return new WebEndpointResponse<>(ExplanationDescriptor.of(definition.get(), context, evaluation));
	}

	/**
	 * Turns a flag on or off, sets its rollout, or both, through the governed write path.
	 * @param flag the flag key
	 * @param enabled {@code true} or {@code false}, or null to leave as is
	 * @param rollout the percentage, 0 to 100 with at most three decimals, or null to leave as is
	 * @param expectedVersion the version the change is based on: required
	 * @param reason why, for the audit record; required with {@code confirm}
	 * @param confirm {@code true} to confirm a high-impact change
	 * @param securityContext who asks
	 * @return the flag as stored; a 400 response naming each field that is wrong, 401 or 403 when
	 * the caller may not, 404 for a flag that is not defined, 405 on a read-only instance, 409 when
	 * the flag is no longer at the expected version, 428 when the expected version is missing or a
	 * high-impact change is not confirmed, 503 when the store cannot be read or written. Nothing is
	 * stored unless the response is 200.
	 */
	@WriteOperation
	public WebEndpointResponse<?> update(@Selector String flag, @Nullable Object enabled, @Nullable Object rollout,
			@Nullable Object expectedVersion, @Nullable Object reason, @Nullable Object confirm,
			SecurityContext securityContext) {
		return this.writer.write(flag, new FlagWriter.Request(enabled, rollout, expectedVersion, reason, confirm),
				securityContext);
	}

	/**
	 * The state of every flag.
	 *
	 * @param flags the flags, in document order
	 * @param stale the flags due for removal, in document order; null without the lifecycle
	 * @param references the application's references checked against the flags; null without
	 * the lifecycle
	 * @param problems lifecycle metadata that could not be read; null when there is none
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record FlagsDescriptor(List<FlagDescriptor> flags, @Nullable List<StaleFlagDescriptor> stale,
			@Nullable FlagReferencesDescriptor references,
			@Nullable List<String> problems) implements OperationResponseBody {

	}

	/**
	 * The state of one flag, with its rules and variants summarised.
	 *
	 * @param key the flag key
	 * @param kind what the flag is for, as in the definitions document
	 * @param enabled whether the flag is enabled; false means off for everyone
	 * @param rollout the percentage served when no rule decides
	 * @param rules how many targeting rules the flag has
	 * @param variants the variants and their weights, or null for a flag without variants
	 * @param clientVisible whether browsers may see the flag's decision
	 * @param owner who is responsible for the flag
	 * @param description what the flag does
	 * @param createdAt when the flag was created
	 * @param expiresAt when the flag is due for removal
	 * @param version the version a write is checked against
	 * @param lifecycle the flag's lifecycle, or null when it is not reported
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record FlagDescriptor(String key, String kind, boolean enabled, BigDecimal rollout, int rules,
			@Nullable Map<String, BigDecimal> variants, boolean clientVisible, @Nullable String owner,
			@Nullable String description, @Nullable String createdAt, @Nullable String expiresAt, long version,
			@Nullable FlagLifecycleDescriptor lifecycle) implements OperationResponseBody {

		static FlagDescriptor of(Flag flag) {
			return of(flag, null);
		}

		static FlagDescriptor of(Flag flag, @Nullable FlagLifecycleDescriptor lifecycle) {
			Map<String, BigDecimal> variants = null;
			if (!flag.variants().isEmpty()) {
				variants = new LinkedHashMap<>();
				for (Variant variant : flag.variants()) {
					variants.put(variant.name(), variant.weight());
				}
			}
			return new FlagDescriptor(flag.key(), flag.kind().json(), flag.enabled(), flag.rollout(),
					flag.rules().size(), variants, flag.clientVisible(), flag.owner(), flag.description(),
					flag.createdAt(), flag.expiresAt(), flag.currentVersion(), lifecycle);
		}

	}

	/**
	 * How a flag decided for a context.
	 *
	 * @param flag the flag key
	 * @param version the version of the flag that decided
	 * @param context the context it was evaluated for
	 * @param enabled whether the flag is on for the context
	 * @param variant the variant served, or null
	 * @param reason why, as in the evaluation spec: {@code DISABLED}, {@code EXCLUDED},
	 * {@code INCLUDED}, {@code RULE_MATCH}, {@code ROLLOUT} or {@code NO_BUCKETING_KEY}
	 * @param rule the index of the deciding rule, or null when no rule decided
	 * @param ruleDescription the description of the deciding rule, when it has one
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record ExplanationDescriptor(String flag, long version, ContextDescriptor context, boolean enabled,
			@Nullable String variant, String reason, @Nullable Integer rule,
			@Nullable String ruleDescription) implements OperationResponseBody {

		static ExplanationDescriptor of(Flag flag, FlagContext context, Evaluation evaluation) {
			Integer rule = evaluation.rule();
			Rule deciding = (rule != null && rule < flag.rules().size()) ? flag.rules().get(rule) : null;
			return new ExplanationDescriptor(flag.key(), flag.currentVersion(),
					new ContextDescriptor(context.key(), context.attributes()), evaluation.enabled(),
					evaluation.variant(), evaluation.reason().name(), rule,
					(deciding != null) ? deciding.description() : null);
		}

	}

	/**
	 * The context a flag was evaluated for.
	 *
	 * @param key the context key, or null for an anonymous context
	 * @param attributes the attributes
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record ContextDescriptor(@Nullable String key, Map<String, Object> attributes) {

	}

	/**
	 * Why a request was refused.
	 *
	 * @param error what went wrong
	 * @param problems each field that is wrong and why, when the request was invalid
	 * @param currentVersion the flag's stored version, when the request expected another
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record ErrorDescriptor(String error, @Nullable List<ProblemDescriptor> problems,
			@Nullable Long currentVersion) implements OperationResponseBody {

		static WebEndpointResponse<ErrorDescriptor> notFound(String flag) {
			return new WebEndpointResponse<>(new ErrorDescriptor("No flag '" + flag + "' is defined", null, null),
					WebEndpointResponse.STATUS_NOT_FOUND);
		}

		static WebEndpointResponse<ErrorDescriptor> notChanged(String flag, List<ProblemDescriptor> problems) {
			String error = "Flag '" + flag + "' was not changed: "
					+ String.join("; ", problems.stream().map(ProblemDescriptor::toString).toList());
			return new WebEndpointResponse<>(new ErrorDescriptor(error, problems, null),
					WebEndpointResponse.STATUS_BAD_REQUEST);
		}

	}

	/**
	 * What is wrong with one field of a request.
	 *
	 * @param field the field
	 * @param reason why it is refused
	 */
	public record ProblemDescriptor(String field, String reason) {

		@Override
		public String toString() {
			return this.field + ": " + this.reason;
		}

	}

}
