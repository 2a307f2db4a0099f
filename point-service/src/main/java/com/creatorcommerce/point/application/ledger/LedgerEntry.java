package com.creatorcommerce.point.application.ledger;

import com.creatorcommerce.platform.messaging.InboundMessage;
import com.creatorcommerce.point.domain.ReferenceType;
import com.creatorcommerce.point.domain.TransactionType;
import java.util.Objects;

/**
 * One balance change to apply: {@code amount} points (positive; the type gives the sign) of {@code type} for
 * {@code user_id}, referencing a charge request or an order. Its idempotency key (reference + type) makes it happen at
 * most once. The participant's work runs in the same transaction as the change.
 *
 * @param cause the message being handled (bound to {@code MessageContext} while the participant runs, so that what
 *              it appends to the outbox carries the message's correlation and causation); null for none
 */
public record LedgerEntry(long userId, TransactionType type, long amount, ReferenceType referenceType,
        long referenceId, LedgerParticipant participant, InboundMessage cause) {

    public LedgerEntry {
        if (userId <= 0) {
            throw new IllegalArgumentException("user id must be positive: " + userId);
        }
        if (amount <= 0) {
            throw new IllegalArgumentException("amount must be positive: " + amount);
        }
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(referenceType, "referenceType");
        participant = participant == null ? LedgerParticipant.NONE : participant;
    }

    public String idempotencyKey() {
        return referenceType.idempotencyKey(referenceId, type);
    }

    public long signedAmount() {
        return type.signed(amount);
    }
}
