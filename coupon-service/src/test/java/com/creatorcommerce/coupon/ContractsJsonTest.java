package com.creatorcommerce.coupon;

import static org.assertj.core.api.Assertions.assertThat;

import com.creatorcommerce.contracts.coupon.CouponRejectionReason;
import com.creatorcommerce.contracts.coupon.CouponReservationRejected;
import com.creatorcommerce.contracts.coupon.CouponReserved;
import com.creatorcommerce.contracts.coupon.CouponTopics;
import com.creatorcommerce.contracts.coupon.CouponUsed;
import com.creatorcommerce.contracts.coupon.ReserveCouponCommand;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/** The coupon contracts on the wire: snake_case, 64-bit ids as strings, ISO-8601 UTC instants. */
class ContractsJsonTest {

    private final JsonMapper json = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .build();

    @Test
    void commandsUseSnakeCaseAndStringIds() {
        String wire = json.writeValueAsString(new ReserveCouponCommand(9007199254740993L, 7, 12, 30000));

        assertThat(wire)
                .isEqualTo("{\"order_id\":\"9007199254740993\",\"user_id\":\"7\",\"user_coupon_id\":\"12\","
                        + "\"order_amount\":30000}");
        assertThat(json.readValue(wire, ReserveCouponCommand.class))
                .isEqualTo(new ReserveCouponCommand(9007199254740993L, 7, 12, 30000));
        assertThat(json.readValue(
                        "{\"order_id\":1,\"user_id\":2,\"user_coupon_id\":3,\"order_amount\":4}",
                        ReserveCouponCommand.class))
                .as("numbers accepted too")
                .isEqualTo(new ReserveCouponCommand(1, 2, 3, 4));
    }

    @Test
    void repliesAndEventsToo() {
        assertThat(json.writeValueAsString(new CouponReserved(1, 2, 3, 30000, 5000)))
                .isEqualTo("{\"order_id\":\"1\",\"user_coupon_id\":\"2\",\"coupon_id\":\"3\",\"order_amount\":30000,"
                        + "\"discount_amount\":5000}");
        assertThat(json.writeValueAsString(new CouponReservationRejected(
                        1, 2, CouponRejectionReason.MIN_ORDER_AMOUNT_NOT_MET, "too small")))
                .contains("\"reason\":\"MIN_ORDER_AMOUNT_NOT_MET\"");
        assertThat(json.writeValueAsString(
                        new CouponUsed(1, 2, 3, 4, 500, Instant.parse("2026-01-02T03:04:05.123456Z"))))
                .contains("\"used_at\":\"2026-01-02T03:04:05.123456Z\"");
    }

    @Test
    void topicsAndTypesFollowTheConventions() {
        assertThat(CouponTopics.COMMANDS).isEqualTo("coupon.commands");
        assertThat(CouponTopics.REPLIES).isEqualTo("coupon.replies");
        assertThat(CouponTopics.EVENTS).isEqualTo("coupon.events");
        assertThat(new String[] {CouponTopics.ISSUED, CouponTopics.USED, CouponTopics.RELEASED})
                .containsExactly("coupon.issued.v1", "coupon.used.v1", "coupon.released.v1");
        assertThat(CouponTopics.RESERVED).isEqualTo("coupon.reserved.v1");
    }
}
