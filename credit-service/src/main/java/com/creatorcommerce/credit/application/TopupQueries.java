package com.creatorcommerce.credit.application;

import com.creatorcommerce.credit.application.port.Refunds;
import com.creatorcommerce.credit.domain.CreditLot;
import com.creatorcommerce.credit.domain.CreditRefusal;
import com.creatorcommerce.credit.domain.CreditRefusedException;
import com.creatorcommerce.credit.domain.RefundLog;
import com.creatorcommerce.platform.kernel.Page;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The caller's lots (top-ups) and refunds. */
@Service
public class TopupQueries {

    private final Refunds refunds;

    TopupQueries(Refunds refunds) {
        this.refunds = refunds;
    }

    @Transactional(readOnly = true)
    public Page<CreditLot> topups(long userId, int page, int pageSize) {
        return refunds.lots(userId, page, pageSize);
    }

    /** @throws CreditRefusedException {@code REFUND_NOT_FOUND} unless it is the caller's */
    @Transactional(readOnly = true)
    public RefundLog refund(long userId, long refundId) {
        return refunds.find(refundId)
                .filter(r -> r.userId() == userId)
                .orElseThrow(() -> new CreditRefusedException(
                        CreditRefusal.REFUND_NOT_FOUND, "No refund " + refundId + " of yours."));
    }
}
