package com.creatorcommerce.platform.saga;

/** Where a saga instance stands. */
public enum SagaStatus {
    /** A step's command awaits its reply. */
    RUNNING,
    /** A step's compensation awaits its reply. */
    COMPENSATING,
    /** Every step succeeded. */
    COMPLETED,
    /** A step failed (or timed out) and every executed step was compensated. */
    COMPENSATED,
    /** A compensation failed or went unanswered: an operator must look (retry re-sends it). */
    FAILED;

    /** Whether the saga waits for a reply (and has a deadline). */
    public boolean isAwaitingReply() {
        return this == RUNNING || this == COMPENSATING;
    }
}
