/**
 * The lifecycle of an application's flags: evaluation sampling, the references its code makes to
 * flags, stale-flag reports, and the check made at startup.
 */
@NullMarked
package dev.flags.spring.lifecycle;

import org.jspecify.annotations.NullMarked;
