package com.creatorcommerce.credit.application;

import com.creatorcommerce.credit.application.port.CreditHistory;
import com.creatorcommerce.credit.application.port.Donations;
import com.creatorcommerce.credit.domain.CreditHistoryEntry;
import com.creatorcommerce.credit.domain.CreditPurchase;
import com.creatorcommerce.credit.domain.CreditRefusal;
import com.creatorcommerce.credit.domain.CreditRefusedException;
import com.creatorcommerce.credit.domain.Donation;
import com.creatorcommerce.platform.saga.SagaDefinition;
import com.creatorcommerce.platform.saga.SagaEngine;
import com.creatorcommerce.platform.snowflake.IdGenerator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Top up, then donate, in one call ({@code POST /v1/donations} with {@code top_up}): one transaction records the
 * PENDING purchase of the package and the PENDING donation and starts the top-up-then-donate saga
 * ({@link TopUpDonationSaga}: payment → the purchase's lot → FIFO debit → COMPLETED); the request then waits at most
 * {@code credit.settle-wait} for the saga's outcome and answers it (201, 402) or the PENDING donation (202).
 */
@Service
public class TopUpDonationService {

    /** Re-read period while waiting, for outcomes another instance settles. */
    private static final Duration POLL = Duration.ofMillis(200);

    private final DonateService donate;
    private final StartPurchase starting;
    private final Donations donations;
    private final SagaEngine sagas;
    private final SagaDefinition<TopUpDonationData> saga;
    private final SettlementSignals signals;
    private final IdGenerator ids;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Duration settleWait;
    private final CreditHistory history;

    TopUpDonationService(
            DonateService donate,
            StartPurchase starting,
            Donations donations,
            SagaEngine sagas,
            SagaDefinition<TopUpDonationData> saga,
            SettlementSignals signals,
            IdGenerator ids,
            TransactionTemplate tx,
            Clock clock,
            CreditSettings settings,
            CreditHistory history) {
        this.donate = donate;
        this.starting = starting;
        this.donations = donations;
        this.sagas = sagas;
        this.saga = saga;
        this.signals = signals;
        this.ids = ids;
        this.tx = tx;
        this.clock = clock;
        this.settleWait = settings.settleWait();
        this.history = history;
    }

    /**
     * Buys {@code packageId} with {@code paymentToken}, then gives {@code credits} to the creator; waits for the
     * outcome at most {@code credit.settle-wait} (then the donation is returned PENDING). Outside a transaction.
     */
    public DonationResult donate(
            long donorId,
            String creatorIdText,
            long credits,
            String message,
            String idempotencyKey,
            String packageId,
            String paymentToken) {
        String text = message == null || message.isBlank() ? null : message.strip();
        long creatorId = donate.validate(creatorIdText, credits, text);
        if (creatorId == donorId) {
            throw new CreditRefusedException(CreditRefusal.SELF_DONATION, "You cannot donate to yourself.");
        }
        String key = DonateService.key(donorId, idempotencyKey);
        Donation existing = donations.findByIdempotencyKey(key).orElse(null);
        if (existing != null) {
            return replay(existing, creatorId, credits, text);
        }
        Donation pending;
        try {
            pending = tx.execute(s -> {
                CreditPurchase purchase = starting.reserve(donorId, packageId, "card", paymentToken);
                Donation d = Donation.pending(
                        ids.nextId(), donorId, creatorId, credits, text, key, purchase.id(), clock.instant());
                donations.add(d);
                long sagaId = sagas.start(
                        saga,
                        TopUpDonationData.start(
                                d.id(),
                                donorId,
                                creatorId,
                                credits,
                                purchase.id(),
                                paymentToken,
                                purchase.amountMinor(),
                                purchase.currency()));
                donations.attachSaga(d.id(), sagaId);
                return d;
            });
        } catch (DataIntegrityViolationException raced) {
            // the same Idempotency-Key (or payment token) committed first by a concurrent request
            Donation first = donations.findByIdempotencyKey(key).orElse(null);
            if (first == null) {
                throw StartPurchase.tokenUsed();
            }
            return replay(first, creatorId, credits, text);
        }
        Donation now = awaitOutcome(pending.id());
        return new DonationResult(now, balanceAfter(now), false);
    }

    private DonationResult replay(Donation existing, long creatorId, long credits, String text) {
        if (!existing.sameTerms(creatorId, credits, text)) {
            throw new CreditRefusedException(
                    CreditRefusal.IDEMPOTENCY_KEY_REUSED,
                    "This Idempotency-Key already made a donation with other terms.");
        }
        Donation now = existing.status() == Donation.Status.PENDING ? awaitOutcome(existing.id()) : existing;
        return new DonationResult(now, balanceAfter(now), true);
    }

    private Long balanceAfter(Donation d) {
        return d.status() == Donation.Status.COMPLETED && d.historyId() != null
                ? history.entry(d.historyId())
                        .map(CreditHistoryEntry::balanceAfter)
                        .orElse(null)
                : null;
    }

    /** The donation once its saga ended, or as it is after {@code credit.settle-wait}. */
    private Donation awaitOutcome(long donationId) {
        Instant deadline = clock.instant().plus(settleWait);
        while (true) {
            CompletableFuture<Void> signal = signals.listen(donationId);
            try {
                Donation now = donations.find(donationId).orElseThrow();
                Duration left = Duration.between(clock.instant(), deadline);
                if (now.status() != Donation.Status.PENDING || left.isNegative() || left.isZero()) {
                    return now;
                }
                signals.await(signal, left.compareTo(POLL) < 0 ? left : POLL);
            } finally {
                signals.forget(donationId, signal);
            }
        }
    }

    /** The refusal a failed top-up donation answers with (402, its codes), for the web layer. */
    public static CreditRefusedException refusal(Donation d) {
        CreditRefusal r = "INSUFFICIENT_CREDITS".equals(d.failureCode())
                ? CreditRefusal.INSUFFICIENT_CREDITS
                : CreditRefusal.PAYMENT_DECLINED;
        return new CreditRefusedException(
                r, d.failureReason(), Map.of("donation_id", Long.toString(d.id()), "failure_code", d.failureCode()));
    }
}
