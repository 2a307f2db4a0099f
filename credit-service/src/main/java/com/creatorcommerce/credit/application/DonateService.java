package com.creatorcommerce.credit.application;

import com.creatorcommerce.contracts.credit.CreditTopics;
import com.creatorcommerce.contracts.credit.DonationCompleted;
import com.creatorcommerce.credit.application.ledger.CreditLedger;
import com.creatorcommerce.credit.application.ledger.LedgerEntry;
import com.creatorcommerce.credit.application.ledger.LedgerOutcome;
import com.creatorcommerce.credit.application.ledger.LedgerParticipant;
import com.creatorcommerce.credit.application.port.Donations;
import com.creatorcommerce.credit.domain.CreditHistoryEntry;
import com.creatorcommerce.credit.domain.CreditRefusal;
import com.creatorcommerce.credit.domain.CreditRefusedException;
import com.creatorcommerce.credit.domain.Donation;
import com.creatorcommerce.credit.domain.InvalidCreditRequestException;
import com.creatorcommerce.credit.domain.TransactionType;
import com.creatorcommerce.credit.domain.Violation;
import com.creatorcommerce.credit.domain.WalletChange;
import com.creatorcommerce.platform.messaging.OutboundMessage;
import com.creatorcommerce.platform.messaging.outbox.Outbox;
import com.creatorcommerce.platform.snowflake.IdGenerator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;

/**
 * Donating credits to a creator from the balance (seed 001, stage 3). The debit takes from the donor's oldest lots
 * first, like every spend; the {@code donation} history row, the COMPLETED {@code donations} row and
 * {@code donation.completed.v1} (keyed by the creator) commit in ONE ledger transaction. The client's
 * Idempotency-Key is the history row's key ({@code donation:<donor>:<key>}): a retry never gives twice.
 */
@Service
public class DonateService {

    private static final Pattern ID = Pattern.compile("[1-9][0-9]{0,18}");

    private final CreditLedger ledger;
    private final Donations donations;
    private final IdGenerator ids;
    private final Outbox outbox;
    private final long maxDonation;

    DonateService(CreditLedger ledger, Donations donations, IdGenerator ids, Outbox outbox, CreditSettings settings) {
        this.ledger = ledger;
        this.donations = donations;
        this.ids = ids;
        this.outbox = outbox;
        this.maxDonation = settings.maxDonation();
    }

    public long maxDonation() {
        return maxDonation;
    }

    /**
     * Gives {@code credits} of {@code donorId}'s balance to the creator {@code creatorIdText}.
     *
     * @throws InvalidCreditRequestException bad creator id, credits or message (nothing changed)
     * @throws CreditRefusedException {@code SELF_DONATION}, {@code INSUFFICIENT_CREDITS}, {@code IDEMPOTENCY_KEY_REUSED}
     */
    public DonationResult donate(
            long donorId, String creatorIdText, long credits, String message, String idempotencyKey) {
        String text = message == null || message.isBlank() ? null : message.strip();
        long creatorId = validate(creatorIdText, credits, text);
        if (creatorId == donorId) {
            throw new CreditRefusedException(CreditRefusal.SELF_DONATION, "You cannot donate to yourself.");
        }
        String key = key(donorId, idempotencyKey);
        long donationId = ids.nextId();
        Map<String, String> extra = new LinkedHashMap<>();
        extra.put("donation_id", Long.toString(donationId));
        extra.put("creator_id", Long.toString(creatorId));
        WalletChange change = new WalletChange(
                donorId,
                TransactionType.DONATION,
                credits,
                "Donation to creator " + creatorId + " (" + credits + " credits)",
                extra,
                Long.toString(donationId),
                key);
        Donation[] made = new Donation[1];
        LedgerOutcome outcome = ledger.apply(new LedgerEntry(
                change,
                new LedgerParticipant() {
                    @Override
                    public void complete(LedgerOutcome o) {
                        if (o instanceof LedgerOutcome.Applied a) {
                            made[0] = record(donationId, donorId, creatorId, credits, text, key, a.entry());
                        }
                    }
                },
                null));
        return switch (outcome) {
            case LedgerOutcome.Applied a ->
                new DonationResult(made[0], a.entry().balanceAfter(), false);
            case LedgerOutcome.AlreadyApplied done -> replay(done.entry(), key, creatorId, credits, text);
            case LedgerOutcome.Insufficient i -> throw insufficient(i);
            case LedgerOutcome.NotAdmitted n -> throw new IllegalStateException("A donation is always admitted");
        };
    }

