package dev.flags.spring.aop;

import java.lang.reflect.Method;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import dev.flags.core.model.FlagContext;
import org.jspecify.annotations.Nullable;

import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.ParameterNameDiscoverer;
import org.springframework.expression.EvaluationContext;
import org.springframework.expression.EvaluationException;
import org.springframework.expression.ParseException;
import org.springframework.expression.spel.SpelNode;
import org.springframework.expression.spel.ast.VariableReference;
import org.springframework.expression.spel.standard.SpelExpression;
import org.springframework.expression.spel.standard.SpelExpressionParser;
import org.springframework.expression.spel.support.SimpleEvaluationContext;

/**
 * The parsed {@link dev.flags.spring.FeatureFlag#unit() unit} expression of a gated method, and
 * the context it derives for a call: the current context with its key replaced by the unit.
 */
final class UnitExpression {

	private static final SpelExpressionParser PARSER = new SpelExpressionParser();

	private static final ParameterNameDiscoverer PARAMETER_NAME_DISCOVERER = new DefaultParameterNameDiscoverer();

	// read-only data binding: properties and methods of the arguments, no types, beans or writes
	private static final EvaluationContext READ_ONLY = SimpleEvaluationContext.forReadOnlyDataBinding()
		.withInstanceMethods()
		.build();

	private final SpelExpression expression;

	private final Map<String, Integer> parameters;

	private final String label;

	private UnitExpression(SpelExpression expression, Map<String, Integer> parameters, String label) {
		this.expression = expression;
		this.parameters = parameters;
		this.label = label;
	}

	/**
	 * Parses the unit expression of a gated method and checks that every variable it uses names a
	 * parameter.
	 * @param gated the gated method
	 * @return the expression
	 * @throws IllegalStateException when the expression is not valid
	 */
	static UnitExpression parse(GatedMethod gated) {
		String text = gated.annotation().unit();
		String label = "Unit expression '" + text + "' of " + gated.label();
		SpelExpression expression;
		try {
			expression = (SpelExpression) PARSER.parseExpression(text);
		}
		catch (ParseException ex) {
			throw new IllegalStateException(label + " is not valid: " + ex.getMessage(), ex);
		}
		Map<String, Integer> parameters = parameters(gated.method());
		Set<String> variables = new LinkedHashSet<>();
		collectVariables(expression.getAST(), variables);
		for (String variable : variables) {
			if (!parameters.containsKey(variable) && !"this".equals(variable) && !"root".equals(variable)) {
				throw new IllegalStateException(label + " refers to #" + variable + ", which is not a parameter"
						+ describeParameters(gated.method()));
			}
		}
		return new UnitExpression(expression, parameters, label);
	}

	/**
	 * The context a call is decided for.
	 * @param current the current context
	 * @param arguments the call's arguments
	 * @return the current context with its key replaced by the unit
	 * @throws IllegalArgumentException when the expression cannot be evaluated for the arguments
	 */
	FlagContext context(FlagContext current, @Nullable Object[] arguments) {
		Object value;
		try {
			value = this.expression.getValue(new ArgumentsEvaluationContext(READ_ONLY, this.parameters, arguments));
		}
		catch (EvaluationException ex) {
			throw new IllegalArgumentException(this.label + " could not be evaluated: " + ex.getMessage(), ex);
		}
		String unit = (value == null) ? null : (value instanceof Enum<?> constant) ? constant.name() : value.toString();
		return withKey(current, unit);
	}

	private static FlagContext withKey(FlagContext context, @Nullable String key) {
		if (Objects.equals(context.key(), key)) {
			return context;
		}
		if (context.attributes().isEmpty()) {
			return (key != null) ? FlagContext.of(key) : FlagContext.anonymous();
		}
		return context.toBuilder().key(key).build();
	}

	private static Map<String, Integer> parameters(Method method) {
		Map<String, Integer> parameters = new LinkedHashMap<>();
		for (int i = 0; i < method.getParameterCount(); i++) {
			parameters.put("p" + i, i);
			parameters.put("a" + i, i);
		}
		// a parameter named like a position (p1, say) means the parameter of that name
		String[] names = PARAMETER_NAME_DISCOVERER.getParameterNames(method);
		if (names != null) {
			for (int i = 0; i < names.length; i++) {
				parameters.put(names[i], i);
			}
		}
		return Map.copyOf(parameters);
	}

	private static String describeParameters(Method method) {
		if (method.getParameterCount() == 0) {
			return "; " + GatedMethod.describe(method) + " takes no arguments";
		}
		String[] names = PARAMETER_NAME_DISCOVERER.getParameterNames(method);
		if (names == null) {
			return "; parameter names are not available (compile with -parameters), use #p0 to #p"
					+ (method.getParameterCount() - 1);
		}
		return "; the parameters are #" + String.join(", #", names);
	}

	private static void collectVariables(SpelNode node, Set<String> variables) {
		if (node instanceof VariableReference) {
			// toStringAST() of a variable reference is "#name"
			variables.add(node.toStringAST().substring(1));
		}
		for (int i = 0; i < node.getChildCount(); i++) {
			collectVariables(node.getChild(i), variables);
		}
	}

}
