package com.creatorcommerce.credit.application.ledger;

import com.creatorcommerce.credit.domain.WalletChange;
import com.creatorcommerce.platform.messaging.InboundMessage;
import java.util.Objects;

/**
 * A change to apply through the {@link CreditLedger}, with the work that must commit together with it.
 *
 * @param participant runs inside the ledger's transaction (null: none)
 * @param cause the message being handled (bound to {@code MessageContext} while the participant runs, so that what it
 *              appends to the outbox carries the message's correlation and causation); null for none
 */
public record LedgerEntry(WalletChange change, LedgerParticipant participant, InboundMessage cause) {

    public LedgerEntry {
        Objects.requireNonNull(change, "change");
        participant = participant == null ? LedgerParticipant.NONE : participant;
    }

    public static LedgerEntry of(WalletChange change) {
        return new LedgerEntry(change, null, null);
    }

    public long userId() {
        return change.userId();
    }
}
