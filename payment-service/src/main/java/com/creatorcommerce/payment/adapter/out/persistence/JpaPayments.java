package com.creatorcommerce.payment.adapter.out.persistence;

import com.creatorcommerce.payment.application.port.Payments;
import com.creatorcommerce.payment.domain.Payment;
import com.creatorcommerce.platform.kernel.Page;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Repository;

@Repository
class JpaPayments implements Payments {

    private final SpringDataPayments rows;

    JpaPayments(SpringDataPayments rows) {
        this.rows = rows;
    }

    @Override
    public Optional<Payment> find(long id) {
        return rows.findById(id);
    }

    @Override
    public Optional<Payment> findByPaymentKey(String paymentKey) {
        return rows.findByRequestedPaymentKey(paymentKey);
    }

    @Override
    public Optional<Payment> lock(long id) {
        return rows.lockById(id);
    }

    @Override
    public Optional<Payment> lockByPaymentKey(String paymentKey) {
        return rows.lockByPaymentKey(paymentKey);
    }

    @Override
    public void add(Payment payment) {
        rows.saveAndFlush(payment);
    }

    @Override
    public Page<Payment> ofUser(long userId, int page, int pageSize) {
        org.springframework.data.domain.Page<Payment> found =
                rows.findByRequestedUserIdOrderByCreatedAtDescIdDesc(userId, PageRequest.of(page - 1, pageSize));
        return new Page<>(found.getContent(), found.getTotalElements(), page, pageSize);
    }

    @Override
    public List<Long> idsDue(Instant dueBy, int limit) {
        return rows.findIdsDue(dueBy, PageRequest.of(0, limit));
    }
}
