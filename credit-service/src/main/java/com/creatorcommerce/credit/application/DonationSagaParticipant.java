package com.creatorcommerce.credit.application;

import com.creatorcommerce.credit.application.DonationSagaMessages.CloseDonation;
import com.creatorcommerce.credit.application.DonationSagaMessages.CreditTopUp;
import com.creatorcommerce.credit.application.DonationSagaMessages.DebitDonation;
import com.creatorcommerce.credit.application.DonationSagaMessages.DonationClosed;
import com.creatorcommerce.credit.application.DonationSagaMessages.DonationDebited;
import com.creatorcommerce.credit.application.DonationSagaMessages.StepRejected;
import com.creatorcommerce.credit.application.ledger.CreditLedger;
import com.creatorcommerce.credit.application.ledger.LedgerEntry;
import com.creatorcommerce.credit.application.ledger.LedgerOutcome;
import com.creatorcommerce.credit.application.ledger.LedgerParticipant;
import com.creatorcommerce.credit.application.port.CreditHistory;
import com.creatorcommerce.credit.application.port.Donations;
import com.creatorcommerce.credit.domain.CreditHistoryEntry;
import com.creatorcommerce.credit.domain.Donation;
import com.creatorcommerce.platform.messaging.InboundMessage;
import com.creatorcommerce.platform.messaging.OutboundMessage;
import com.creatorcommerce.platform.messaging.outbox.Outbox;
import java.time.Clock;
import org.springframework.stereotype.Service;

/**
 * credit-service as the participant of its own top-up-then-donate saga ({@code credit.commands}): each command is
 * applied once (inbox {@link #CONSUMER}) and answered on {@code credit.replies} in the same transaction as its effect,
 * the wallet changes in the ledger's own transaction (ADR 13/14). Commands are idempotent per business key (a re-sent
 * command with a new message id answers the same): the purchase's and the donation's history keys, and the donation's
 * status, which a close turns FAILED so that a debit arriving after it is refused.
 */
@Service
public class DonationSagaParticipant {

    public static final String CONSUMER = "credit-service.commands";

    private final TopUpCreditStep topUpCredit;
    private final CreditLedger ledger;
    private final Donations donations;
    private final DonateService donate;
    private final CreditHistory history;
    private final HandleOnce once;
    private final Outbox outbox;
    private final Clock clock;

    DonationSagaParticipant(
            TopUpCreditStep topUpCredit,
            CreditLedger ledger,
            Donations donations,
            DonateService donate,
            CreditHistory history,
            HandleOnce once,
            Outbox outbox,
            Clock clock) {
        this.topUpCredit = topUpCredit;
        this.ledger = ledger;
        this.donations = donations;
        this.donate = donate;
        this.history = history;
        this.once = once;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** {@code credit.top-up-credit.v1}; outside a transaction. */
    public void creditTopUp(CreditTopUp cmd, InboundMessage message) {
        topUpCredit.credit(cmd, message, CONSUMER);
    }

    /** {@code credit.donation-debit.v1}: the PENDING donation debited FIFO and COMPLETED; outside a transaction. */
    public void debit(DebitDonation cmd, InboundMessage message) {
        Donation d = donations.find(cmd.donationId()).orElse(null);
        if (d == null) {
            once.run(
                    CONSUMER,
                    message,
                    () -> reply(
                            cmd.donationId(),
                            0,
                            DonationSagaMessages.DONATION_DEBIT_REJECTED,
                            new StepRejected(
                                    cmd.donationId(), "DONATION_NOT_FOUND", "No donation " + cmd.donationId())));
            return;
        }
        ledger.apply(new LedgerEntry(
                DonateService.debit(d),
                new LedgerParticipant() {
                    @Override
                    public boolean admit() {
                        if (!once.mark(CONSUMER, message)) {
                            return false;
                        }
                        if (donations.lockPending(d.id())) {
                            return true;
                        }
                        Donation now = donations.find(d.id()).orElseThrow();
                        if (now.status() == Donation.Status.COMPLETED) { // debited before: the same answer again
                            CreditHistoryEntry row =
                                    history.entry(now.historyId()).orElseThrow();
                            debited(now, row);
                        } else {
                            rejected(
                                    d,
                                    now.failureCode(),
                                    "The donation was closed (" + now.failureCode() + "); nothing was given.");
                        }
                        return false;
                    }

                    @Override
                    public void complete(LedgerOutcome outcome) {
                        switch (outcome) {
                            case LedgerOutcome.Applied a -> {
                                donations.complete(
                                        d.id(), a.entry().id(), a.entry().createdAt());
                                donate.announce(d, a.entry());
                                debited(d, a.entry());
                            }
                            case LedgerOutcome.AlreadyApplied done -> {
                                donations.complete(
                                        d.id(), done.entry().id(), done.entry().createdAt());
                                debited(d, done.entry());
                            }
                            case LedgerOutcome.Insufficient i ->
                                rejected(
                                        d,
                                        "INSUFFICIENT_CREDITS",
                                        "Not enough credits "
                                                + "after the top-up: " + i.required() + " needed, " + i.balance()
                                                + " available; nothing was given.");
                            case LedgerOutcome.NotAdmitted n -> {}
                        }
                    }
                },
                message));
    }

    /**
     * {@code credit.donation-close.v1}: the saga gave up the debit. A PENDING donation is FAILED (its saga gives the
     * final reason), so that a debit arriving later is refused; a donation debited before the close stays COMPLETED
     * and the answer says so.
     */
    public void close(CloseDonation cmd, InboundMessage message) {
        once.run(CONSUMER, message, () -> {
            Donation d = donations.find(cmd.donationId()).orElse(null);
            long donor = d == null ? 0 : d.donorId();
            boolean debited = d != null
                    && !donations.lockPending(d.id())
                    && donations.find(d.id()).orElseThrow().status() == Donation.Status.COMPLETED;
            if (d != null && !debited) {
                donations.fail(
                        d.id(),
                        Donations.CLOSED,
                        "The donation was closed before it was debited; nothing was " + "given.",
                        clock.instant());
            }
            reply(
                    cmd.donationId(),
                    donor,
                    DonationSagaMessages.DONATION_CLOSED,
                    new DonationClosed(cmd.donationId(), debited));
        });
    }

    private void debited(Donation d, CreditHistoryEntry row) {
        reply(
                d.id(),
                d.donorId(),
                DonationSagaMessages.DONATION_DEBITED,
                new DonationDebited(d.id(), row.id(), row.balanceAfter()));
    }

    private void rejected(Donation d, String code, String detail) {
        reply(
                d.id(),
                d.donorId(),
                DonationSagaMessages.DONATION_DEBIT_REJECTED,
                new StepRejected(d.id(), code, detail));
    }

    private void reply(long donationId, long donorId, String type, Object payload) {
        OutboundMessage m = OutboundMessage.of(
                DonationSagaMessages.REPLIES, Long.toString(donorId == 0 ? donationId : donorId), type, payload);
        outbox.append(donorId == 0 ? m : m.withUserId(donorId));
    }
}
