package dev.flags.spring.experiment;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.flags.core.experiment.Status;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.Access;
import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.actuate.endpoint.annotation.DeleteOperation;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;

/**
 * The {@code experiments} actuator endpoint: every experiment with its status, and one
 * experiment's full analysis. Reads are allowed by default; resetting an experiment's results
 * (a delete) only once {@code management.endpoint.experiments.access} is {@code unrestricted}.
 */
@Endpoint(id = ExperimentsEndpoint.ID, defaultAccess = Access.READ_ONLY)
public class ExperimentsEndpoint {

	/** The id of the endpoint. */
	public static final String ID = "experiments";

	private final Experiments experiments;

	private final @Nullable ExposureTracker exposures;

	/**
	 * Creates the endpoint.
	 * @param experiments the experiments it shows
	 * @param exposures the tracker whose memory of announced exposures a reset clears, or null
	 */
	public ExperimentsEndpoint(Experiments experiments, @Nullable ExposureTracker exposures) {
		this.experiments = experiments;
		this.exposures = exposures;
	}

	/**
	 * Every experiment, with its users and status.
	 * @return the experiments
	 */
	@ReadOperation
	public ExperimentsDescriptor experiments() {
		List<Summary> summaries = this.experiments.keys()
			.stream()
			.map(this.experiments::report)
			.flatMap(Optional::stream)
			.map(Summary::of)
			.toList();
		return new ExperimentsDescriptor(summaries);
	}

	/**
	 * One experiment's analysis.
	 * @param key the experiment's flag key
	 * @return the report, or a 404 response when no experiment has that key
	 */
	@ReadOperation
	public WebEndpointResponse<?> experiment(@Selector String key) {
		return this.experiments.report(key)
			.<WebEndpointResponse<?>>map(WebEndpointResponse::new)
			.orElseGet(() -> notFound(key));
	}

	/**
	 * Forgets an experiment's results, to restart it, and this instance's memory of the exposures
	 * it announced; other instances announce and record their users again once their exposure
	 * cache forgets them or they restart.
	 * @param key the experiment's flag key
	 * @return 204, or a 404 response when no experiment has that key
	 */
	@DeleteOperation
	public WebEndpointResponse<?> reset(@Selector String key) {
		if (!this.experiments.reset(key)) {
			return notFound(key);
		}
		if (this.exposures != null) {
			this.exposures.forget(key);
		}
		return new WebEndpointResponse<>(WebEndpointResponse.STATUS_NO_CONTENT);
	}

	private WebEndpointResponse<?> notFound(String key) {
		return new WebEndpointResponse<>(
				OperationResponseBody.of(Map.of("error", "No experiment '" + key
						+ "': experiments are flags of kind 'experiment' with variants; the experiments are "
						+ this.experiments.keys())),
				WebEndpointResponse.STATUS_NOT_FOUND);
	}

	/**
	 * The experiments.
	 *
	 * @param experiments one summary per experiment, in document order
	 */
	public record ExperimentsDescriptor(List<Summary> experiments) implements OperationResponseBody {
	}

	/**
	 * An experiment in a line.
	 *
	 * @param key the flag key
	 * @param enabled whether the flag is on
	 * @param users the users exposed, by variant
	 * @param status what to do, or null when nothing is analysed
	 * @param winner the winning variant, if any
	 * @param explanation the status in plain words
	 */
	public record Summary(String key, boolean enabled, Map<String, Long> users, @Nullable Status status,
			@Nullable String winner, String explanation) {

		static Summary of(ExperimentReport report) {
			return new Summary(report.key(), report.enabled(), report.users(), report.status(), report.winner(),
					report.explanation());
		}

	}

}
