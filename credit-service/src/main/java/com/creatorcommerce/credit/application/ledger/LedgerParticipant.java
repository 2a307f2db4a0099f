package com.creatorcommerce.credit.application.ledger;

/**
 * Work that must commit or roll back together with a ledger entry (the inbox row of the message that asked for it,
 * the purchase it completes, the audit row of a grant). Both methods run inside the ledger's transaction, after the
 * wallet row is locked.
 */
public interface LedgerParticipant {

    LedgerParticipant NONE = new LedgerParticipant() {};

    /** Before the change: false skips the entry (e.g. its message was handled before); the outcome is NotAdmitted. */
    default boolean admit() {
        return true;
    }

    /** After the outcome is known (not called for NotAdmitted). */
    default void complete(LedgerOutcome outcome) {}
}
