package com.creatorcommerce.payment.adapter.out.persistence;

import com.creatorcommerce.payment.application.port.PaymentCancellations;
import com.creatorcommerce.payment.domain.CancellationStatus;
import com.creatorcommerce.payment.domain.PaymentCancellation;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Repository;

@Repository
class JpaPaymentCancellations implements PaymentCancellations {

    private final SpringDataPaymentCancellations rows;

    JpaPaymentCancellations(SpringDataPaymentCancellations rows) {
        this.rows = rows;
    }

    @Override
    public Optional<PaymentCancellation> find(long id) {
        return rows.findById(id);
    }

    @Override
    public Optional<PaymentCancellation> lock(long id) {
        return rows.lockById(id);
    }

    @Override
    public Optional<PaymentCancellation> findByRequest(long paymentId, String cancelRequestId) {
        return rows.findByPaymentIdAndRequestedRequestId(paymentId, cancelRequestId);
    }

    @Override
    public List<PaymentCancellation> ofPayment(long paymentId) {
        return rows.findByPaymentIdOrderByCreatedAt(paymentId);
    }

    @Override
    public long amountRequested(long paymentId) {
        return rows.sumAmount(paymentId, CancellationStatus.REQUESTED);
    }

    @Override
    public void add(PaymentCancellation cancellation) {
        rows.saveAndFlush(cancellation);
    }

    @Override
    public List<Long> idsDue(Instant dueBy, int limit) {
        return rows.findIdsDue(dueBy, PageRequest.of(0, limit));
    }
}
