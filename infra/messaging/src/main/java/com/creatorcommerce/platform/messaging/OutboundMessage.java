package com.creatorcommerce.platform.messaging;

import java.util.Objects;

/**
 * A message to publish through the outbox.
 *
 * @param topic explicit topic name, e.g. {@code coupon.events}
 * @param key partitioning key: the aggregate id, so that order holds per aggregate
 * @param type CloudEvents type, e.g. {@code coupon.issued.v1}
 * @param subject CloudEvents subject (the aggregate id, usually = key)
 * @param payload a record serialised to JSON
 * @param correlationId saga id; {@code null} inherits the message being handled, or starts a new flow
 * @param userId acting user; {@code null} inherits the message being handled
 */
public record OutboundMessage(
        String topic, String key, String type, String subject, Object payload, String correlationId, Long userId) {

    public OutboundMessage {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(payload, "payload");
    }

    public static OutboundMessage of(String topic, String key, String type, Object payload) {
        return new OutboundMessage(topic, key, type, key, payload, null, null);
    }

    public OutboundMessage withCorrelationId(String correlation) {
        return new OutboundMessage(topic, key, type, subject, payload, correlation, userId);
    }

    public OutboundMessage withUserId(long user) {
        return new OutboundMessage(topic, key, type, subject, payload, correlationId, user);
    }
}
