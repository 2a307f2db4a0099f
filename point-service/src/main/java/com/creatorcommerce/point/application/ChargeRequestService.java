package com.creatorcommerce.point.application;

import com.creatorcommerce.contracts.payment.ConfirmPaymentCommand;
import com.creatorcommerce.contracts.payment.PaymentPurpose;
import com.creatorcommerce.contracts.payment.PaymentTopics;
import com.creatorcommerce.platform.messaging.OutboundMessage;
import com.creatorcommerce.platform.messaging.outbox.Outbox;
import com.creatorcommerce.platform.snowflake.IdGenerator;
import com.creatorcommerce.point.application.port.ChargeRequests;
import com.creatorcommerce.point.domain.ChargeLimits;
import com.creatorcommerce.point.domain.PointChargeRequest;
import com.creatorcommerce.point.domain.PointRefusal;
import com.creatorcommerce.point.domain.PointRefusedException;
import java.time.Clock;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The user's side of a point charge (seed 004): create a PENDING request for an amount, then confirm it once with the
 * PG payment key, which asks payment-service (payment.commands) to confirm exactly the request's amount. The outcome
 * arrives on payment.replies ({@link ChargeSettlement}).
 */
@Service
public class ChargeRequestService {

    private final ChargeRequests requests;
    private final Outbox outbox;
    private final IdGenerator ids;
    private final Clock clock;
    private final ChargeLimits limits;

    ChargeRequestService(ChargeRequests requests, Outbox outbox, IdGenerator ids, Clock clock, ChargeLimits limits) {
        this.requests = requests;
        this.outbox = outbox;
        this.ids = ids;
        this.clock = clock;
        this.limits = limits;
    }

    /** @throws PointRefusedException INVALID_CHARGE_AMOUNT outside the {@link ChargeLimits} */
    @Transactional
    public PointChargeRequest create(long userId, long amount) {
        limits.check(amount);
        PointChargeRequest request = PointChargeRequest.create(ids.nextId(), userId, amount, clock.instant());
        requests.add(request);
        return request;
    }

    /**
     * Confirms the request with the PG payment key. Confirming again with the same key while it is PENDING changes
     * nothing (a retried call).
     *
     * @throws PointRefusedException CHARGE_REQUEST_NOT_FOUND; PAYMENT_KEY_ALREADY_USED, CHARGE_ALREADY_CONFIRMED,
     *                               CHARGE_ALREADY_COMPLETED or CHARGE_FAILED for a request confirmed, completed or
     *                               failed before
     */
    @Transactional
    public PointChargeRequest confirm(long userId, long requestId, String paymentKey) {
        PointChargeRequest r =
                requests.lock(requestId).filter(x -> x.isOwnedBy(userId)).orElseThrow(ChargeRequestService::notFound);
        if (r.paymentKey() == null && requests.paymentKeyUsed(paymentKey)) {
            // (the unique key on payment_key settles a race between two requests)
            throw new PointRefusedException(
                    PointRefusal.PAYMENT_KEY_ALREADY_USED, "This payment key was used for another charge");
        }
        switch (r.confirm(paymentKey, clock.instant())) {
            case ACCEPTED -> {
                outbox.append(OutboundMessage.of(
                                PaymentTopics.COMMANDS,
                                paymentKey,
                                PaymentTopics.CONFIRM,
                                new ConfirmPaymentCommand(
                                        paymentKey, PaymentPurpose.POINT_CHARGE, r.id(), userId, r.amount()))
                        .withUserId(userId));
                requests.writeNow(r);
                return r;
            }
            case REPEATED -> {
                return r;
            }
            case CONFIRMED_WITH_OTHER_KEY ->
                throw new PointRefusedException(
                        PointRefusal.CHARGE_ALREADY_CONFIRMED,
                        "The charge was already confirmed with another payment key");
            case COMPLETED ->
                throw new PointRefusedException(PointRefusal.CHARGE_ALREADY_COMPLETED, "The charge is completed");
            case FAILED ->
                throw new PointRefusedException(
                        PointRefusal.CHARGE_FAILED, "The charge failed: " + r.failureCode(), failureCode(r));
            default -> throw new IllegalStateException();
        }
    }

    /** @throws PointRefusedException CHARGE_REQUEST_NOT_FOUND (also for another user's request) */
    @Transactional(readOnly = true)
    public PointChargeRequest get(long userId, long requestId) {
        return requests.find(requestId).filter(x -> x.isOwnedBy(userId)).orElseThrow(ChargeRequestService::notFound);
    }

    private static Map<String, Object> failureCode(PointChargeRequest r) {
        return java.util.Collections.singletonMap("failure_code", r.failureCode());
    }

    private static PointRefusedException notFound() {
        return new PointRefusedException(PointRefusal.CHARGE_REQUEST_NOT_FOUND, "No such charge request");
    }
}
