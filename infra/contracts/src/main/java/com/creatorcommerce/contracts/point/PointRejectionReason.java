package com.creatorcommerce.contracts.point;

/** Why point-service refused a command. New values may be added: treat unknown ones as a plain refusal. */
public enum PointRejectionReason {
    /** The balance is lower than the amount to use. */
    INSUFFICIENT_POINTS,
    /** The command itself is invalid (e.g. a non-positive amount). */
    INVALID_COMMAND,
    /** The (order, step) was already done with different data (another user or amount). */
    CONFLICTING_COMMAND
}
