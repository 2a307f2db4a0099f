package com.creatorcommerce.platform.messaging.outbox;

import com.creatorcommerce.platform.messaging.outbox.DeliveryErrors.Kind;
import com.creatorcommerce.platform.messaging.outbox.OutboxStore.Row;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Settles what the producer answered for the rows the relay sent ({@link SlotSender#completions}), on the relay's
 * thread, with the one failure policy (ADR 10): a success frees its slot; a record-specific permanent failure is
 * parked as FAILED; any other failure keeps its slot waiting with capped back-off, without limit. A fatal producer
 * error is reported so that the relay replaces its producer once, after the completions at hand.
 */
final class DeliveryOutcomes {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final SlotSender sender;
    private final SlotBackoff backoff;
    private final OutboxStore store;
    private final OutboxMetrics metrics;

    DeliveryOutcomes(SlotSender sender, SlotBackoff backoff, OutboxStore store, OutboxMetrics metrics) {
        this.sender = sender;
        this.backoff = backoff;
        this.store = store;
        this.metrics = metrics;
    }

    /** Settles every completion that has arrived; true when one of them was a fatal producer error. */
    boolean settleArrived() {
        boolean producerBroken = false;
        SlotSender.Completion c;
        while ((c = sender.completions.poll()) != null) {
            producerBroken |= settle(c);
        }
        return producerBroken;
    }

    private boolean settle(SlotSender.Completion c) {
        Row row = c.row();
        sender.busy.remove(row.slot(), row.id());
        if (c.error() == null) {
            backoff.succeeded(row.slot());
            metrics.latency(Duration.ofMillis(
                    Math.max(0, System.currentTimeMillis() - row.createdAt().getTime())));
            return false;
        }
        sender.unresolved.remove(row.id());
        return failed(row, c.error());
    }

    /** Applies the one policy; true when the producer itself is broken. */
    private boolean failed(Row row, Throwable error) {
        Kind kind = DeliveryErrors.classify(error);
        metrics.failure(kind);
        if (kind == Kind.PERMANENT) {
            log.error(
                    "Outbox row {} to {} can never be delivered; parked as FAILED: {}",
                    row.id(),
                    row.topic(),
                    error.toString());
            store.park(row.id(), error.toString());
            return false;
        }
        SlotBackoff.Wait wait = backoff.failed(row.slot(), System.nanoTime());
        log.warn(
                "Outbox row {} to {} not delivered ({} failure {} of its slot), retry in {} ms: {}",
                row.id(),
                row.topic(),
                kind,
                wait.failures(),
                wait.delay().toMillis(),
                error.toString());
        try {
            store.recordRetry(row.id(), Instant.now().plus(wait.delay()), error.toString());
        } catch (RuntimeException e) {
            log.debug("Could not record the retry of outbox row {}: {}", row.id(), e.toString());
        }
        return kind == Kind.PRODUCER_FATAL;
    }
}
