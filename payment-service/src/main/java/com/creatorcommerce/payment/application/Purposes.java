package com.creatorcommerce.payment.application;

import com.creatorcommerce.payment.domain.PaymentPurpose;

/** Between the published purpose ({@code contracts.payment.PaymentPurpose}) and the domain's: the same names. */
final class Purposes {

    private Purposes() {}

    static PaymentPurpose toDomain(com.creatorcommerce.contracts.payment.PaymentPurpose purpose) {
        return purpose == null ? null : PaymentPurpose.valueOf(purpose.name());
    }

    static com.creatorcommerce.contracts.payment.PaymentPurpose toContract(PaymentPurpose purpose) {
        return purpose == null ? null : com.creatorcommerce.contracts.payment.PaymentPurpose.valueOf(purpose.name());
    }
}
