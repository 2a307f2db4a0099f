package com.creatorcommerce.credit.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The lots of one wallet with credits left, oldest first, while a batch of changes is applied under the wallet's row
 * lock (ADR 14). A credit adds a lot at the end; a debit takes from the oldest lots first (FIFO, bonus lots included);
 * a refund takes from its own lot only. Every taken part becomes a {@link LotUsage}. The sum of the lots' remaining
 * equals the wallet's balance before and after each change.
 */
public final class LotBook {

    /** What one debit took from one lot. */
    public record LotUsage(long lotId, long historyId, TransactionType type, long credits) {}

    /** A lot created by this batch, with its terms and the history row that added it. */
    public record Created(CreditLot lot, NewLot terms, long historyId) {}

    private final long userId;
    private final List<CreditLot> open;
    private final List<Created> created = new ArrayList<>();
    private final List<LotUsage> usages = new ArrayList<>();

    /** {@code lots}: the wallet's lots with credits left, oldest first (purchased_at, id). */
    public LotBook(long userId, List<CreditLot> lots) {
        this.userId = userId;
        this.open = new ArrayList<>(lots);
    }

    public long userId() {
        return userId;
    }

    /** Credits of the lot {@code lotId} still unspent; 0 when it is not an open lot of this wallet. */
    public long remainingOf(long lotId) {
        return open.stream()
                .filter(l -> l.id() == lotId)
                .mapToLong(CreditLot::remaining)
                .findFirst()
                .orElse(0);
    }

    /** The open lot {@code lotId}, if any. */
    public CreditLot lot(long lotId) {
        return open.stream().filter(l -> l.id() == lotId).findFirst().orElse(null);
    }

    /** Records an applied credit: a new lot of its credits. */
    public CreditLot credit(long lotId, CreditHistoryEntry row, NewLot lot, Instant now) {
        CreditLot added = new CreditLot(
                lotId,
                row.userId(),
                lot.source(),
                row.amount(),
                row.amount(),
                lot.price(),
                now,
                lot.refundableUntil(),
                CreditLot.Status.ACTIVE);
        open.add(added);
        created.add(new Created(added, lot, row.id()));
        return added;
    }

    /**
     * Records an applied debit: takes its credits from lot {@code fromLot} (a refund), or FIFO when null.
     *
     * @throws IllegalStateException when the lots do not cover it (the wallet's balance and its lots disagree)
     */
    public List<LotUsage> debit(CreditHistoryEntry row, Long fromLot) {
        long wanted = -row.amount();
        List<LotUsage> taken = new ArrayList<>();
        for (CreditLot lot : open) {
            if (wanted == 0) {
                break;
            }
            if (fromLot != null && lot.id() != fromLot) {
                continue;
            }
            long part = lot.take(wanted, fromLot != null);
            if (part > 0) {
                wanted -= part;
                taken.add(new LotUsage(lot.id(), row.id(), row.type(), part));
            }
        }
        if (wanted != 0) {
            throw new IllegalStateException("Wallet " + row.userId() + ": the lots lack " + wanted + " credits of "
                    + (-row.amount()) + " (balance and lots disagree)");
        }
        usages.addAll(taken);
        return taken;
    }

    public long total() {
        return open.stream().mapToLong(CreditLot::remaining).sum();
    }

    /** Lots created by this batch (to insert). */
    public List<Created> created() {
        return Collections.unmodifiableList(created);
    }

    /** Lots loaded and changed by this batch (to update). */
    public List<CreditLot> changed() {
        return open.stream()
                .filter(l -> created.stream().noneMatch(c -> c.lot() == l) && l.changed())
                .toList();
    }

    public List<LotUsage> usages() {
        return Collections.unmodifiableList(usages);
    }
}
