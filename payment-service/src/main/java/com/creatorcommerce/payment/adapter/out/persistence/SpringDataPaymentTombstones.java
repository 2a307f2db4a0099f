package com.creatorcommerce.payment.adapter.out.persistence;

import com.creatorcommerce.payment.domain.PaymentTombstone;
import jakarta.persistence.LockModeType;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** Spring Data's side of {@link JpaPaymentTombstones}. */
interface SpringDataPaymentTombstones extends JpaRepository<PaymentTombstone, String> {

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select t from PaymentTombstone t where t.paymentKey = :key")
    Optional<PaymentTombstone> lockByKey(@Param("key") String paymentKey);
}
