package com.creatorcommerce.payment.adapter.out.persistence;

import com.creatorcommerce.payment.domain.Payment;
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

/** Spring Data's side of {@link JpaPayments}. */
interface SpringDataPayments extends JpaRepository<Payment, Long> {

    Optional<Payment> findByRequestedPaymentKey(String paymentKey);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select p from Payment p where p.id = :id")
    Optional<Payment> lockById(@Param("id") long id);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select p from Payment p where p.requested.paymentKey = :key")
    Optional<Payment> lockByPaymentKey(@Param("key") String paymentKey);

    Page<Payment> findByRequestedUserIdOrderByCreatedAtDescIdDesc(long userId, Pageable page);

    @Query("""
            select p.id from Payment p where p.looks.next.nextCheckAt <= :dueBy
            order by p.looks.next.nextCheckAt, p.id""")
    List<Long> findIdsDue(@Param("dueBy") Instant dueBy, Pageable page);
}
