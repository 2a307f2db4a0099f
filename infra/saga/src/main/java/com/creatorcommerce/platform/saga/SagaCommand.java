package com.creatorcommerce.platform.saga;

import java.util.Objects;

/**
 * A command (or compensation) a step sends to a participant through the outbox. The engine sets the correlation id
 * to the saga; participants reply while handling it, so their replies inherit it.
 *
 * @param topic the participant's commands topic, e.g. {@code coupon.commands}
 * @param key message key: the participant's aggregate id, so that a re-sent command keeps its order
 * @param type CloudEvents type, e.g. {@code coupon.reserve.v1}
 * @param payload a record serialised to JSON
 * @param userId acting user; {@code null} inherits the message being handled, if any
 */
public record SagaCommand(String topic, String key, String type, Object payload, Long userId) {

    public SagaCommand {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(payload, "payload");
    }

    public static SagaCommand of(String topic, String key, String type, Object payload) {
        return new SagaCommand(topic, key, type, payload, null);
    }

    public SagaCommand withUserId(long user) {
        return new SagaCommand(topic, key, type, payload, user);
    }
}
