package com.creatorcommerce.platform.saga;

/** What a {@code saga_step_log} row records. */
public enum StepEvent {
    STARTED,
    /** A local step ran in the transition's transaction. */
    LOCAL_DONE,
    /** A local step answered with a failure. */
    LOCAL_FAILED,
    /** A step did not apply to the saga's data ({@code when}). */
    SKIPPED,
    COMMAND_SENT,
    /** The current step's reply, applied. */
    REPLY,
    DEADLINE,
    /** The current command re-sent (deadline of an idempotent step, or an operator). */
    RETRY,
    LOCAL_COMPENSATED,
    /** A remote compensation whose command function answered null: nothing to undo for this saga's data. */
    COMPENSATION_SKIPPED,
    COMPENSATION_SENT,
    /** The current compensation's reply, applied. */
    COMPENSATION_REPLY,
    /** A reply for a step that is not current (late, duplicated, after compensation): recorded, not applied. */
    LATE_REPLY_IGNORED,
    COMPLETED,
    COMPENSATED,
    FAILED,
    OPS_RETRY,
    OPS_COMPENSATE
}
