package com.creatorcommerce.point.application.ledger;

import com.creatorcommerce.platform.messaging.InboundMessage;
import com.creatorcommerce.point.domain.ReferenceType;
import com.creatorcommerce.point.domain.TransactionType;
import com.creatorcommerce.point.domain.WalletChange;
import java.util.Objects;

/**
 * One wallet change to apply through the {@link PointLedger}, with the work that commits with it: its participant's
 * work runs in the same transaction as the change.
 *
 * @param cause the message being handled (bound to {@code MessageContext} while the participant runs, so that what
 *              it appends to the outbox carries the message's correlation and causation); null for none
 */
public record LedgerEntry(WalletChange change, LedgerParticipant participant, InboundMessage cause) {

    public LedgerEntry {
        Objects.requireNonNull(change, "change");
        participant = participant == null ? LedgerParticipant.NONE : participant;
    }

    /** {@code amount} points (positive; the type gives the sign) of {@code type} for {@code userId}'s wallet. */
    public LedgerEntry(
            long userId,
            TransactionType type,
            long amount,
            ReferenceType referenceType,
            long referenceId,
            LedgerParticipant participant,
            InboundMessage cause) {
        this(new WalletChange(userId, type, amount, referenceType, referenceId), participant, cause);
    }

    public long userId() {
        return change.userId();
    }
}