    /** In the ledger transaction: the COMPLETED donation and its public event. */
    Donation record(
            long donationId,
            long donorId,
            long creatorId,
            long credits,
            String text,
            String key,
            CreditHistoryEntry row) {
        Donation d = Donation.completed(donationId, donorId, creatorId, credits, text, key, row.id(), row.createdAt());
        donations.add(d);
        announce(d, row);
        return d;
    }

    /** {@code donation.completed.v1}, keyed by the creator (in the caller's transaction). */
    void announce(Donation d, CreditHistoryEntry row) {
        outbox.append(OutboundMessage.of(
                        CreditTopics.EVENTS,
                        Long.toString(d.creatorId()),
                        CreditTopics.DONATION_COMPLETED,
                        new DonationCompleted(
                                d.id(),
                                d.donorId(),
                                d.creatorId(),
                                d.credits(),
                                d.message() == null ? "" : d.message(),
                                row.id(),
                                row.createdAt()))
                .withUserId(d.donorId()));
    }

    /** The donation debit of {@code d} (its donor's history row, taken FIFO). */
    static WalletChange debit(Donation d) {
        Map<String, String> extra = new LinkedHashMap<>();
        extra.put("donation_id", Long.toString(d.id()));
        extra.put("creator_id", Long.toString(d.creatorId()));
        return new WalletChange(
                d.donorId(),
                TransactionType.DONATION,
                d.credits(),
                "Donation to creator " + d.creatorId() + " (" + d.credits() + " credits)",
                extra,
                Long.toString(d.id()),
                d.idempotencyKey());
    }

    /** The ledger key of a donor's Idempotency-Key. */
    static String key(long donorId, String idempotencyKey) {
        return "donation:" + donorId + ":" + UseCreditsService.ledgerKey(idempotencyKey);
    }

    static CreditRefusedException insufficient(LedgerOutcome.Insufficient i) {
        return new CreditRefusedException(
                CreditRefusal.INSUFFICIENT_CREDITS,
                "Not enough credits: " + i.required() + " needed, " + i.balance() + " available.",
                Map.of("balance", i.balance(), "required", i.required()));
    }

    DonationResult replay(CreditHistoryEntry row, String key, long creatorId, long credits, String text) {
        Donation d = donations
                .findByIdempotencyKey(key)
                .orElseThrow(() -> new CreditRefusedException(
                        CreditRefusal.IDEMPOTENCY_KEY_REUSED, "This Idempotency-Key already spent credits otherwise."));
        if (!d.sameTerms(creatorId, credits, text)) {
            throw new CreditRefusedException(
                    CreditRefusal.IDEMPOTENCY_KEY_REUSED,
                    "This Idempotency-Key already made a donation with other terms.");
        }
        return new DonationResult(d, row.balanceAfter(), true);
    }

    /** The creator id of a valid request. */
    long validate(String creatorIdText, long credits, String text) {
        List<Violation> v = new ArrayList<>();
        long creatorId = 0;
        if (creatorIdText == null || !ID.matcher(creatorIdText).matches()) {
            v.add(new Violation("creator_id", "must be a user id (digits, no leading zero)"));
        } else {
            try {
                creatorId = Long.parseLong(creatorIdText);
            } catch (NumberFormatException e) {
                v.add(new Violation("creator_id", "must be a user id (digits, no leading zero)"));
            }
        }
        if (credits < 1 || credits > maxDonation) {
            v.add(new Violation("credits", "must be a whole number between 1 and " + maxDonation));
        }
        if (text != null && text.codePointCount(0, text.length()) > Donation.MAX_MESSAGE) {
            v.add(new Violation("message", "must be at most " + Donation.MAX_MESSAGE + " characters"));
        }
        if (!v.isEmpty()) {
            throw new InvalidCreditRequestException(v);
        }
        return creatorId;
    }
}
