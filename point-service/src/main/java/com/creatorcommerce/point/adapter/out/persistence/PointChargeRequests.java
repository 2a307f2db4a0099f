package com.creatorcommerce.point.adapter.out.persistence;

import com.creatorcommerce.point.domain.PointChargeRequest;
import jakarta.persistence.LockModeType;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface PointChargeRequests extends JpaRepository<PointChargeRequest, Long> {

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select r from PointChargeRequest r where r.id = :id")
    Optional<PointChargeRequest> lockById(@Param("id") long id);

    boolean existsByPaymentKey(String paymentKey);
}
