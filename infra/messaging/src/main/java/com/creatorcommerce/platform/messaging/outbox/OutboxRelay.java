package com.creatorcommerce.platform.messaging.outbox;

import com.creatorcommerce.platform.messaging.MessageTracing;
import com.creatorcommerce.platform.messaging.outbox.OutboxStore.Row;
import io.micrometer.core.instrument.MeterRegistry;
import java.lang.management.ManagementFactory;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.Producer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes committed outbox rows to Kafka (ADR 2, ADR 10).
 *
 * <ul>
 *   <li>Rows committed by this instance are sent by the committing thread right after the commit ({@link HandOff})
 *       when nothing older of their slot waits; otherwise the commit wakes the relay thread
 *       ({@link #wakeUp()}), as does the acknowledgement of a row whose slot had more rows waiting; polling every
 *       {@code poll-interval} is the fallback (other instances' rows, retries). A round that sent rows paces the
 *       next one ({@link WakeUps#paceAfter}), so that under load a round reads many rows, not one per commit.</li>
 *   <li>Pipelined: the relay thread selects pending rows and sends them without waiting; acknowledgements come
 *       back through producer callbacks, and {@link PublishedMarker} marks them PUBLISHED on its own thread, many
 *       per UPDATE.</li>
 *   <li>Per-key order: a slot has at most one row in flight. Kafka may write a later record after an earlier one
 *       of the same partition failed (a timed-out batch is skipped), so the next row of a slot is sent only once
 *       the previous one is acknowledged; rows are taken in id order.</li>
 *   <li>Publishes only the {@link OutboxSlots} it leases ({@link SlotLeases}); sends only while the leases stay
 *       valid for longer than a send can take; the leases are renewed by {@link LeaseKeeper} meanwhile.</li>
 *   <li>Failures are classified once ({@link DeliveryErrors}) and settled by {@link DeliveryOutcomes}: a transient
 *       one keeps its slot waiting with capped back-off, without limit; only a record that can never be accepted is
 *       parked as FAILED; a fatal producer error replaces the producer.</li>
 * </ul>
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final OutboxStore store;
    private final JsonMapper json;
    private final OutboxProperties props;
    private final SlotLeases leases;
    private final OutboxMetrics metrics;
    private final SlotBackoff backoff;
    private final String owner;
    private final WakeUps wakeUps = new WakeUps();
    private final RelayProducer producer;

    private final SlotSender sender;
    private final HandOff handOff;
    /** The last round found no more rows than it could take: hand-offs are worth their check. */
    private volatile boolean caughtUp;

    private final DeliveryOutcomes outcomes;

    private volatile boolean running;
    private volatile Thread worker;
    private LeaseKeeper keeper;
    private PublishedMarker marker;
    private long nextRebalance;

    /**
     * A relay that creates a producer from {@code producers} at each start (and after a fatal producer error) and
     * closes it at stop, so that it can be stopped and started again.
     */
    public OutboxRelay(
            DataSource dataSource,
            Supplier<Producer<String, String>> producers,
            JsonMapper json,
            OutboxProperties props,
            MeterRegistry meters,
            String name) {
        this.store = new OutboxStore(dataSource);
        this.producer = new RelayProducer(producers);
        this.json = json;
        this.props = props;
        this.owner = name + "@" + ManagementFactory.getRuntimeMXBean().getName() + "/"
                + UUID.randomUUID().toString().substring(0, 8);
        this.leases = new SlotLeases(dataSource, owner, props.leaseTtl(), System::nanoTime);
        this.backoff = new SlotBackoff(props.initialBackoff(), props.maxBackoff());
        this.sender = new SlotSender(json, this::wakeUp);
        this.metrics = new OutboxMetrics(meters, backoff.waiting(), sender.busy);
        this.handOff = new HandOff(sender, store, leases, props, metrics);
        this.outcomes = new DeliveryOutcomes(sender, backoff, store, metrics);
    }

    /** The span of each send and the traceparent it puts on the record ({@link MessageTracing#NONE} until set). */
    public void useTracing(MessageTracing tracing) {
        sender.tracing = tracing;
    }

    /** Signals that rows were committed (or acknowledged); cheap and safe from any thread. */
    public void wakeUp() {
        wakeUps.wakeUp();
    }

    /** True while the last round found no more rows than it could take: only then are hand-offs tried. */
    boolean caughtUp() {
        return caughtUp;
    }

    public String owner() {
        return owner;
    }

    @Override
    public void start() {
        leases.initialize();
        producer.open();
        running = true;
        keeper = new LeaseKeeper(leases, store, metrics, props.renewInterval(), this::wakeUp);
        keeper.start();
        marker = new PublishedMarker(store, metrics);
        sender.attach(marker, metrics);
        marker.start();
        Thread t = new Thread(this::loop, "outbox-relay");
        t.setDaemon(true);
        worker = t;
        t.start();
    }

    @Override
    public void stop() {
        running = false;
        Thread t = worker;
        if (t != null) {
            wakeUps.wakeUp();
            join(t, props.sendBudget().toMillis() + 1_000);
        }
        if (marker != null) {
            marker.stop(5_000);
        }
        if (keeper != null) {
            keeper.stop();
        }
        try {
            leases.releaseAll();
        } catch (RuntimeException e) {
            log.warn("Could not release outbox slots; they free themselves after {}", props.leaseTtl(), e);
        }
        producer.close();
        worker = null;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stop after the web server and listeners (which may still append), before the DataSource goes. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 1024;
    }

    private void loop() {
        long errorBackoff = props.initialBackoff().toMillis();
        while (running) {
            try {
                boolean more = runOnce();
                errorBackoff = props.initialBackoff().toMillis();
                if (!more) {
                    wakeUps.await(props.pollInterval().toMillis());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("Outbox relay round failed (retrying in {} ms): {}", errorBackoff, e.toString());
                sleepQuietly(errorBackoff);
                errorBackoff = Math.min(errorBackoff * 2, props.maxBackoff().toMillis());
            }
        }
        drainInFlight();
    }

    /**
     * Rows this instance has just committed; called on the committing thread after the commit. Sent at once when
     * {@link HandOff} finds that safe, otherwise left to the next round, which this wakes. Never throws.
     */
    void committed(List<Row> rows) {
        Producer<String, String> p = props.handOff() && running && caughtUp ? producer.current() : null;
        if (!handOff.trySend(rows, p)) {
            wakeUp();
        }
    }

    /** One round: settle completions, then send the next row of every idle slot; true when more may be waiting. */
    boolean runOnce() {
        long wokenFor = wakeUps.takeDelay();
        if (wokenFor != 0) {
            metrics.wake(wokenFor);
        }
        settleCompletions();
        marker.takeMarked().forEach(sender.unresolved::remove); // committed before the SELECT below starts
        long now = System.nanoTime();
        if (now - nextRebalance >= 0) {
            // a slot moves only when nothing of it is open, and never during a hand-off
            handOff.whileSlotsMove(() -> leases.rebalance(new HashSet<>(sender.unresolved.values())));
            nextRebalance = now + props.renewInterval().toNanos();
        }
        if (!leases.mayPublish(props.sendBudget()) || sender.unresolved.size() > 10 * props.batchSize()) {
            caughtUp = false;
            return false; // leases not trusted long enough, or the marker is behind (database slow): wait
        }
        int limit = props.batchSize() + sender.unresolved.size();
        long selectStart = System.nanoTime();
        List<Row> rows = store.pending(leases.held().slots(), backoff.notDue(now), limit);
        long selectNanos = System.nanoTime() - selectStart;
        metrics.select(selectNanos);
        int sent = sender.sendHeads(producer.current(), rows);
        wakeUps.paceAfter(sent, selectNanos);
        caughtUp = rows.size() < limit;
        return sent > 0 && rows.size() == limit;
    }

    private void settleCompletions() {
        if (outcomes.settleArrived()) {
            producer.replace(); // once for all the rows that failed with it
        }
    }

    /** At stop: lets the rows in flight finish (bounded by the send budget) so that they are marked. */
    private void drainInFlight() {
        long deadline = System.nanoTime() + props.sendBudget().toNanos();
        while (!sender.busy.isEmpty() && System.nanoTime() < deadline) {
            settleCompletions();
            sleepQuietly(5);
        }
        settleCompletions();
    }

    private static void join(Thread t, long millis) {
        try {
            t.join(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
