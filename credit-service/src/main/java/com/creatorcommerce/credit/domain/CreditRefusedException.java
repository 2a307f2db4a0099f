package com.creatorcommerce.credit.domain;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A credit rule refused the operation; nothing was changed. {@link #getMessage()} is safe to show to a client, and
 * {@link #details()} holds extra facts for it (e.g. {@code balance}, {@code required}).
 */
public class CreditRefusedException extends RuntimeException {

    private final CreditRefusal refusal;
    private final Map<String, Object> details;

    public CreditRefusedException(CreditRefusal refusal, String detail) {
        this(refusal, detail, Map.of());
    }

    public CreditRefusedException(CreditRefusal refusal, String detail, Map<String, ?> details) {
        super(detail, null, false, false);
        this.refusal = refusal;
        this.details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    public CreditRefusal refusal() {
        return refusal;
    }

    public Map<String, Object> details() {
        return details;
    }
}
