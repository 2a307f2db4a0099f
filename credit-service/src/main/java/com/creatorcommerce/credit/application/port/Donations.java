package com.creatorcommerce.credit.application.port;

import com.creatorcommerce.credit.domain.Donation;
import java.util.Optional;

/** Donations ({@code donations}), in the caller's transaction. */
public interface Donations {

    void add(Donation donation);

    Optional<Donation> find(long id);

    Optional<Donation> findByIdempotencyKey(String key);

    /** The donor's donations, newest first (1-based page). */
    Paged<Donation> sent(long donorId, int page, int pageSize);

    /** The creator's COMPLETED donations received, newest first (1-based page). */
    Paged<Donation> received(long creatorId, int page, int pageSize);
}
