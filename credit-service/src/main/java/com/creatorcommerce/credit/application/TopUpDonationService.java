package com.creatorcommerce.credit.application;

import com.creatorcommerce.credit.application.ledger.CreditLedger;
import com.creatorcommerce.credit.application.ledger.LedgerEntry;
import com.creatorcommerce.credit.application.ledger.LedgerOutcome;
import com.creatorcommerce.credit.application.ledger.LedgerParticipant;
import com.creatorcommerce.credit.application.port.CreditHistory;
import com.creatorcommerce.credit.application.port.CreditPurchases;
import com.creatorcommerce.credit.application.port.Donations;
import com.creatorcommerce.credit.domain.CreditHistoryEntry;
import com.creatorcommerce.credit.domain.CreditPurchase;
import com.creatorcommerce.credit.domain.CreditRefusal;
import com.creatorcommerce.credit.domain.CreditRefusedException;
import com.creatorcommerce.credit.domain.Donation;
import com.creatorcommerce.credit.domain.PurchaseStatus;
import com.creatorcommerce.platform.snowflake.IdGenerator;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Top up, then donate, in one call ({@code POST /v1/donations} with {@code top_up}): the package is bought through
 * payment-service like any purchase ({@link PurchaseCreditsService}, its lot credited by {@link PurchaseSettlement});
 * the donation waits PENDING for that purchase, then is debited FIFO like any donation (COMPLETED, event) or FAILED.
 * A donation that fails after its top-up succeeded leaves the bought credits in the wallet and says so. Purchases
 * still PENDING are re-checked every second; a donation whose top-up has not settled after {@code
 * credit.top-up-deadline} fails ({@code TOP_UP_TIMEOUT}) and a late approval still credits the wallet.
 */
@Service
public class TopUpDonationService {

    private static final Logger log = LoggerFactory.getLogger(TopUpDonationService.class);
    static final String CREDITS_STAY = " The credits bought for it stay in your wallet.";

    private final DonateService donate;
    private final PurchaseCreditsService purchasing;
    private final CreditPurchases purchases;
    private final Donations donations;
    private final CreditLedger ledger;
    private final IdGenerator ids;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Duration deadline;
    private final CreditHistory history;

    TopUpDonationService(DonateService donate, PurchaseCreditsService purchasing, CreditPurchases purchases,
            Donations donations, CreditLedger ledger, IdGenerator ids, TransactionTemplate tx, Clock clock,
            CreditSettings settings, CreditHistory history) {
        this.history = history;
        this.donate = donate;
        this.purchasing = purchasing;
        this.purchases = purchases;
        this.donations = donations;
        this.ledger = ledger;
        this.ids = ids;
        this.tx = tx;
        this.clock = clock;
        this.deadline = settings.topUpDeadline();
    }

    /**
     * Buys {@code packageId} with {@code paymentToken}, then gives {@code credits} to the creator; waits for the
     * payment at most {@code credit.settle-wait} (then the donation is returned PENDING).
     */
    public DonationResult donate(long donorId, String creatorIdText, long credits, String message,
            String idempotencyKey, String packageId, String paymentToken) {
        String text = message == null || message.isBlank() ? null : message.strip();
        long creatorId = donate.validate(creatorIdText, credits, text);
        if (creatorId == donorId) {
            throw new CreditRefusedException(CreditRefusal.SELF_DONATION, "You cannot donate to yourself.");
        }
        String key = DonateService.key(donorId, idempotencyKey);
        Donation existing = donations.findByIdempotencyKey(key).orElse(null);
        if (existing != null) {
            if (!existing.sameTerms(creatorId, credits, text)) {
                throw new CreditRefusedException(CreditRefusal.IDEMPOTENCY_KEY_REUSED,
                        "This Idempotency-Key already made a donation with other terms.");
            }
            return new DonationResult(resolve(existing), null, true);
        }
        PurchaseView purchase = purchasing.purchase(donorId, packageId, "card", paymentToken);
        Donation pending = Donation.pending(ids.nextId(), donorId, creatorId, credits, text, key, purchase.id(),
                clock.instant());
        try {
            tx.executeWithoutResult(s -> donations.add(pending));
        } catch (DataIntegrityViolationException raced) {
            return new DonationResult(resolve(donations.findByIdempotencyKey(key).orElseThrow()), null, true);
        }
        Donation now = resolve(pending);
        Long balance = now.status() == Donation.Status.COMPLETED
                ? history.entry(now.historyId()).map(CreditHistoryEntry::balanceAfter).orElse(null) : null;
        return new DonationResult(now, balance, false);
    }

    /** Settles a PENDING donation from its purchase's state; returns it as it is now. Outside a transaction. */
    Donation resolve(Donation d) {
        if (d.status() != Donation.Status.PENDING) {
            return d;
        }
        CreditPurchase p = purchases.find(d.topUpPurchaseId()).orElseThrow();
        if (p.status() == PurchaseStatus.COMPLETED) {
            give(d);
        } else if (p.status() == PurchaseStatus.FAILED) {
            fail(d, "PAYMENT_DECLINED", "The top-up was not paid (" + p.failureCode() + "); nothing was given.");
        } else if (clock.instant().isAfter(d.createdAt().plus(deadline))) {
            fail(d, "TOP_UP_TIMEOUT", "The top-up's payment did not settle in time; nothing was given. If it is "
                    + "approved later, the credits bought stay in your wallet.");
        }
        return donations.find(d.id()).orElseThrow();
    }

    private void give(Donation d) {
        LedgerOutcome outcome = ledger.apply(new LedgerEntry(DonateService.debit(d), new LedgerParticipant() {
            @Override
            public boolean admit() {
                return donations.lockPending(d.id());
            }

            @Override
            public void complete(LedgerOutcome o) {
                if (o instanceof LedgerOutcome.Applied a) {
                    donations.complete(d.id(), a.entry().id(), a.entry().createdAt());
                    donate.announce(d, a.entry());
                }
            }
        }, null));
        if (outcome instanceof LedgerOutcome.Insufficient i) {
            fail(d, "INSUFFICIENT_CREDITS", "Not enough credits after the top-up: " + i.required() + " needed, "
                    + i.balance() + " available; nothing was given." + CREDITS_STAY);
        }
    }

    private void fail(Donation d, String code, String reason) {
        tx.executeWithoutResult(s -> {
            if (donations.fail(d.id(), code, reason, clock.instant())) {
                log.info("Donation {} failed: {} {}", d.id(), code, reason);
            }
        });
    }

    /** Donations whose top-up settled after their request answered 202 (or whose deadline passed). */
    public void resolvePending() {
        for (Donation d : donations.pending(100)) {
            try {
                resolve(d);
            } catch (RuntimeException e) {
                log.warn("Pending donation {} not resolved now: {}", d.id(), e.toString(), e);
            }
        }
    }

    /** The refusal a failed top-up donation answers with (402, its codes), for the web layer. */
    public static CreditRefusedException refusal(Donation d) {
        CreditRefusal r = "INSUFFICIENT_CREDITS".equals(d.failureCode()) ? CreditRefusal.INSUFFICIENT_CREDITS
                : CreditRefusal.PAYMENT_DECLINED;
        return new CreditRefusedException(r, d.failureReason(), Map.of("donation_id", Long.toString(d.id()),
                "failure_code", d.failureCode()));
    }
}
