package com.creatorcommerce.payment.adapter.out.persistence;

import com.creatorcommerce.payment.domain.Payment;
import com.creatorcommerce.payment.domain.PaymentStatus;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface Payments extends JpaRepository<Payment, Long> {

    Optional<Payment> findByPaymentKey(String paymentKey);

    /** The payment row locked until commit: settling an outcome is serialised between listener and reconciler. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select p from Payment p where p.id = :id")
    Optional<Payment> lockById(@Param("id") long id);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select p from Payment p where p.paymentKey = :key")
    Optional<Payment> lockByPaymentKey(@Param("key") String paymentKey);

    Page<Payment> findByUserIdOrderByCreatedAtDescIdDesc(long userId, Pageable page);

    /** PENDING payments not looked at since {@code cutoff}: the reconciliation job's work, oldest first. */
    @Query("""
            select p.id from Payment p where p.status = :status
            and coalesce(p.lastCheckedAt, p.createdAt) < :cutoff order by p.createdAt""")
    List<Long> findIdsToReconcile(@Param("status") PaymentStatus status, @Param("cutoff") Instant cutoff,
            Pageable page);
}
