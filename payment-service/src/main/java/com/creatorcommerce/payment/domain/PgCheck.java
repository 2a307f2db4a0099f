package com.creatorcommerce.payment.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;

/**
 * When the reconciliation job next looks at the PG for a row whose outcome is not certain yet (a {@link Payment}, a
 * {@link PaymentCancellation}), and what it found so far: {@code next_check_at} is set while a look is due (held back
 * while a PG call is in flight, backed off after each look that left the outcome unknown) and cleared once the
 * outcome is certain; {@code attention_at} flags the row for ops once, when the looks reach the {@link CheckSchedule}'s
 * cap; {@code last_error} is why the last look left the outcome unknown.
 */
@Embeddable
public class PgCheck {

    private static final int TEXT = 500;

    @Column(name = "next_check_at")
    private Instant nextCheckAt;

    @Column(name = "attention_at")
    private Instant attentionAt;

    @Column(name = "last_error")
    private String lastError;

    protected PgCheck() {}

    static PgCheck none() {
        return new PgCheck();
    }

    /** A PG call is (about to be) in flight: the job leaves the row alone until the schedule's hold is over. */
    void hold(CheckSchedule schedule, Instant now) {
        nextCheckAt = schedule.holdUntil(now);
    }

    /** Claims a look due at {@code dueBy} for the job (held while it is in flight); false when none is due. */
    boolean claim(Instant dueBy, CheckSchedule schedule, Instant now) {
        if (nextCheckAt == null || nextCheckAt.isAfter(dueBy)) {
            return false;
        }
        hold(schedule, now);
        return true;
    }

    /** The next look is at {@code at}. */
    void lookAgainAt(Instant at) {
        nextCheckAt = at;
    }

    /** Nothing more to check; the last error stays as it was. */
    void stop() {
        nextCheckAt = null;
    }

    /** The outcome is certain: nothing more to check, no error. */
    void resolved() {
        nextCheckAt = null;
        lastError = null;
    }

    boolean due() {
        return nextCheckAt != null;
    }

    /**
     * A look left the outcome unknown for {@code reason}: the next one is at {@code nextLook}. Returns true when
     * {@code exhausted} (the attempts are used up) flagged the row for ops now (once).
     */
    boolean unknown(String reason, Instant nextLook, boolean exhausted, Instant now) {
        lastError = reason == null || reason.length() <= TEXT ? reason : reason.substring(0, TEXT);
        nextCheckAt = nextLook;
        if (exhausted && attentionAt == null) {
            attentionAt = now;
            return true;
        }
        return false;
    }

    Instant nextCheckAt() {
        return nextCheckAt;
    }

    Instant attentionAt() {
        return attentionAt;
    }

    String lastError() {
        return lastError;
    }
}
