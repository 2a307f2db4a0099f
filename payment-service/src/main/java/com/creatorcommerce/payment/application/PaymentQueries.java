package com.creatorcommerce.payment.application;

import com.creatorcommerce.payment.application.port.PaymentCancellations;
import com.creatorcommerce.payment.application.port.Payments;
import com.creatorcommerce.payment.domain.Payment;
import com.creatorcommerce.payment.domain.PaymentCancellation;
import com.creatorcommerce.platform.kernel.Page;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reading payments: a user's own, or any for an admin. */
@Service
@Transactional(readOnly = true)
public class PaymentQueries {

    private final Payments payments;
    private final PaymentCancellations cancellations;

    /** A payment with its cancellations, oldest first. */
    public record PaymentDetails(Payment payment, List<PaymentCancellation> cancellations) {}

    PaymentQueries(Payments payments, PaymentCancellations cancellations) {
        this.payments = payments;
        this.cancellations = cancellations;
    }

    /** The user's payments, newest first ({@code page} is 1-based). */
    public Page<Payment> ofUser(long userId, int page, int pageSize) {
        return payments.ofUser(userId, page, pageSize);
    }

    /**
     * The payment {@code paymentId} if {@code viewerId} owns it or {@code admin}.
     *
     * @throws PaymentNotFoundException when there is none the viewer may see
     */
    public PaymentDetails get(long paymentId, long viewerId, boolean admin) {
        Payment p = payments.find(paymentId)
                .filter(x -> x.requested().userId() == viewerId || admin)
                .orElseThrow(PaymentNotFoundException::new);
        return new PaymentDetails(p, cancellations.ofPayment(p.id()));
    }
}
