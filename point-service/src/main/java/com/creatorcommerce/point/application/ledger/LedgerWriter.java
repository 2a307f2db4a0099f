package com.creatorcommerce.point.application.ledger;

import com.creatorcommerce.contracts.point.PointBalanceChanged;
import com.creatorcommerce.contracts.point.PointTopics;
import com.creatorcommerce.platform.messaging.MessageContext;
import com.creatorcommerce.platform.messaging.OutboundMessage;
import com.creatorcommerce.platform.messaging.outbox.Outbox;
import com.creatorcommerce.platform.snowflake.IdGenerator;
import com.creatorcommerce.point.application.port.LedgerStore;
import com.creatorcommerce.point.domain.PointTransaction;
import com.creatorcommerce.point.domain.RecordedChange;
import com.creatorcommerce.point.domain.Wallet;
import com.creatorcommerce.point.domain.WalletDecision;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.LongFunction;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies entries of ONE wallet in ONE transaction: lock the wallet row, look up the entries' idempotency keys,
 * decide each entry in order under the {@link Wallet}'s rules, store all new ledger rows in one batch and the balance
 * once, announce each change. The row lock makes this correct against any other writer of the wallet (other
 * instances included); writing many entries per lock and commit is what makes it fast.
 */
@Component
public class LedgerWriter {

    private final LedgerStore store;
    private final TransactionTemplate tx;
    private final IdGenerator ids;
    private final Outbox outbox;
    private final Clock clock;

    LedgerWriter(LedgerStore store, TransactionTemplate tx, IdGenerator ids, Outbox outbox, Clock clock) {
        this.store = store;
        this.tx = tx;
        this.ids = ids;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Applies {@code entries} (all of wallet {@code userId}) in one new transaction; outcomes in entry order. */
    public List<LedgerOutcome> write(long userId, List<LedgerEntry> entries) {
        return tx.execute(status -> writeInTransaction(userId, entries));
    }

    /**
     * Runs {@code work} in a new transaction that holds wallet {@code userId}'s row lock (the lock every batch takes,
     * creating the wallet if needed); {@code work} gets the balance.
     */
    public <T> T withWalletLocked(long userId, LongFunction<T> work) {
        return tx.execute(status -> work.apply(store.lockWallet(userId, clock.instant())));
    }

    private List<LedgerOutcome> writeInTransaction(long userId, List<LedgerEntry> entries) {
        Instant now = clock.instant();
        long balance = store.lockWallet(userId, now);
        Set<String> keys = new LinkedHashSet<>();
        for (LedgerEntry e : entries) {
            keys.add(e.change().idempotencyKey());
        }
        Wallet wallet = Wallet.of(userId, balance, store.recorded(keys));
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
                LedgerOutcome outcome = switch (wallet.decide(e.change(), ids::nextId, now)) {
                    case WalletDecision.Applied applied -> announce(applied.row());
                    case WalletDecision.AlreadyApplied done -> alreadyApplied(done.row());
                    case WalletDecision.Insufficient refused -> new LedgerOutcome.Insufficient(refused.balance());
                };
                e.participant().complete(outcome);
                outcomes.add(outcome);
            }
        }
        List<PointTransaction> rows = wallet.newRows();
        if (!rows.isEmpty()) {
            store.append(userId, rows, wallet.balance(), now);
        }
        return outcomes;
    }

    private LedgerOutcome announce(PointTransaction row) {
        outbox.append(OutboundMessage.of(
                        PointTopics.EVENTS,
                        Long.toString(row.userId()),
                        PointTopics.BALANCE_CHANGED,
                        new PointBalanceChanged(
                                row.id(),
                                row.userId(),
                                row.type().name(),
                                row.amount(),
                                row.balanceBefore(),
                                row.balanceAfter(),
                                row.referenceType().name(),
                                row.referenceId(),
                                row.createdAt()))
                .withUserId(row.userId()));
        return new LedgerOutcome.Applied(
                row.id(), row.amount(), row.balanceBefore(), row.balanceAfter(), row.createdAt());
    }

    private static LedgerOutcome alreadyApplied(RecordedChange row) {
        return new LedgerOutcome.AlreadyApplied(row.transactionId(), row.userId(), row.amount(), row.balanceAfter());
    }
}
