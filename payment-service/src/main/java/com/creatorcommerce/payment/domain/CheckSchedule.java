package com.creatorcommerce.payment.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * When the reconciliation job looks at a payment or a cancellation whose PG outcome is unknown.
 *
 * @param hold how long a row just sent to the PG (or just created) is left alone, so that a call in flight is not
 *             raced
 * @param firstDelay the wait after the first look that left the outcome unknown; doubled after each further one
 * @param maxDelay the longest wait (the back-off is capped here, and flagged rows are checked this often)
 * @param maxAttempts looks after which a row still unresolved is flagged for ops
 */
public record CheckSchedule(Duration hold, Duration firstDelay, Duration maxDelay, int maxAttempts) {

    public CheckSchedule {
        Objects.requireNonNull(hold, "hold");
        Objects.requireNonNull(firstDelay, "firstDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        if (hold.isNegative() || firstDelay.isNegative() || maxDelay.compareTo(firstDelay) < 0 || maxAttempts < 1) {
            throw new IllegalArgumentException("0 <= hold, 0 <= firstDelay <= maxDelay, maxAttempts >= 1");
        }
    }

    /** Until when a row just created or sent is left to the caller. */
    public Instant holdUntil(Instant now) {
        return now.plus(hold);
    }

    /** The next look after the {@code attempts}-th left the outcome unknown: firstDelay * 2^(attempts-1), capped. */
    public Instant next(int attempts, Instant now) {
        return now.plus(delay(attempts));
    }

    public Duration delay(int attempts) {
        int doublings = Math.max(0, Math.min(attempts - 1, 40));
        Duration d = firstDelay;
        for (int i = 0; i < doublings && d.compareTo(maxDelay) < 0; i++) {
            d = d.multipliedBy(2);
        }
        return d.compareTo(maxDelay) > 0 ? maxDelay : d;
    }

    /** Whether a row with {@code attempts} unresolved looks needs ops. */
    public boolean exhausted(int attempts) {
        return attempts >= maxAttempts;
    }
}
