package com.creatorcommerce.order.domain;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A rule of the order context refused the request; nothing was changed. {@link #getMessage()} is safe to show to a
 * client, and {@link #facts()} are the values behind the refusal a client may act on (e.g.
 * {@code available_quantity}), named as the API shows them.
 */
public class OrderRefusedException extends RuntimeException {

    private final OrderRefusal refusal;
    private final Map<String, Object> facts;

    public OrderRefusedException(OrderRefusal refusal, String detail) {
        this(refusal, detail, Map.of());
    }

    public OrderRefusedException(OrderRefusal refusal, String detail, Map<String, ?> facts) {
        super(detail, null, false, false);
        this.refusal = refusal;
        this.facts = Collections.unmodifiableMap(new LinkedHashMap<>(facts));
    }

    public OrderRefusal refusal() {
        return refusal;
    }

    public Map<String, Object> facts() {
        return facts;
    }

    /** A copy with one more fact. */
    public OrderRefusedException with(String name, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(facts);
        more.put(name, value);
        return new OrderRefusedException(refusal, getMessage(), more);
    }
}
