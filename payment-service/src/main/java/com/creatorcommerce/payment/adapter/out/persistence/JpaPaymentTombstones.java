package com.creatorcommerce.payment.adapter.out.persistence;

import com.creatorcommerce.payment.application.port.PaymentTombstones;
import com.creatorcommerce.payment.domain.PaymentTombstone;
import java.util.Optional;
import org.springframework.stereotype.Repository;

@Repository
class JpaPaymentTombstones implements PaymentTombstones {

    private final SpringDataPaymentTombstones rows;

    JpaPaymentTombstones(SpringDataPaymentTombstones rows) {
        this.rows = rows;
    }

    @Override
    public Optional<PaymentTombstone> lock(String paymentKey) {
        return rows.lockByKey(paymentKey);
    }

    @Override
    public void add(PaymentTombstone tombstone) {
        rows.saveAndFlush(tombstone);
    }
}
