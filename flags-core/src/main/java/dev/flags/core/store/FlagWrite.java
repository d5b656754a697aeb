package dev.flags.core.store;

import dev.flags.core.audit.AuditRecord;
import dev.flags.core.model.Flag;
import org.jspecify.annotations.Nullable;

/**
 * What a write stored: the flag as stored, and the audit record written with it.
 *
 * @param flag the flag as stored, with its new version; null after a deletion
 * @param audit the audit record of the write
 */
public record FlagWrite(@Nullable Flag flag, AuditRecord audit) {

}
