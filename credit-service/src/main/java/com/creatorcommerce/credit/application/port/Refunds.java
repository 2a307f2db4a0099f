package com.creatorcommerce.credit.application.port;

import com.creatorcommerce.credit.domain.CreditLot;
import com.creatorcommerce.credit.domain.RefundLog;
import com.creatorcommerce.platform.kernel.Page;
import java.time.Instant;
import java.util.Optional;

/** Lots as their owner sees them, and the refunds of their unspent part ({@code refund_logs}). */
public interface Refunds {

    Optional<CreditLot> lot(long lotId);

    /** The purchase a purchased lot came from ({@code source_id}); empty for a bonus or opening lot. */
    Optional<Long> purchaseOf(long lotId);

    /** The user's lots, newest first (1-based page). */
    Page<CreditLot> lots(long userId, int page, int pageSize);

    void add(RefundLog refund);

    Optional<RefundLog> find(long id);

    Optional<RefundLog> findByLot(long lotId);

    /** REQUESTED → COMPLETED or FAILED; false when it was not REQUESTED any more (a repeated answer). */
    boolean settle(
            String cancelRequestId,
            RefundLog.Status status,
            Long paymentId,
            String failureCode,
            String failureReason,
            Instant now);
}
