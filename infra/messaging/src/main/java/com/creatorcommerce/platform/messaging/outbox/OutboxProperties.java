package com.creatorcommerce.platform.messaging.outbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code platform.outbox.*}.
 *
 * @param enabled run the relay in this instance ({@code false}: this instance only appends; others publish)
 * @param batchSize rows read per round
 * @param pollInterval fallback polling when no commit woke the relay (other instances' rows, retries)
 * @param leaseTtl slot lease duration; a crashed instance's slots move after this. Must exceed the send budget
 *     ({@code 1.5 × sendTimeout + 1 s}) plus the renewal interval ({@code leaseTtl / 6}).
 * @param sendTimeout the producer's delivery timeout; half of it bounds a blocked send (metadata)
 * @param initialBackoff first retry delay of a slot whose head row failed transiently, doubled per failure
 * @param maxBackoff retry delay cap (a failing slot is retried at least this often, without limit)
 * @param retention published rows are purged after this
 * @param handOff send the rows a transaction of this instance committed from the committing thread, right after the
 *     commit, when nothing older of their slot is pending (one read per commit), instead of waking the relay's
 *     round (off by default: on the project's 2-core machines it costs more than it saves, ADR 15)
 */
@ConfigurationProperties("platform.outbox")
public record OutboxProperties(
        Boolean enabled,
        Integer batchSize,
        Duration pollInterval,
        Duration leaseTtl,
        Duration sendTimeout,
        Duration initialBackoff,
        Duration maxBackoff,
        Duration retention,
        Boolean handOff) {

    public OutboxProperties {
        enabled = enabled == null || enabled;
        batchSize = batchSize == null ? 200 : batchSize;
        pollInterval = pollInterval == null ? Duration.ofMillis(500) : pollInterval;
        leaseTtl = leaseTtl == null ? Duration.ofSeconds(30) : leaseTtl;
        sendTimeout = sendTimeout == null ? Duration.ofSeconds(10) : sendTimeout;
        initialBackoff = initialBackoff == null ? Duration.ofMillis(200) : initialBackoff;
        maxBackoff = maxBackoff == null ? Duration.ofSeconds(30) : maxBackoff;
        retention = retention == null ? Duration.ofDays(7) : retention;
        handOff = handOff != null && handOff;
        if (batchSize < 1) {
            throw new IllegalArgumentException("platform.outbox.batch-size must be >= 1");
        }
        if (leaseTtl.minus(renewInterval(leaseTtl)).compareTo(sendBudget(sendTimeout)) <= 0) {
            throw new IllegalArgumentException("platform.outbox.lease-ttl (" + leaseTtl + ") must exceed the send "
                    + "budget (" + sendBudget(sendTimeout) + ") plus the renewal interval (lease-ttl / 6)");
        }
    }

    public static OutboxProperties defaults() {
        return new OutboxProperties(null, null, null, null, null, null, null, null, null);
    }

    /** How often leases are renewed. */
    public Duration renewInterval() {
        return renewInterval(leaseTtl);
    }

    /** The longest a record can take from {@code send()} to its ack or failure: blocked send + delivery + margin. */
    public Duration sendBudget() {
        return sendBudget(sendTimeout);
    }

    private static Duration renewInterval(Duration ttl) {
        return ttl.dividedBy(6);
    }

    private static Duration sendBudget(Duration sendTimeout) {
        return sendTimeout.plus(sendTimeout.dividedBy(2)).plusSeconds(1);
    }
}
