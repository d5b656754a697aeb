package dev.flags.spring.aop;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.expression.BeanResolver;
import org.springframework.expression.ConstructorResolver;
import org.springframework.expression.EvaluationContext;
import org.springframework.expression.IndexAccessor;
import org.springframework.expression.MethodResolver;
import org.springframework.expression.OperatorOverloader;
import org.springframework.expression.PropertyAccessor;
import org.springframework.expression.TypeComparator;
import org.springframework.expression.TypeConverter;
import org.springframework.expression.TypeLocator;
import org.springframework.expression.TypedValue;

/**
 * The evaluation context of one call's unit expression: its variables are the call's arguments;
 * everything else comes from a shared read-only context. Being a thin view, it is the only object
 * a call allocates for its context.
 */
final class ArgumentsEvaluationContext implements EvaluationContext {

	private final EvaluationContext shared;

	private final Map<String, Integer> parameters;

	private final @Nullable Object[] arguments;

	/**
	 * Creates a context.
	 * @param shared the context that supplies accessors, resolvers and conversions
	 * @param parameters the index of the argument of each variable name
	 * @param arguments the call's arguments
	 */
	ArgumentsEvaluationContext(EvaluationContext shared, Map<String, Integer> parameters,
			@Nullable Object[] arguments) {
		this.shared = shared;
		this.parameters = parameters;
		this.arguments = arguments;
	}

	@Override
	public @Nullable Object lookupVariable(String name) {
		Integer index = this.parameters.get(name);
		return (index != null) ? this.arguments[index] : null;
	}

	@Override
	public void setVariable(String name, @Nullable Object value) {
		throw new UnsupportedOperationException("A unit expression cannot set variables");
	}

	@Override
	public boolean isAssignmentEnabled() {
		return false;
	}

	@Override
	public TypedValue getRootObject() {
		return TypedValue.NULL;
	}

	@Override
	public List<PropertyAccessor> getPropertyAccessors() {
		return this.shared.getPropertyAccessors();
	}

	@Override
	public List<IndexAccessor> getIndexAccessors() {
		return this.shared.getIndexAccessors();
	}

	@Override
	public List<ConstructorResolver> getConstructorResolvers() {
		return this.shared.getConstructorResolvers();
	}

	@Override
	public List<MethodResolver> getMethodResolvers() {
		return this.shared.getMethodResolvers();
	}

	@Override
	public @Nullable BeanResolver getBeanResolver() {
		return this.shared.getBeanResolver();
	}

	@Override
	public TypeLocator getTypeLocator() {
		return this.shared.getTypeLocator();
	}

	@Override
	public TypeConverter getTypeConverter() {
		return this.shared.getTypeConverter();
	}

	@Override
	public TypeComparator getTypeComparator() {
		return this.shared.getTypeComparator();
	}

	@Override
	public OperatorOverloader getOperatorOverloader() {
		return this.shared.getOperatorOverloader();
	}

}
