package com.creatorcommerce.platform.messaging.ops;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Declares the dead-letter topics before the listeners start (a broker without topic auto-creation would otherwise
 * block a partition on its first poison message), and keeps {@code messaging.dlt.depth{topic}} (dead letters not
 * replayed yet) up to date.
 */
public class DeadLetterMonitor implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterMonitor.class);

    private final DeadLetters deadLetters;
    private final MessagingOps ops;
    private final MeterRegistry meters;
    private final Duration interval;
    private final Map<String, Long> depths = new ConcurrentHashMap<>();
    private volatile boolean declared;
    private ScheduledExecutorService scheduler;

    public DeadLetterMonitor(DeadLetters deadLetters, MessagingOps ops, MeterRegistry meters, Duration interval) {
        this.deadLetters = deadLetters;
        this.ops = ops;
        this.meters = meters;
        this.interval = interval;
    }

    @Override
    public void start() {
        declare();
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "dead-letter-monitor");
            t.setDaemon(true);
            return t;
        });
        scheduler.scheduleWithFixedDelay(this::refresh, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void declare() {
        try {
            deadLetters.declare();
            declared = true;
        } catch (RuntimeException e) {
            log.warn("Could not declare the dead-letter topics yet (retrying): {}", e.toString());
        }
    }

    void refresh() {
        if (!declared) {
            declare();
        }
        try {
            ops.unreplayedDepths().forEach((topic, depth) -> {
                if (depths.put(topic, depth) == null) {
                    Gauge.builder("messaging.dlt.depth", depths, d -> d.getOrDefault(topic, 0L))
                            .tag("topic", topic)
                            .description("dead letters not replayed yet")
                            .register(meters);
                }
            });
        } catch (RuntimeException e) {
            log.debug("Could not measure the dead-letter topics: {}", e.toString());
        }
    }

    @Override
    public void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null && !scheduler.isShutdown();
    }

    /** Before the listener containers start. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 200;
    }
}
