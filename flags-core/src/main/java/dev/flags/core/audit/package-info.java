/**
 * The record of changes to flags: who changed what, when and why ({@link dev.flags.core.audit.Change},
 * {@link dev.flags.core.audit.AuditRecord}), how two definitions of a flag differ
 * ({@link dev.flags.core.audit.FlagDiff}), and how stores' audit logs are read
 * ({@link dev.flags.core.audit.AuditLog}).
 */
@NullMarked
package dev.flags.core.audit;

import org.jspecify.annotations.NullMarked;
