package dev.flags.core.experiment;

import java.util.List;

import dev.flags.core.eval.FlagSnapshot;
import dev.flags.core.model.Evaluation;
import dev.flags.core.model.Flag;
import dev.flags.core.model.FlagContext;
import dev.flags.core.model.Reason;
import dev.flags.core.model.Rule;
import org.jspecify.annotations.Nullable;

/**
 * A unit that was randomised into a variant: the variant bucket of spec §3 picked its variant.
 * Only such units may enter an experiment's analysis. A unit whose variant was forced, by the
 * flag's {@code include} list or by a rule with a fixed {@code variant}, was not randomised, and
 * neither was a context without a unit (it gets the first variant).
 *
 * @param experiment the flag's key
 * @param unit the bucketing unit: the string form of the flag's {@code bucketBy} attribute, or the
 * context key
 * @param variant the variant the unit was assigned
 */
public record Exposure(String experiment, String unit, String variant) {

	/**
	 * The exposure an evaluation amounts to, if any. It is one when the flag was on with a variant
	 * and the reason is {@link Reason#ROLLOUT}, or {@link Reason#RULE_MATCH} by a rule that serves a
	 * rollout rather than a fixed variant, and the context has a unit for the flag. This holds for
	 * any flag with variants, whatever its kind.
	 * @param snapshot the snapshot the evaluation was read from
	 * @param key the flag key
	 * @param evaluation the evaluation
	 * @param context the context it was made for
	 * @return the exposure, or null when the variant was not assigned by the variant bucket
	 */
	public static @Nullable Exposure of(FlagSnapshot snapshot, String key, Evaluation evaluation,
			FlagContext context) {
		String variant = evaluation.variant();
		if (!evaluation.enabled() || variant == null) {
			return null;
		}
		Reason reason = evaluation.reason();
		if (reason == Reason.RULE_MATCH) {
			Integer index = evaluation.rule();
			Flag flag = snapshot.flag(key).orElse(null);
			if (index == null || flag == null || hasFixedVariant(flag.rules(), index)) {
				return null;
			}
		}
		else if (reason != Reason.ROLLOUT) {
			return null;
		}
		String unit = snapshot.unit(key, context);
		return (unit != null) ? new Exposure(key, unit, variant) : null;
	}

	private static boolean hasFixedVariant(List<Rule> rules, int index) {
		return index < 0 || index >= rules.size() || rules.get(index).variant() != null;
	}

}
