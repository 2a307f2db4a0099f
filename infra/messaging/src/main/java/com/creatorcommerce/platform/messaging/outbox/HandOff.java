package com.creatorcommerce.platform.messaging.outbox;

import com.creatorcommerce.platform.messaging.outbox.OutboxStore.Row;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.apache.kafka.clients.producer.Producer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the rows a transaction of this instance has just committed from the committing thread, without waiting for a
 * relay round (ADR 15). A row goes only when every guarantee of the round holds for it:
 * <ul>
 *   <li>its slot is leased by this instance for longer than a send can take, and no rebalance runs meanwhile;</li>
 *   <li>nothing of its slot is in flight, and it was not sent already ({@link SlotSender#claim});</li>
 *   <li>no older row of its slot is still pending in the database, other than rows acknowledged and waiting to be
 *       marked. The check reads right after the commit, so it sees every row committed before this one, whichever
 *       instance appended it (an instance without a relay, or one whose slots moved).</li>
 * </ul>
 * Anything else is left to the relay's next round, in id order as always.
 */
final class HandOff {

    private static final Logger log = LoggerFactory.getLogger(HandOff.class);
    /** At most this many pending rows are read by the check; more means a backlog (the round's job). */
    private static final int CHECK_LIMIT = 64;

    private final SlotSender sender;
    private final OutboxStore store;
    private final SlotLeases leases;
    private final OutboxProperties props;
    private final OutboxMetrics metrics;
    /** Hand-offs check and send under the read lock; a rebalance (slots may move) takes the write lock. */
    private final ReadWriteLock slotsMoving = new ReentrantReadWriteLock();

    private volatile long lastWarning = System.nanoTime() - TimeUnit.MINUTES.toNanos(2);

    HandOff(SlotSender sender, OutboxStore store, SlotLeases leases, OutboxProperties props, OutboxMetrics metrics) {
        this.sender = sender;
        this.store = store;
        this.leases = leases;
        this.props = props;
        this.metrics = metrics;
    }

    /** Runs a rebalance of the leases while no hand-off is checking or sending. */
    void whileSlotsMove(Runnable rebalance) {
        Lock lock = slotsMoving.writeLock();
        lock.lock();
        try {
            rebalance.run();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Sends what is safe to send of {@code rows} with {@code producer} (null: the relay is not ready, send nothing).
     * True when every row was sent; false when some are left to a round. Never throws: the commit is done.
     */
    boolean trySend(List<Row> rows, Producer<String, String> producer) {
        if (producer == null) {
            return false;
        }
        Lock lock = slotsMoving.readLock();
        if (!lock.tryLock()) {
            return false; // slots are being moved: leave it to the round
        }
        try {
            return send(rows, producer);
        } catch (RuntimeException e) {
            long now = System.nanoTime();
            if (now - lastWarning > TimeUnit.MINUTES.toNanos(1)) { // the rows are safe; say so, not per row
                lastWarning = now;
                log.warn("Hand-off of committed outbox rows failed; relay rounds send them: {}", e.toString());
            }
            return false;
        } finally {
            lock.unlock();
        }
    }

    private boolean send(List<Row> rows, Producer<String, String> producer) {
        SortedSet<Integer> held = leases.held().slots();
        if (!leases.mayPublish(props.sendBudget()) || sender.unresolved.size() > 10 * props.batchSize()) {
            return false;
        }
        List<Row> claimed = new ArrayList<>(rows.size());
        for (Row row : rows) {
            if (held.contains(row.slot()) && sender.claim(row)) {
                claimed.add(row);
            }
        }
        if (claimed.isEmpty()) {
            return false;
        }
        List<Row> clear;
        long started = System.nanoTime();
        try {
            clear = clearToSend(claimed);
        } catch (RuntimeException e) {
            claimed.forEach(sender::unclaim);
            throw e;
        }
        metrics.check(System.nanoTime() - started);
        int sent = 0;
        boolean refused = false;
        for (Row row : claimed) {
            if (refused || !clear.contains(row)) {
                sender.unclaim(row);
            } else if (sender.send(producer, row)) {
                sent++;
            } else {
                refused = true; // the producer refuses records now: the rest waits for the round
            }
        }
        metrics.handedOff(sent, rows.size() - sent);
        return sent == rows.size();
    }

    /** The claimed rows that no older pending row of their slot precedes, other than rows waiting to be marked. */
    private List<Row> clearToSend(List<Row> claimed) {
        Set<Integer> slots = new HashSet<>();
        long upTo = 0;
        for (Row row : claimed) {
            slots.add(row.slot());
            upTo = Math.max(upTo, row.id());
        }
        List<OutboxStore.Pending> pending = store.pendingUpTo(slots, upTo, CHECK_LIMIT);
        if (pending.size() >= CHECK_LIMIT) {
            return List.of(); // a backlog: the round sends in order
        }
        List<Row> clear = new ArrayList<>(claimed.size());
        for (Row row : claimed) {
            boolean stillPending = false;
            boolean olderWaiting = false;
            for (OutboxStore.Pending p : pending) {
                if (p.id() == row.id()) {
                    stillPending = true;
                } else if (p.slot() == row.slot() && p.id() < row.id() && !sender.unresolved.containsKey(p.id())) {
                    olderWaiting = true;
                }
            }
            if (stillPending && !olderWaiting) {
                clear.add(row);
            }
        }
        return clear;
    }
}
