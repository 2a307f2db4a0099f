package com.creatorcommerce.credit.application;

import com.creatorcommerce.contracts.payment.ConfirmPaymentCommand;
import com.creatorcommerce.contracts.payment.PaymentPurpose;
import com.creatorcommerce.contracts.payment.PaymentTopics;
import com.creatorcommerce.credit.application.port.CreditPackages;
import com.creatorcommerce.credit.application.port.CreditPurchases;
import com.creatorcommerce.credit.domain.CreditPackage;
import com.creatorcommerce.credit.domain.CreditPurchase;
import com.creatorcommerce.credit.domain.CreditRefusal;
import com.creatorcommerce.credit.domain.CreditRefusedException;
import com.creatorcommerce.platform.messaging.OutboundMessage;
import com.creatorcommerce.platform.messaging.outbox.Outbox;
import com.creatorcommerce.platform.snowflake.IdGenerator;
import java.time.Clock;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The first step of a purchase, in one transaction: a PENDING purchase of an active package with a payment key no
 * other purchase holds, and the command asking payment-service to confirm exactly its price (purpose
 * {@code CREDIT_TOPUP}, reference = the purchase id). The same payment key again for the same user and package is
 * the same purchase (a retried call), never a second one.
 */
@Component
class StartPurchase {

    private final CreditPackages packages;
    private final CreditPurchases purchases;
    private final Outbox outbox;
    private final IdGenerator ids;
    private final Clock clock;

    StartPurchase(CreditPackages packages, CreditPurchases purchases, Outbox outbox, IdGenerator ids, Clock clock) {
        this.packages = packages;
        this.purchases = purchases;
        this.outbox = outbox;
        this.ids = ids;
        this.clock = clock;
    }

    @Transactional
    public PurchaseView start(long userId, String packageId, String paymentMethod, String paymentKey) {
        Optional<CreditPurchase> existing = purchases.findByPaymentKey(paymentKey);
        if (existing.isPresent()) {
            if (!existing.get().isRepeatOf(userId, packageId)) {
                throw tokenUsed();
            }
            return PurchaseView.of(existing.get());
        }
        CreditPackage pkg = packages.find(packageId)
                .orElseThrow(() -> new CreditRefusedException(
                        CreditRefusal.CREDIT_PACKAGE_NOT_FOUND, "No credit package " + packageId + "."));
        CreditPurchase purchase =
                CreditPurchase.start(ids.nextId(), userId, pkg, paymentMethod, paymentKey, clock.instant());
        purchases.add(purchase);
        outbox.append(OutboundMessage.of(
                        PaymentTopics.COMMANDS,
                        paymentKey,
                        PaymentTopics.CONFIRM,
                        new ConfirmPaymentCommand(
                                paymentKey,
                                PaymentPurpose.CREDIT_TOPUP,
                                purchase.id(),
                                userId,
                                purchase.amountMinor(),
                                purchase.currency()))
                .withUserId(userId));
        return PurchaseView.of(purchase);
    }

    /**
     * A PENDING purchase paid by a saga that sends the payment command itself (the top-up of a donation), in the
     * caller's transaction. A payment token pays for one thing: one that already paid for a purchase is refused.
     *
     * @throws org.springframework.dao.DataIntegrityViolationException when a concurrent purchase took the token
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public CreditPurchase reserve(long userId, String packageId, String paymentMethod, String paymentKey) {
        if (purchases.findByPaymentKey(paymentKey).isPresent()) {
            throw tokenUsed();
        }
        CreditPackage pkg = packages.find(packageId)
                .orElseThrow(() -> new CreditRefusedException(
                        CreditRefusal.CREDIT_PACKAGE_NOT_FOUND, "No credit package " + packageId + "."));
        CreditPurchase purchase =
                CreditPurchase.start(ids.nextId(), userId, pkg, paymentMethod, paymentKey, clock.instant());
        purchases.add(purchase);
        return purchase;
    }

    static CreditRefusedException tokenUsed() {
        return new CreditRefusedException(
                CreditRefusal.PAYMENT_TOKEN_ALREADY_USED, "This payment token already paid for another purchase.");
    }
}
