package com.creatorcommerce.platform.messaging.outbox;

import com.creatorcommerce.platform.messaging.MessageHeaders;
import com.creatorcommerce.platform.messaging.MessageTracing;
import com.creatorcommerce.platform.messaging.outbox.OutboxStore.Row;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeader;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends outbox rows with at most one row in flight per slot, for the relay's rounds and for the hand-off after a
 * commit alike (both run at once, on different threads). A row is sent only by whoever {@link #claim claimed} it:
 * its slot had nothing in flight and the row was not in flight or waiting to be marked already.
 *
 * <p>An acknowledgement frees the slot at once (the next row of the slot may go) and hands the row to the
 * {@link PublishedMarker}; a failure keeps the slot busy until the relay has settled it (back-off, park), so that no
 * later row of the slot can overtake the failed one.
 */
final class SlotSender {

    private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() {};

    /** A settled send: {@code error} null when acknowledged. */
    record Completion(Row row, Throwable error) {}

    /** Slot → the row of it in flight. */
    final Map<Integer, Long> busy = new ConcurrentHashMap<>();
    /** Rows in flight or acknowledged but not yet marked, with their slots: never sent again meanwhile. */
    final Map<Long, Integer> unresolved = new ConcurrentHashMap<>();

    final Queue<Completion> completions = new ConcurrentLinkedQueue<>();
    /** Slots with rows waiting behind an unacknowledged one: their ack (or failure) wakes the relay. */
    volatile Set<Integer> leftOutBusy = Set.of();

    private final JsonMapper json;
    private final Runnable wakeUp;
    private volatile OutboxMetrics metrics;
    private volatile PublishedMarker marker;
    volatile MessageTracing tracing = MessageTracing.NONE;

    SlotSender(JsonMapper json, Runnable wakeUp) {
        this.json = json;
        this.wakeUp = wakeUp;
    }

    /** Where acknowledged rows go, and the meters; set before the first send. */
    void attach(PublishedMarker marker, OutboxMetrics metrics) {
        this.marker = marker;
        this.metrics = metrics;
    }

    /** Takes the row's slot and the row; false when the slot has a row in flight or the row is already taken. */
    boolean claim(Row row) {
        if (busy.putIfAbsent(row.slot(), row.id()) != null) {
            return false;
        }
        if (unresolved.putIfAbsent(row.id(), row.slot()) != null) {
            busy.remove(row.slot(), row.id());
            return false;
        }
        return true;
    }

    /** Gives a claimed row back without sending it. */
    void unclaim(Row row) {
        busy.remove(row.slot(), row.id());
        unresolved.remove(row.id(), row.slot());
    }

    /**
     * One round of the relay over {@code rows} (pending, in id order): sends the oldest row of every slot with nothing
     * in flight, skips rows in flight or being marked, and remembers the slots left waiting behind an unacknowledged
     * row ({@link #leftOutBusy}: their acks start the next round). Returns how many rows went out.
     */
    int sendHeads(Producer<String, String> producer, List<Row> rows) {
        int sent = 0;
        Set<Integer> taken = new HashSet<>();
        Set<Integer> behind = new HashSet<>();
        for (Row row : rows) {
            if (unresolved.containsKey(row.id())) {
                continue; // in flight or being marked
            }
            if (!taken.add(row.slot()) || !claim(row)) {
                behind.add(row.slot()); // its slot sends an older row (from here or a hand-off)
                continue;
            }
            if (!send(producer, row)) {
                break; // the producer refuses records now (closed, or no metadata): its failure wakes us
            }
            sent++;
        }
        leftOutBusy = behind;
        for (Integer slot : behind) {
            if (!busy.containsKey(slot)) {
                wakeUp.run(); // acknowledged before leftOutBusy was set: nobody else wakes the relay for it
                break;
            }
        }
        return sent;
    }

    /**
     * Sends a claimed row; its outcome arrives in {@link #completions} (an unreadable row or a refusal by the
     * producer at once too). False when the producer refused the record at once.
     */
    boolean send(Producer<String, String> producer, Row row) {
        Map<String, String> headers;
        try {
            headers = json.readValue(row.headers(), HEADERS);
        } catch (RuntimeException e) {
            completions.add(
                    new Completion(row, new DeliveryErrors.UnreadableRowException("unreadable outbox row: " + e, e)));
            wakeUp.run();
            return true;
        }
        MessageTracing.Sending span = tracing.sending(headers.get(MessageHeaders.TRACEPARENT), row.topic(), row.id());
        if (span.traceparent() != null) {
            headers.put(MessageHeaders.TRACEPARENT, span.traceparent());
        }
        ProducerRecord<String, String> record = new ProducerRecord<>(row.topic(), row.key(), row.payload());
        headers.forEach((k, v) -> {
            if (v != null) {
                record.headers().add(new RecordHeader(k, v.getBytes(StandardCharsets.UTF_8)));
            }
        });
        Duration queued = Duration.between(row.createdAt().toInstant(), Instant.now());
        metrics.queued(queued.isNegative() ? Duration.ZERO : queued);
        long sentAt = System.nanoTime();
        try {
            Future<RecordMetadata> ack = producer.send(record, (metadata, error) -> {
                metrics.broker(System.nanoTime() - sentAt);
                span.end(error);
                if (error == null) {
                    busy.remove(row.slot(), row.id()); // the next row of the slot may go now
                    marker.acked(row.id());
                }
                completions.add(new Completion(row, error));
                if (error != null || leftOutBusy.contains(row.slot())) {
                    wakeUp.run(); // rows of this slot may wait behind it; otherwise the next commit or poll settles it
                }
            });
            return !(ack.isDone() && failedAtOnce(ack)); // its callback has run or will run: settled there
        } catch (RuntimeException e) { // not an ApiException: the callback is not called
            span.end(e);
            completions.add(new Completion(row, e));
            wakeUp.run();
            return false;
        }
    }

    private static boolean failedAtOnce(Future<RecordMetadata> ack) {
        try {
            ack.get();
            return false;
        } catch (Exception e) {
            return true;
        }
    }
}
