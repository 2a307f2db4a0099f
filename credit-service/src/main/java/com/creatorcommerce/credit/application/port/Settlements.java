package com.creatorcommerce.credit.application.port;

import com.creatorcommerce.credit.domain.Settlement;
import com.creatorcommerce.platform.kernel.Page;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Settlements ({@code settlements}) and the donations they count, in the caller's transaction. */
public interface Settlements {

    /** Gross credits and count of a creator's completed, unsettled donations completed before {@code until}. */
    record Unsettled(long creatorId, long donations, long credits) {}

    /**
     * Creators with completed donations not yet settled in {@code [from, until)}, or completed in an earlier month
     * after that month was settled for them (carried over).
     */
    List<Long> creatorsWithUnsettled(Instant from, Instant until);

    /** Those donations of one creator, locked, counted and summed. */
    Unsettled lockUnsettled(long creatorId, Instant from, Instant until);

    /**
     * Inserts the settlement unless the creator already has one for its period.
     *
     * @return false when (creator, period) was settled before (nothing written)
     */
    boolean addIfAbsent(Settlement settlement);

    /** Marks those donations of one creator as counted by {@code settlementId}; returns how many. */
    long markSettled(long creatorId, long settlementId, Instant from, Instant until);

    Optional<Settlement> find(long id);

    Optional<Settlement> find(long creatorId, String period);

    List<Settlement> ofPeriod(String period);

    Page<Settlement> ofCreator(long creatorId, int page, int pageSize);

    /** OWED → PAID; false when it was not OWED. */
    boolean markPaid(long id, long adminId, Instant now);
}
