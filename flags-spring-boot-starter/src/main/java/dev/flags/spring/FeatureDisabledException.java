package dev.flags.spring;

import dev.flags.core.model.Evaluation;

/**
 * Thrown, or used to fail a future, when a method gated by {@link FeatureFlag @FeatureFlag} is
 * called while its gate is closed and it has no fallback.
 */
public class FeatureDisabledException extends RuntimeException {

	private final String flag;

	private final Evaluation evaluation;

	/**
	 * Creates an exception.
	 * @param flag the key of the flag that closed the gate
	 * @param evaluation the flag's evaluation for the call
	 * @param message what did not run, and why
	 */
	public FeatureDisabledException(String flag, Evaluation evaluation, String message) {
		super(message);
		this.flag = flag;
		this.evaluation = evaluation;
	}

	/**
	 * The key of the flag that closed the gate.
	 * @return the flag key
	 */
	public String getFlag() {
		return this.flag;
	}

	/**
	 * The flag's evaluation for the call, with its reason.
	 * @return the evaluation
	 */
	public Evaluation getEvaluation() {
		return this.evaluation;
	}

}
