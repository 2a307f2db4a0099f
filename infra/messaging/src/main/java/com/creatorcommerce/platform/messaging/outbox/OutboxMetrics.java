package com.creatorcommerce.platform.messaging.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The relay's meters. Alert on {@code outbox.failed > 0} (parked rows need an operator),
 * {@code outbox.waiting_slots > 0} for minutes (a key held back by a broker problem) and
 * {@code outbox.oldest_pending_age} (seconds). {@code outbox.stage{stage=queued|wake|select|check|broker|mark}} break the latency
 * down (append to SELECT, send to ack, marking).
 */
final class OutboxMetrics {

    private final Timer latency;
    private final Timer queued;
    private final Timer broker;
    private final Timer mark;
    private final Timer wake;
    private final Timer select;
    private final Timer check;
    private final Counter published;
    private final Counter handedOff;
    private final Counter leftToRound;
    private final Map<DeliveryErrors.Kind, Counter> failures = new EnumMap<>(DeliveryErrors.Kind.class);
    private volatile OutboxStore.Stats stats = new OutboxStore.Stats(0, 0, null);

    OutboxMetrics(MeterRegistry meters, Map<Integer, ?> waitingSlots, Map<Integer, ?> inFlight) {
        latency = Timer.builder("outbox.publish.latency")
                .description("outbox commit to Kafka ack")
                .publishPercentiles(0.5, 0.99)
                .register(meters);
        published = Counter.builder("outbox.published").register(meters);
        handedOff = Counter.builder("outbox.hand_off")
                .tag("result", "sent")
                .description("committed rows sent at once by the hand-off after commit")
                .register(meters);
        leftToRound = Counter.builder("outbox.hand_off")
                .tag("result", "left")
                .description("committed rows left to the relay's next round")
                .register(meters);
        queued = stage(meters, "queued", "append (before commit) to the relay's SELECT");
        broker = stage(meters, "broker", "send to broker ack");
        mark = stage(meters, "mark", "UPDATE of a batch of acknowledged rows to PUBLISHED");
        wake = stage(meters, "wake", "wake-up signal (commit or ack) to the start of the relay's round");
        select = stage(meters, "select", "the relay's SELECT of pending rows");
        check = stage(meters, "check", "a hand-off's read of older pending rows of its slots");
        for (DeliveryErrors.Kind kind : DeliveryErrors.Kind.values()) {
            failures.put(
                    kind,
                    Counter.builder("outbox.publish.failures")
                            .tag("kind", kind.name().toLowerCase())
                            .register(meters));
        }
        Gauge.builder("outbox.backlog", this, m -> m.stats.pending())
                .description("pending outbox rows")
                .register(meters);
        Gauge.builder("outbox.failed", this, m -> m.stats.failed())
                .description("outbox rows parked as FAILED (need an operator)")
                .register(meters);
        Gauge.builder("outbox.oldest_pending_age", this, OutboxMetrics::oldestPendingAgeSeconds)
                .description("age in seconds of the oldest pending row")
                .baseUnit("seconds")
                .register(meters);
        Gauge.builder("outbox.waiting_slots", waitingSlots, Map::size)
                .description("slots whose head row failed transiently and waits for a retry")
                .register(meters);
        Gauge.builder("outbox.in_flight", inFlight, Map::size)
                .description("rows sent and not yet acknowledged")
                .register(meters);
    }

    private static Timer stage(MeterRegistry meters, String stage, String description) {
        return Timer.builder("outbox.stage")
                .tag("stage", stage)
                .description(description)
                .publishPercentiles(0.5, 0.99)
                .register(meters);
    }

    void queued(Duration d) {
        queued.record(d);
    }

    void broker(long nanos) {
        broker.record(nanos, TimeUnit.NANOSECONDS);
    }

    void wake(long nanos) {
        wake.record(nanos, TimeUnit.NANOSECONDS);
    }

    void check(long nanos) {
        check.record(nanos, TimeUnit.NANOSECONDS);
    }

    void select(long nanos) {
        select.record(nanos, TimeUnit.NANOSECONDS);
    }

    void mark(long nanos) {
        mark.record(nanos, TimeUnit.NANOSECONDS);
    }

    void stats(OutboxStore.Stats current) {
        stats = current;
    }

    void handedOff(int sent, int left) {
        handedOff.increment(sent);
        leftToRound.increment(left);
    }

    void published(int n) {
        published.increment(n);
    }

    void failure(DeliveryErrors.Kind kind) {
        failures.get(kind).increment();
    }

    void latency(Duration d) {
        latency.record(d);
    }

    private double oldestPendingAgeSeconds() {
        Instant oldest = stats.oldestPending();
        return oldest == null
                ? 0
                : Math.max(0, Duration.between(oldest, Instant.now()).toMillis() / 1000.0);
    }
}
