package com.creatorcommerce.payment.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;
import java.time.Instant;

/**
 * The looks at the PG of one {@link Payment}: confirms sent, looks that left the outcome unknown (they set the
 * back-off), when the PG was last asked, and the {@link PgCheck} that says when the reconciliation job looks next.
 */
@Embeddable
public class PaymentLooks {

    @Column(name = "confirm_attempts", nullable = false)
    private int confirmAttempts;

    @Column(name = "check_attempts", nullable = false)
    private int checkAttempts;

    @Column(name = "last_checked_at")
    private Instant lastCheckedAt;

    /** Null when Hibernate loads a row without any of its columns set: see {@link #next()}. */
    @Embedded
    private PgCheck next = PgCheck.none();

    protected PaymentLooks() {}

    static PaymentLooks none() {
        return new PaymentLooks();
    }

    /** A PG call is (about to be) in flight: the job leaves the payment alone meanwhile. */
    void hold(CheckSchedule schedule, Instant now) {
        next().hold(schedule, now);
    }

    void confirmSent(Instant now) {
        confirmAttempts++;
        lastCheckedAt = now;
    }

    boolean claim(Instant dueBy, CheckSchedule schedule, Instant now) {
        return next().claim(dueBy, schedule, now);
    }

    /** The PG answered for certain: nothing more to check. */
    void settled(Instant now) {
        lastCheckedAt = now;
        next().resolved();
    }

    /** The PG declined: nothing more to check, the last error kept. */
    void declined(Instant now) {
        lastCheckedAt = now;
        next().stop();
    }

    /** Re-checked from {@code at} on (a failure whose reason is unclear). */
    void recheckFrom(Instant at) {
        next().lookAgainAt(at);
    }

    /** A look is still due. */
    boolean due() {
        return next != null && next.due();
    }

    /** A look left the outcome unknown: backed off; true when it flagged the payment for ops (once). */
    boolean unknown(String reason, CheckSchedule schedule, Instant now) {
        lastCheckedAt = now;
        checkAttempts++;
        return next().unknown(reason, schedule.next(checkAttempts, now), schedule.exhausted(checkAttempts), now);
    }

    private PgCheck next() {
        if (next == null) {
            next = PgCheck.none();
        }
        return next;
    }

    /** Looks that left the outcome unknown. */
    public int checkAttempts() {
        return checkAttempts;
    }

    /** When the reconciliation job looks next; null when nothing is left to check. */
    public Instant nextCheckAt() {
        return next == null ? null : next.nextCheckAt();
    }

    /** When the payment was flagged for ops (its looks reached the cap); null if never. */
    public Instant attentionAt() {
        return next == null ? null : next.attentionAt();
    }
}
