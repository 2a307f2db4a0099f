package com.creatorcommerce.badfixture.errorpolicy.application;

import com.creatorcommerce.badfixture.platform.web.ApiException;

/** Breaks the error policy: the application throws an HTTP problem instead of a typed refusal. */
public class RefundService {

    public void refund(long amount) {
        if (amount <= 0) {
            throw new ApiException("REFUND_NOT_POSITIVE");
        }
    }
}
