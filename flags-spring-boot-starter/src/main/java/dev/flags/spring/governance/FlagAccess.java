package dev.flags.spring.governance;

import java.util.ArrayList;
import java.util.List;

import dev.flags.core.model.Flag;
import dev.flags.core.model.FlagKind;
import org.jspecify.annotations.Nullable;

/**
 * Who may change a given flag, beyond the write role: the editors a flag names, and the
 * entitlement role for the changes that take an entitlement away.
 * <p>
 * A flag may name its editors in the field {@code "editors"} of its definition, a list of role
 * or user names (a single name is read as a list of one). When it does, only a caller who holds
 * one of those roles, or has one of those names, or holds the role or has the name of the flag's
 * {@code owner}, may change it. A flag without editors may be changed by anyone with the write
 * role.
 */
final class FlagAccess {

	static final String EDITORS = "editors";

	private FlagAccess() {
	}

	/**
	 * The editors a flag names.
	 * @param flag the flag
	 * @return the names, or null when the flag names none; empty when the field is malformed,
	 * which lets no one but the owner through
	 */
	static @Nullable List<String> editors(Flag flag) {
		if (!flag.extra().containsKey(EDITORS)) {
			return null;
		}
		Object value = flag.extra().get(EDITORS);
		if (value instanceof String name) {
			return List.of(name);
		}
		List<String> names = new ArrayList<>();
		if (value instanceof List<?> list) {
			for (Object element : list) {
				if (!(element instanceof String name)) {
					return List.of();
				}
				names.add(name);
			}
		}
		return names;
	}

	/**
	 * What is wrong with the {@code editors} field of a new definition.
	 * @param flag the flag
	 * @return the reason, or null when the field is absent or well formed
	 */
	static @Nullable String editorsProblem(Flag flag) {
		if (!flag.extra().containsKey(EDITORS)) {
			return null;
		}
		Object value = flag.extra().get(EDITORS);
		if (value instanceof List<?> list && !list.isEmpty()
				&& list.stream().allMatch((element) -> element instanceof String name && !name.isBlank())) {
			return null;
		}
		return "must be a non-empty list of role or user names, such as [\"payments-oncall\"]";
	}

	/**
	 * Whether a caller may change a flag, as far as the flag's editors are concerned.
	 * @param caller who asks
	 * @param flag the flag as stored
	 * @return true when the flag names no editors, or the caller is one of them or its owner
	 */
	static boolean isEditor(Caller caller, Flag flag) {
		List<String> editors = editors(flag);
		if (editors == null) {
			return true;
		}
		List<String> allowed = new ArrayList<>(editors);
		if (flag.owner() != null) {
			allowed.add(flag.owner());
		}
		return allowed.stream().anyMatch((name) -> name.equals(caller.name()) || caller.hasRole(name));
	}

	/**
	 * Whether a change takes an entitlement away: deletes or disables an entitlement flag, or
	 * makes it another kind of flag.
	 * @param before the flag as stored
	 * @param after the flag after the change, or null when it is deleted
	 * @return true when the change needs the entitlement role
	 */
	static boolean takesEntitlementAway(Flag before, @Nullable Flag after) {
		if (before.kind() != FlagKind.ENTITLEMENT) {
			return false;
		}
		return after == null || after.kind() != FlagKind.ENTITLEMENT || before.enabled() && !after.enabled();
	}

}
