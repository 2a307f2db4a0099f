package com.creatorcommerce.payment.adapter.out.persistence;

import com.creatorcommerce.payment.domain.CancellationStatus;
import com.creatorcommerce.payment.domain.PaymentCancellation;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** Spring Data's side of {@link JpaPaymentCancellations}. */
interface SpringDataPaymentCancellations extends JpaRepository<PaymentCancellation, Long> {

    Optional<PaymentCancellation> findByPaymentIdAndRequestedRequestId(long paymentId, String cancelRequestId);

    List<PaymentCancellation> findByPaymentIdOrderByCreatedAt(long paymentId);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select c from PaymentCancellation c where c.id = :id")
    Optional<PaymentCancellation> lockById(@Param("id") long id);

    @Query("""
            select coalesce(sum(c.requested.amount), 0) from PaymentCancellation c
            where c.paymentId = :paymentId and c.status = :status""")
    long sumAmount(@Param("paymentId") long paymentId, @Param("status") CancellationStatus status);

    @Query("""
            select c.id from PaymentCancellation c where c.check.nextCheckAt <= :dueBy
            order by c.check.nextCheckAt, c.id""")
    List<Long> findIdsDue(@Param("dueBy") Instant dueBy, Pageable page);
}
