package com.creatorcommerce.platform.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;

/**
 * Builds a Kafka record with the platform envelope for producers outside the outbox: tests that act as another
 * service, operator tools that replay a message. Services publish through the {@code Outbox}, never this.
 */
public final class Envelopes {

    private Envelopes() {}

    /**
     * @param correlationId saga id ({@code null}: the message starts its own flow)
     * @param userId acting user ({@code null}: none)
     */
    public static ProducerRecord<String, String> record(
            String topic,
            String key,
            String type,
            String payloadJson,
            String messageId,
            String source,
            String correlationId,
            Long userId) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, payloadJson);
        add(record, MessageHeaders.SPEC_VERSION, MessageHeaders.CLOUDEVENTS_VERSION);
        add(record, MessageHeaders.ID, messageId);
        add(record, MessageHeaders.TYPE, type);
        add(record, MessageHeaders.SOURCE, source);
        add(record, MessageHeaders.SUBJECT, key);
        add(record, MessageHeaders.TIME, Instant.now().toString());
        add(record, MessageHeaders.CONTENT_TYPE, MessageHeaders.JSON);
        add(record, MessageHeaders.CORRELATION_ID, correlationId == null ? messageId : correlationId);
        if (userId != null) {
            add(record, MessageHeaders.USER_ID, userId.toString());
        }
        return record;
    }

    private static void add(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8)));
    }
}
