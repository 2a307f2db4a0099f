package com.creatorcommerce.point.domain;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A points rule refused the request; nothing was changed. {@link #getMessage()} is safe to show to a client, and
 * {@link #facts()} are the values behind the refusal that a client may act on (e.g. {@code min_amount}), named as the
 * API shows them.
 */
public class PointRefusedException extends RuntimeException {

    private final PointRefusal refusal;
    private final Map<String, Object> facts;

    public PointRefusedException(PointRefusal refusal, String detail) {
        this(refusal, detail, Map.of());
    }

    public PointRefusedException(PointRefusal refusal, String detail, Map<String, ?> facts) {
        super(detail, null, false, false);
        this.refusal = refusal;
        this.facts = Collections.unmodifiableMap(new LinkedHashMap<>(facts));
    }

    public PointRefusal refusal() {
        return refusal;
    }

    public Map<String, Object> facts() {
        return facts;
    }
}
