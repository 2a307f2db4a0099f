package com.creatorcommerce.order.domain.order;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An order request was refused by a rule; nothing was changed. {@link #getMessage()} is safe to show to a client;
 * {@link #facts()} are the values behind the refusal a client may act on (e.g. {@code max_lines}), named as the API
 * shows them.
 */
public class OrderingRefusedException extends RuntimeException {

    private final OrderingRefusal refusal;
    private final Map<String, Object> facts;

    public OrderingRefusedException(OrderingRefusal refusal, String detail) {
        this(refusal, detail, Map.of());
    }

    private OrderingRefusedException(OrderingRefusal refusal, String detail, Map<String, ?> facts) {
        super(detail, null, false, false);
        this.refusal = refusal;
        this.facts = Collections.unmodifiableMap(new LinkedHashMap<>(facts));
    }

    public OrderingRefusal refusal() {
        return refusal;
    }

    public Map<String, Object> facts() {
        return facts;
    }

    /** A copy with one more fact. */
    public OrderingRefusedException with(String name, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(facts);
        more.put(name, value);
        return new OrderingRefusedException(refusal, getMessage(), more);
    }
}
