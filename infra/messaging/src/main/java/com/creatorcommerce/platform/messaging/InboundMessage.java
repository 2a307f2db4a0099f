package com.creatorcommerce.platform.messaging;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import tools.jackson.databind.json.JsonMapper;

/** A consumed message with its envelope read from the Kafka headers. */
public record InboundMessage(
        String id,
        String type,
        String source,
        String subject,
        String time,
        String correlationId,
        String causationId,
        Long userId,
        String traceparent,
        String topic,
        String key,
        String payload) {

    public static InboundMessage from(ConsumerRecord<String, String> record) {
        String id = header(record, MessageHeaders.ID);
        String type = header(record, MessageHeaders.TYPE);
        if (id == null || type == null) {
            throw new MalformedMessageException("Message without " + MessageHeaders.ID + "/" + MessageHeaders.TYPE
                    + " headers on " + record.topic() + "-" + record.partition() + "@" + record.offset());
        }
        String user = header(record, MessageHeaders.USER_ID);
        Long userId;
        try {
            userId = user == null || user.isEmpty() ? null : Long.valueOf(user);
        } catch (NumberFormatException e) {
            throw new MalformedMessageException("Invalid " + MessageHeaders.USER_ID + " header: " + user);
        }
        return new InboundMessage(
                id,
                type,
                header(record, MessageHeaders.SOURCE),
                header(record, MessageHeaders.SUBJECT),
                header(record, MessageHeaders.TIME),
                header(record, MessageHeaders.CORRELATION_ID),
                header(record, MessageHeaders.CAUSATION_ID),
                userId,
                header(record, MessageHeaders.TRACEPARENT),
                record.topic(),
                record.key(),
                record.value());
    }

    /** The JSON payload as {@code type}; unreadable payloads are not retried (straight to the dead-letter topic). */
    public <T> T payloadAs(JsonMapper mapper, Class<T> type) {
        try {
            return mapper.readValue(payload, type);
        } catch (RuntimeException e) {
            throw new MalformedMessageException(
                    "Cannot read " + this.type + " payload as " + type.getSimpleName() + ": " + e.getMessage());
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
