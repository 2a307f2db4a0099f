package com.creatorcommerce.point.adapter.out.persistence;

import com.creatorcommerce.point.domain.PointTransaction;
import com.creatorcommerce.point.domain.TransactionType;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface PointTransactions extends JpaRepository<PointTransaction, Long> {

    Optional<PointTransaction> findByIdempotencyKey(String idempotencyKey);

    /** Newest first; the Snowflake id breaks ties of one timestamp (rows of one batch). */
    @Query("select t from PointTransaction t where t.userId = :userId order by t.createdAt desc, t.id desc")
    Page<PointTransaction> findPage(@Param("userId") long userId, Pageable page);

    @Query("""
            select t from PointTransaction t where t.userId = :userId and t.type = :type
            order by t.createdAt desc, t.id desc""")
    Page<PointTransaction> findPage(@Param("userId") long userId, @Param("type") TransactionType type,
            Pageable page);
}
