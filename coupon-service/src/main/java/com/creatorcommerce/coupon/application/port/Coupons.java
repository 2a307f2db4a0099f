package com.creatorcommerce.coupon.application.port;

import com.creatorcommerce.coupon.domain.Coupon;
import com.creatorcommerce.platform.kernel.Page;
import java.time.Instant;
import java.util.Optional;

/** Coupon definitions (table {@code coupons}). */
public interface Coupons {

    Optional<Coupon> find(long id);

    /** Reads the coupon with its row locked until the transaction ends (admin edits only: rare). */
    Optional<Coupon> findForUpdate(long id);

    void add(Coupon coupon);

    /** Active, {@code valid_from <= now < valid_until}, not sold out; soonest to end first. */
    Page<Coupon> issuable(Instant now, int page, int pageSize);

    /** Every coupon, newest first. */
    Page<Coupon> all(int page, int pageSize);
}
