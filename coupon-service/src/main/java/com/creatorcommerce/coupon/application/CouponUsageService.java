package com.creatorcommerce.coupon.application;

import com.creatorcommerce.contracts.coupon.ConfirmCouponCommand;
import com.creatorcommerce.contracts.coupon.CouponConfirmationRejected;
import com.creatorcommerce.contracts.coupon.CouponRejectionReason;
import com.creatorcommerce.contracts.coupon.CouponReleased;
import com.creatorcommerce.contracts.coupon.CouponReservationRejected;
import com.creatorcommerce.contracts.coupon.CouponReservationReleased;
import com.creatorcommerce.contracts.coupon.CouponReserved;
import com.creatorcommerce.contracts.coupon.CouponTopics;
import com.creatorcommerce.contracts.coupon.CouponUseConfirmed;
import com.creatorcommerce.contracts.coupon.CouponUsed;
import com.creatorcommerce.contracts.coupon.ReleaseCouponCommand;
import com.creatorcommerce.contracts.coupon.ReserveCouponCommand;
import com.creatorcommerce.coupon.application.port.CouponUsages;
import com.creatorcommerce.coupon.application.port.Coupons;
import com.creatorcommerce.coupon.application.port.UserCoupons;
import com.creatorcommerce.coupon.domain.CouponRefusal;
import com.creatorcommerce.coupon.domain.CouponRefusedException;
import com.creatorcommerce.coupon.domain.CouponSnapshot;
import com.creatorcommerce.coupon.domain.CouponTerms;
import com.creatorcommerce.coupon.domain.CouponUsage;
import com.creatorcommerce.coupon.domain.UsageStatus;
import com.creatorcommerce.coupon.domain.UserCoupon;
import com.creatorcommerce.platform.messaging.OutboundMessage;
import com.creatorcommerce.platform.messaging.outbox.Outbox;
import com.creatorcommerce.platform.snowflake.IdGenerator;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Coupons for orders (saga participant): reserve, confirm, release. Each runs in the caller's transaction (the
 * inbox's), appends exactly one reply to {@code coupon.replies} and, when state changed, a public event. Each is
 * idempotent per (order, user coupon): a repeated command answers the same reply without a second effect. The
 * user coupon's row lock serializes commands on one coupon.
 */
@Service
public class CouponUsageService {

    private final UserCoupons userCoupons;
    private final CouponUsages usages;
    private final Coupons coupons;
    private final Outbox outbox;
    private final IdGenerator ids;
    private final Clock clock;

    public CouponUsageService(
            UserCoupons userCoupons,
            CouponUsages usages,
            Coupons coupons,
            Outbox outbox,
            IdGenerator ids,
            Clock clock) {
        this.userCoupons = userCoupons;
        this.usages = usages;
        this.coupons = coupons;
        this.outbox = outbox;
        this.ids = ids;
        this.clock = clock;
    }

    /** @return {@link CouponReserved} or {@link CouponReservationRejected} (also appended as the reply) */
    @Transactional
    public Object reserve(ReserveCouponCommand command) {
        if (command.orderAmount() < 0 || command.orderAmount() > CouponTerms.MAX_AMOUNT) {
            return reply(
                    command.orderId(),
                    CouponTopics.RESERVATION_REJECTED,
                    new CouponReservationRejected(
                            command.orderId(),
                            command.userCouponId(),
                            CouponRejectionReason.INVALID_COMMAND,
                            "order_amount must be between 0 and " + CouponTerms.MAX_AMOUNT + "."));
        }
        try {
            UserCoupon userCoupon = ownedUserCoupon(command.userCouponId(), command.userId());
            Optional<CouponUsage> earlier = usages.find(userCoupon.id(), command.orderId());
            if (earlier.isPresent()) {
                if (!earlier.get().status().live()) {
                    throw new CouponRefusedException(
                            CouponRefusal.RESERVATION_RELEASED, "This order already released the coupon.");
                }
                return reserved(userCoupon, earlier.get()); // the same command again: the same answer
            }
            CouponSnapshot coupon = coupons.find(userCoupon.couponId())
                    .orElseThrow(() -> new IllegalStateException("Coupon " + userCoupon.couponId() + " is missing"))
                    .snapshot();
            CouponUsage usage = userCoupon.reserve(
                    ids.nextId(), command.userId(), command.orderId(), command.orderAmount(), coupon, clock.instant());
            usages.add(usage);
            return reserved(userCoupon, usage);
        } catch (CouponRefusedException refused) {
            return reply(
                    command.orderId(),
                    CouponTopics.RESERVATION_REJECTED,
                    new CouponReservationRejected(
                            command.orderId(),
                            command.userCouponId(),
                            reason(refused.refusal()),
                            refused.getMessage()));
        }
    }

