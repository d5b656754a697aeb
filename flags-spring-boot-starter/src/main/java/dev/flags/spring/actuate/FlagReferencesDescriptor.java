package dev.flags.spring.actuate;

import java.util.List;

import dev.flags.core.lifecycle.FlagReference;

/**
 * The application's references to flags, checked both ways, in the {@code flags} endpoint.
 *
 * @param undefined references to keys that no flag has, each with where it is made
 * @param unreferenced temporary flags that nothing in the application references so far:
 * removal candidates
 */
public record FlagReferencesDescriptor(List<FlagReference> undefined, List<String> unreferenced) {

}
