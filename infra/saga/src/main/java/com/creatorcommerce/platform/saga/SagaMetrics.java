package com.creatorcommerce.platform.saga;

import com.creatorcommerce.platform.saga.SagaQueries.TypeStatus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Saga meters:
 * <ul>
 *   <li>{@code saga.instances{type, status}}: sagas per type and status, refreshed periodically from the table
 *       (every status of every registered type is reported, zero included);</li>
 *   <li>{@code saga.step.latency{type, step, outcome}}: first send of a step's command (or compensation) to its
 *       applied reply; outcome {@code success}, {@code failure}, {@code compensated}, {@code compensation_failed};</li>
 *   <li>{@code saga.deadline.expired{type, step}}: deadlines that expired (each leads to a retry or a compensation);</li>
 *   <li>{@code saga.overdue{type}}: sagas awaiting a reply (RUNNING, COMPENSATING) past their deadline that the sweeper
 *       has not acted on yet: 0 but for a moment while the sweeper runs; above 0 for minutes, the sweeper is stopped
 *       or its transitions fail (the saga's {@code last_error} tells why);</li>
 *   <li>{@code saga.oldest_in_flight_age{type}} (seconds): age of the oldest saga of the type that awaits a reply, 0
 *       when none does.</li>
 * </ul>
 * The gauges are recounted from the table every {@code platform.saga.metrics-interval}, every registered type
 * reported (zero included), by the database clock.
 */
final class SagaMetrics implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SagaMetrics.class);

    private final MeterRegistry registry;
    private final SagaQueries queries;
    private final Set<String> types;
    private final Duration refreshInterval;
    private final MultiGauge instances;
    private final MultiGauge overdue;
    private final MultiGauge oldestInFlightAge;
    private ScheduledExecutorService scheduler;

    SagaMetrics(MeterRegistry registry, SagaQueries queries, Set<String> types, Duration refreshInterval) {
        this.registry = registry;
        this.queries = queries;
        this.types = Set.copyOf(types);
        this.refreshInterval = refreshInterval;
        this.instances = MultiGauge.builder("saga.instances")
                .description("Saga instances by type and status")
                .register(registry);
        this.overdue = MultiGauge.builder("saga.overdue")
                .description("Sagas awaiting a reply past their deadline, not yet acted on by the sweeper")
                .register(registry);
        this.oldestInFlightAge = MultiGauge.builder("saga.oldest_in_flight_age")
                .baseUnit("seconds")
                .description("Age of the oldest saga awaiting a reply (RUNNING or COMPENSATING)")
                .register(registry);
    }

    void stepReplied(String type, String step, String outcome, long elapsedMicros) {
        Timer.builder("saga.step.latency")
                .description("From a step's first send to its applied reply")
                .tags("type", type, "step", step, "outcome", outcome)
                .register(registry)
                .record(Duration.ofNanos(Math.max(0, elapsedMicros) * 1000));
    }

    void deadlineExpired(String type, String step) {
        Counter.builder("saga.deadline.expired")
                .description("Step deadlines that expired")
                .tags("type", type, "step", step)
                .register(registry)
                .increment();
    }

    /** Reads the counts now and publishes them. */
    void refresh() {
        Map<TypeStatus, Long> counts = queries.countsByTypeAndStatus();
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        for (String type : types) {
            for (SagaStatus status : SagaStatus.values()) {
                counts.putIfAbsent(new TypeStatus(type, status), 0L);
            }
        }
        counts.forEach((ts, n) -> rows.add(MultiGauge.Row.of(
                Tags.of("type", ts.type(), "status", ts.status().name()), n)));
        instances.register(rows, true);

        Map<String, SagaQueries.InFlight> inFlight = queries.inFlightByType();
        for (String type : types) {
            inFlight.putIfAbsent(type, new SagaQueries.InFlight(0, 0));
        }
        List<MultiGauge.Row<?>> overdueRows = new ArrayList<>();
        List<MultiGauge.Row<?>> ageRows = new ArrayList<>();
        inFlight.forEach((type, f) -> {
            overdueRows.add(MultiGauge.Row.of(Tags.of("type", type), f.overdue()));
            ageRows.add(MultiGauge.Row.of(Tags.of("type", type), f.oldestAgeSeconds()));
        });
        overdue.register(overdueRows, true);
        oldestInFlightAge.register(ageRows, true);
    }

    @Override
    public synchronized void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "saga-metrics");
            t.setDaemon(true);
            return t;
        });
        scheduler.scheduleWithFixedDelay(
                () -> {
                    try {
                        refresh();
                    } catch (RuntimeException e) {
                        log.warn("Saga gauges not refreshed: {}", e.toString());
                    }
                },
                0,
                refreshInterval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }
}
