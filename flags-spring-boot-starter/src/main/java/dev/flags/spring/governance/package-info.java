/**
 * The governed write path every change to a flag goes through, whichever API asks for it:
 * validation, permissions, the version check, confirmation of high-impact changes, the store's
 * atomic write of the change and its audit record, and the {@link dev.flags.spring.governance.FlagChangedEvent}.
 */
@NullMarked
package dev.flags.spring.governance;

import org.jspecify.annotations.NullMarked;
