package com.creatorcommerce.credit.application.ledger;

import com.creatorcommerce.contracts.credit.CreditBalanceChanged;
import com.creatorcommerce.contracts.credit.CreditTopics;
import com.creatorcommerce.credit.application.port.Wallets;
import com.creatorcommerce.credit.domain.CreditHistoryEntry;
import com.creatorcommerce.credit.domain.CreditWallet;
import com.creatorcommerce.credit.domain.LotBook;
import com.creatorcommerce.credit.domain.NewLot;
import com.creatorcommerce.credit.domain.WalletChange;
import com.creatorcommerce.platform.messaging.MessageContext;
import com.creatorcommerce.platform.messaging.OutboundMessage;
import com.creatorcommerce.platform.messaging.outbox.Outbox;
import com.creatorcommerce.platform.snowflake.IdGenerator;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies entries of ONE wallet in ONE transaction: lock the wallet row (and, when the batch spends, its lots with
 * credits left), look up the entries' idempotency keys, decide each entry in order against the running balance
 * ({@link CreditWallet}: never below zero), keep the lots in step ({@link LotBook}: a credit adds a lot, a debit takes
 * from the oldest lots first, a refund from its own lot; ADR 14), write all history rows, lots and usages in batches, write balance, totals and version once (guarded by the version read), announce each row on
 * {@code credit.events}. Each entry's participant work commits or rolls back with it.
 */
@Component
class LedgerWriter {

    private final Wallets wallets;
    private final TransactionTemplate tx;
    private final IdGenerator ids;
    private final Outbox outbox;
    private final Clock clock;

    LedgerWriter(Wallets wallets, TransactionTemplate tx, IdGenerator ids, Outbox outbox, Clock clock) {
        this.wallets = wallets;
        this.tx = tx;
        this.ids = ids;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * Applies {@code entries} (all of wallet {@code userId}) in one new transaction; outcomes in entry order.
     *
     * @throws WalletConflictException when the stored version moved under the lock (rolled back: retry)
     */
    List<LedgerOutcome> write(long userId, List<LedgerEntry> entries) {
        return tx.execute(status -> writeInTransaction(userId, entries));
    }

    private List<LedgerOutcome> writeInTransaction(long userId, List<LedgerEntry> entries) {
        Instant now = clock.instant();
        CreditWallet wallet = lockOrCreate(userId, entries, now);
        // the lots are read only when the batch spends (a batch of credits only appends lots)
        LotBook lots = new LotBook(
                userId,
                entries.stream().anyMatch(e -> e.change().type().isDebit()) ? wallets.lockOpenLots(userId) : List.of());
        Map<String, CreditHistoryEntry> done = new java.util.HashMap<>(wallets.findByIdempotencyKeys(entries.stream()
                .map(e -> e.change().idempotencyKey())
                .distinct()
                .toList()));
        List<CreditHistoryEntry> rows = new ArrayList<>();
        List<LedgerOutcome> outcomes = new ArrayList<>(entries.size());
        for (LedgerEntry e : entries) {
            if (e.userId() != userId) {
                throw new IllegalArgumentException("Entry of user " + e.userId() + " in a batch of wallet " + userId);
            }
            try (MessageContext.Scope ignored = e.cause() == null ? () -> {} : MessageContext.open(e.cause())) {
                if (!e.participant().admit()) {
                    outcomes.add(new LedgerOutcome.NotAdmitted());
                    continue;
                }
                LedgerOutcome outcome =
                        decide(wallet, lots, e, done.get(e.change().idempotencyKey()), now);
                if (outcome instanceof LedgerOutcome.Applied applied) {
                    recordInLots(lots, e.change(), applied.entry(), now);
                    rows.add(applied.entry());
                    done.put(applied.entry().idempotencyKey(), applied.entry());
                    announce(applied.entry());
                }
                e.participant().complete(outcome);
                outcomes.add(outcome);
            }
        }
        if (!rows.isEmpty()) {
            wallets.append(rows);
            wallets.writeLots(lots, now);
            if (!wallets.save(wallet, now)) {
                throw new WalletConflictException(userId, wallet.loadedVersion());
            }
        }
        return outcomes;
    }

    private LedgerOutcome decide(
            CreditWallet wallet, LotBook lots, LedgerEntry e, CreditHistoryEntry existing, Instant now) {
        if (existing != null) {
            return new LedgerOutcome.AlreadyApplied(existing);
        }
        Long fromLot = e.change().fromLot();
        if (fromLot != null && lots.remainingOf(fromLot) != e.change().credits()) {
            // a refund takes exactly what its lot has left: anything else means the lot changed since it was read
            return new LedgerOutcome.Insufficient(
                    lots.remainingOf(fromLot), e.change().credits());
        }
        return switch (wallet.apply(e.change(), ids.nextId(), now)) {
            case CreditWallet.Applied a -> new LedgerOutcome.Applied(a.entry());
            case CreditWallet.Insufficient i -> new LedgerOutcome.Insufficient(i.balance(), i.required());
        };
    }

    /** A credit adds a lot at the end of the book; a debit takes from its lot, or from the oldest lots first. */
    private void recordInLots(LotBook lots, WalletChange change, CreditHistoryEntry row, Instant now) {
        if (change.type().isDebit()) {
            lots.debit(row, change.fromLot());
        } else {
            lots.credit(
                    ids.nextId(),
                    row,
                    change.newLot() == null ? NewLot.bonus(change.referenceId()) : change.newLot(),
                    now);
        }
    }

    /**
     * The locked wallet; created first when missing, unless every entry is a debit: a debit of a wallet that does not
     * exist is refused against a balance of 0, and no wallet is created for it.
     */
    private CreditWallet lockOrCreate(long userId, List<LedgerEntry> entries, Instant now) {
        return wallets.lock(userId).orElseGet(() -> {
            if (entries.stream().allMatch(e -> e.change().type().isDebit())) {
                return CreditWallet.of(userId, 0, 0, 0, 0);
            }
            wallets.createIfAbsent(ids.nextId(), userId, now);
            return wallets.lock(userId).orElseThrow();
        });
    }

    private void announce(CreditHistoryEntry row) {
        outbox.append(OutboundMessage.of(
                        CreditTopics.EVENTS,
                        Long.toString(row.userId()),
                        CreditTopics.BALANCE_CHANGED,
                        new CreditBalanceChanged(
                                row.id(),
                                row.userId(),
                                row.type().wireName(),
                                row.amount(),
                                row.balanceBefore(),
                                row.balanceAfter(),
                                row.referenceId(),
                                row.createdAt()))
                .withUserId(row.userId()));
    }
}
