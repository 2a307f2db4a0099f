package com.creatorcommerce.coupon.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CouponTermsTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant FROM = NOW.minus(Duration.ofDays(1));
    private static final Instant UNTIL = NOW.plus(Duration.ofDays(30));

    private static CouponTerms terms(
            DiscountType type, long value, Long max, Integer quantity, Instant from, Instant until) {
        return new CouponTerms("coupon", type, value, max, 0, quantity, from, until, null);
    }

    private static java.util.List<String> fieldsOf(CouponTerms terms) {
        return catchThrowableOfType(InvalidCouponException.class, () -> terms.validate(NOW)).violations().stream()
                .map(Violation::field)
                .toList();
    }

    @Test
    void acceptsSoundTerms() {
        assertThatCode(() -> terms(DiscountType.PERCENTAGE, 100, 3000L, null, FROM, UNTIL)
                        .validate(NOW))
                .doesNotThrowAnyException();
        assertThatCode(() ->
                        terms(DiscountType.FIXED, 5000, null, 1, FROM, UNTIL).validate(NOW))
                .doesNotThrowAnyException();
    }

    @Test
    void aPercentageIsAtMostAHundred() {
        assertThat(fieldsOf(terms(DiscountType.PERCENTAGE, 101, null, 10, FROM, UNTIL)))
                .containsExactly("discount_value");
    }

    @Test
    void theValidityEndsAfterItStartsAndInTheFuture() {
        assertThat(fieldsOf(terms(DiscountType.FIXED, 1000, null, 10, UNTIL, FROM)))
                .containsExactly("valid_until");
        assertThat(fieldsOf(terms(DiscountType.FIXED, 1000, null, 10, FROM, FROM)))
                .containsExactly("valid_until");
        assertThat(fieldsOf(terms(DiscountType.FIXED, 1000, null, 10, FROM.minus(Duration.ofDays(9)), FROM)))
                .containsExactly("valid_until");
    }

    @Test
    void quantitiesAndAmountsAreSane() {
        assertThat(fieldsOf(terms(DiscountType.FIXED, 0, null, 0, FROM, UNTIL)))
                .containsExactlyInAnyOrder("discount_value", "total_quantity");
        assertThat(fieldsOf(terms(DiscountType.FIXED, -1, 5L, -3, FROM, UNTIL)))
                .containsExactlyInAnyOrder("discount_value", "max_discount_amount", "total_quantity");
        assertThat(fieldsOf(new CouponTerms(" ", null, 1, null, -1, null, null, null, 0)))
                .containsExactlyInAnyOrder(
                        "coupon_name",
                        "discount_type",
                        "min_order_amount",
                        "valid_from",
                        "valid_until",
                        "valid_days_after_issue");
        assertThat(fieldsOf(terms(DiscountType.FIXED, CouponTerms.MAX_AMOUNT + 1, null, 1, FROM, UNTIL)))
                .containsExactly("discount_value");
    }
}