    /** @return {@link CouponUseConfirmed} or {@link CouponConfirmationRejected} (also appended as the reply) */
    @Transactional
    public Object confirm(ConfirmCouponCommand command) {
        try {
            UserCoupon userCoupon = ownedUserCoupon(command.userCouponId(), command.userId());
            CouponUsage usage = usages.find(userCoupon.id(), command.orderId())
                    .filter(u -> u.status().live())
                    .orElseThrow(() -> new CouponRefusedException(
                            CouponRefusal.NOT_RESERVED, "The coupon is not reserved for this order."));
            if (usage.status() == UsageStatus.RESERVED) {
                userCoupon.confirm(usage, clock.instant());
                event(
                        userCoupon,
                        CouponTopics.USED,
                        new CouponUsed(
                                userCoupon.id(),
                                userCoupon.couponId(),
                                userCoupon.userId(),
                                command.orderId(),
                                usage.discountAmount(),
                                usage.usedAt()));
            }
            return reply(
                    command.orderId(),
                    CouponTopics.USE_CONFIRMED,
                    new CouponUseConfirmed(command.orderId(), userCoupon.id(), usage.discountAmount(), usage.usedAt()));
        } catch (CouponRefusedException refused) {
            return reply(
                    command.orderId(),
                    CouponTopics.CONFIRMATION_REJECTED,
                    new CouponConfirmationRejected(
                            command.orderId(),
                            command.userCouponId(),
                            reason(refused.refusal()),
                            refused.getMessage()));
        }
    }

    /** @return {@link CouponReservationReleased} (also appended as the reply) */
    @Transactional
    public CouponReservationReleased release(ReleaseCouponCommand command) {
        Instant now = clock.instant();
        boolean released = false;
        Optional<UserCoupon> found =
                userCoupons.findForUpdate(command.userCouponId()).filter(uc -> uc.ownedBy(command.userId()));
        if (found.isPresent()) {
            UserCoupon userCoupon = found.get();
            Optional<CouponUsage> usage = usages.find(userCoupon.id(), command.orderId());
            if (usage.isEmpty()) {
                // the release overtook its reserve (or the reserve never came): refuse a late reserve of this order
                usages.add(CouponUsage.releasedBeforeReserve(
                        ids.nextId(), userCoupon.id(), command.orderId(), command.reason(), now));
            } else if (usage.get().status().live()) {
                boolean wasUsed = userCoupon.release(usage.get(), now, command.reason());
                event(
                        userCoupon,
                        CouponTopics.RELEASED,
                        new CouponReleased(
                                userCoupon.id(),
                                userCoupon.couponId(),
                                userCoupon.userId(),
                                command.orderId(),
                                wasUsed,
                                now,
                                userCoupon.expiresAt()));
                released = true;
            }
        }
        CouponReservationReleased reply =
                new CouponReservationReleased(command.orderId(), command.userCouponId(), released);
        reply(command.orderId(), CouponTopics.RESERVATION_RELEASED, reply);
        return reply;
    }

    private UserCoupon ownedUserCoupon(long userCouponId, long userId) {
        UserCoupon userCoupon = userCoupons
                .findForUpdate(userCouponId)
                .orElseThrow(() -> new CouponRefusedException(
                        CouponRefusal.USER_COUPON_NOT_FOUND, "No user coupon " + userCouponId + "."));
        if (!userCoupon.ownedBy(userId)) {
            throw new CouponRefusedException(CouponRefusal.NOT_OWNER, "The coupon belongs to another user.");
        }
        return userCoupon;
    }

    private Object reserved(UserCoupon userCoupon, CouponUsage usage) {
        return reply(
                usage.orderId(),
                CouponTopics.RESERVED,
                new CouponReserved(
                        usage.orderId(),
                        userCoupon.id(),
                        userCoupon.couponId(),
                        usage.orderAmount(),
                        usage.discountAmount()));
    }

    private Object reply(long orderId, String type, Object reply) {
        outbox.append(OutboundMessage.of(CouponTopics.REPLIES, Long.toString(orderId), type, reply));
        return reply;
    }

    private void event(UserCoupon userCoupon, String type, Object event) {
        outbox.append(OutboundMessage.of(CouponTopics.EVENTS, Long.toString(userCoupon.id()), type, event)
                .withUserId(userCoupon.userId()));
    }

    static CouponRejectionReason reason(CouponRefusal refusal) {
        return switch (refusal) {
            case USER_COUPON_NOT_FOUND -> CouponRejectionReason.USER_COUPON_NOT_FOUND;
            case NOT_OWNER -> CouponRejectionReason.NOT_OWNER;
            case USER_COUPON_ALREADY_USED -> CouponRejectionReason.ALREADY_USED;
            case USER_COUPON_RESERVED_BY_ANOTHER_ORDER -> CouponRejectionReason.RESERVED_BY_ANOTHER_ORDER;
            case USER_COUPON_EXPIRED -> CouponRejectionReason.EXPIRED;
            case MIN_ORDER_AMOUNT_NOT_MET -> CouponRejectionReason.MIN_ORDER_AMOUNT_NOT_MET;
            case RESERVATION_RELEASED -> CouponRejectionReason.RESERVATION_RELEASED;
            case NOT_RESERVED -> CouponRejectionReason.NOT_RESERVED;
            default -> CouponRejectionReason.INVALID_COMMAND;
        };
    }
}
