package dev.flags.spring.governance;

import dev.flags.core.audit.AuditRecord;
import dev.flags.core.model.Flag;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEvent;

/**
 * Published after a change to a flag was stored, with its audit record. Listeners run after the
 * change; one that fails does not undo it.
 */
public class FlagChangedEvent extends ApplicationEvent {

	private static final long serialVersionUID = 1L;

	private final transient AuditRecord record;

	private final transient @Nullable Flag flag;

	/**
	 * Creates the event.
	 * @param source what published it
	 * @param record the audit record of the change
	 * @param flag the flag as stored, or null when it was deleted
	 */
	public FlagChangedEvent(Object source, AuditRecord record, @Nullable Flag flag) {
		super(source);
		this.record = record;
		this.flag = flag;
	}

	/**
	 * The audit record of the change: who, when, what, why.
	 * @return the record
	 */
	public AuditRecord record() {
		return this.record;
	}

	/**
	 * The flag as stored after the change.
	 * @return the flag, or null when it was deleted
	 */
	public @Nullable Flag flag() {
		return this.flag;
	}

}
