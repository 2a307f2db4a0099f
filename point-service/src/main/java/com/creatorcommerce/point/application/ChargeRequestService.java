package com.creatorcommerce.point.application;

import com.creatorcommerce.contracts.payment.ConfirmPaymentCommand;
import com.creatorcommerce.contracts.payment.PaymentPurpose;
import com.creatorcommerce.contracts.payment.PaymentTopics;
import com.creatorcommerce.platform.messaging.OutboundMessage;
import com.creatorcommerce.platform.messaging.outbox.Outbox;
import com.creatorcommerce.platform.snowflake.IdGenerator;
import com.creatorcommerce.platform.web.ApiException;
import com.creatorcommerce.point.adapter.out.persistence.PointChargeRequests;
import com.creatorcommerce.point.config.ChargeProperties;
import com.creatorcommerce.point.domain.PointChargeRequest;
import java.time.Clock;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The user's side of a point charge (seed 004): create a PENDING request for an amount, then confirm it once with the
 * PG payment key, which asks payment-service (payment.commands) to confirm exactly the request's amount. The outcome
 * arrives on payment.replies ({@link ChargeSettlement}).
 */
@Service
public class ChargeRequestService {

    private final PointChargeRequests requests;
    private final Outbox outbox;
    private final IdGenerator ids;
    private final Clock clock;
    private final ChargeProperties limits;

    ChargeRequestService(PointChargeRequests requests, Outbox outbox, IdGenerator ids, Clock clock,
            ChargeProperties limits) {
        this.requests = requests;
        this.outbox = outbox;
        this.ids = ids;
        this.clock = clock;
        this.limits = limits;
    }

    @Transactional
    public PointChargeRequest create(long userId, long amount) {
        if (amount < limits.minAmount() || amount > limits.maxAmount()) {
            throw ApiException.badRequest("INVALID_CHARGE_AMOUNT", "A charge is between " + limits.minAmount()
                    + " and " + limits.maxAmount() + " points").with("min_amount", limits.minAmount())
                    .with("max_amount", limits.maxAmount());
        }
        return requests.save(PointChargeRequest.create(ids.nextId(), userId, amount, clock.instant()));
    }

    /**
     * Confirms the request with the PG payment key. Confirming again with the same key while it is PENDING changes
     * nothing (a retried call); anything else on a confirmed, completed or failed request is a 409.
     */
    @Transactional
    public PointChargeRequest confirm(long userId, long requestId, String paymentKey) {
        PointChargeRequest r = requests.lockById(requestId).filter(x -> x.isOwnedBy(userId))
                .orElseThrow(ChargeRequestService::notFound);
        if (r.paymentKey() == null && requests.existsByPaymentKey(paymentKey)) {
            // (the unique key on payment_key settles a race between two requests)
            throw ApiException.conflict("PAYMENT_KEY_ALREADY_USED", "This payment key was used for another charge");
        }
        switch (r.confirm(paymentKey, clock.instant())) {
            case ACCEPTED -> {
                outbox.append(OutboundMessage.of(PaymentTopics.COMMANDS, paymentKey, PaymentTopics.CONFIRM,
                        new ConfirmPaymentCommand(paymentKey, PaymentPurpose.POINT_CHARGE, r.id(), userId,
                                r.amount())).withUserId(userId));
                return requests.saveAndFlush(r);
            }
            case REPEATED -> {
                return r;
            }
            case CONFIRMED_WITH_OTHER_KEY -> throw ApiException.conflict("CHARGE_ALREADY_CONFIRMED",
                    "The charge was already confirmed with another payment key");
            case COMPLETED -> throw ApiException.conflict("CHARGE_ALREADY_COMPLETED", "The charge is completed");
            case FAILED -> throw ApiException.conflict("CHARGE_FAILED", "The charge failed: "
                    + r.failureCode()).with("failure_code", r.failureCode());
            default -> throw new IllegalStateException();
        }
    }

    @Transactional(readOnly = true)
    public PointChargeRequest get(long userId, long requestId) {
        return requests.findById(requestId).filter(x -> x.isOwnedBy(userId))
                .orElseThrow(ChargeRequestService::notFound);
    }

    private static ApiException notFound() {
        return ApiException.notFound("CHARGE_REQUEST_NOT_FOUND", "No such charge request");
    }
}
