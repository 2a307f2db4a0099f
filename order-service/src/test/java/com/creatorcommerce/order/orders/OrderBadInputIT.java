package com.creatorcommerce.order.orders;

import static org.assertj.core.api.Assertions.assertThat;

import com.creatorcommerce.order.support.OrderTestBase;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Every bad order request is an RFC 9457 problem with its code, and changes nothing. */
class OrderBadInputIT extends OrderTestBase {

    private record Expected(int status, String code) {}

    @Test
    void eachBadOrderIsRefusedWithItsProblemAndNothingChanges() {
        OptionSpec retired = new OptionSpec("Old", newSku("SKU"), 0, 5, false);
        Created shirt = createProduct("Shirt", 10_000, OptionSpec.of("S", 0, 5), retired);
        Created hidden = createProduct("Hidden", 10_000, false, OptionSpec.of("S", 0, 5));
        long on = shirt.option(0);
        String fiftyOneLines = IntStream.rangeClosed(1, 51)
                .mapToObj(i -> "{\"product_option_id\": \"" + (on + i) + "\", \"quantity\": 1}")
                .collect(Collectors.joining(", ", "{\"items\": [", "]}"));
        Map<String, Expected> cases = new LinkedHashMap<>();
        cases.put("{}", new Expected(400, "EMPTY_ORDER"));
        cases.put("{\"items\": []}", new Expected(400, "EMPTY_ORDER"));
        cases.put("{\"from_cart\": true}", new Expected(400, "EMPTY_ORDER"));
        cases.put(
                "{\"from_cart\": true, \"items\": [{\"product_option_id\": \"" + on + "\", \"quantity\": 1}]}",
                new Expected(400, "ITEMS_AND_CART"));
        cases.put(fiftyOneLines, new Expected(400, "TOO_MANY_LINES"));
        cases.put(items(on, 0), new Expected(400, "INVALID_QUANTITY"));
        cases.put(items(on, -1), new Expected(400, "INVALID_QUANTITY"));
        cases.put(items(on, 10_001), new Expected(400, "INVALID_QUANTITY"));
        cases.put("{\"items\": [{\"product_option_id\": \"" + on + "\"}]}", new Expected(400, "VALIDATION_FAILED"));
        cases.put(
                "{\"items\": [{\"product_option_id\": \"" + on + "\", \"quantity\": 1.5}]}",
                new Expected(400, "VALIDATION_FAILED"));
        cases.put(
                "{\"items\": [{\"product_option_id\": \"abc\", \"quantity\": 1}]}",
                new Expected(400, "VALIDATION_FAILED"));
        cases.put(items(1, 1), new Expected(422, "PRODUCT_OPTION_NOT_FOUND"));
        cases.put(items(shirt.option(1), 1), new Expected(422, "PRODUCT_OPTION_UNAVAILABLE"));
        cases.put(items(hidden.option(0), 1), new Expected(422, "PRODUCT_OPTION_UNAVAILABLE"));
        cases.put(
                withCharge(on, "{\"amount\": 999, \"payment_key\": \"pk_approve_1\"}"),
                new Expected(400, "CHARGE_AMOUNT_OUT_OF_RANGE"));
        cases.put(
                withCharge(on, "{\"amount\": 2000001, \"payment_key\": \"pk_approve_1\"}"),
                new Expected(400, "CHARGE_AMOUNT_OUT_OF_RANGE"));
        cases.put(
                withCharge(on, "{\"payment_key\": \"pk_approve_1\"}"), new Expected(400, "CHARGE_AMOUNT_OUT_OF_RANGE"));
        cases.put(withCharge(on, "{\"amount\": 5000}"), new Expected(400, "PAYMENT_KEY_REQUIRED"));
        cases.put(
                "{\"items\": [{\"product_option_id\": \"" + on + "\", \"quantity\": 1}], \"user_coupon_id\": \"x\"}",
                new Expected(400, "VALIDATION_FAILED"));
        User user = newUser();

        cases.forEach((body, expected) -> assertProblem(
                placeOrder(user.token(), body, UUID.randomUUID().toString()), expected.status(), expected.code()));
        assertProblem(placeOrder(user.token(), items(on, 1), null), 400, "IDEMPOTENCY_KEY_REQUIRED");

        assertThat(ordersOf(user.id())).isZero();
        assertThat(stockOf(on)).isEqualTo(5);
        assertThat(count("SELECT COUNT(*) FROM stock_reservation_items WHERE product_option_id = ?", on))
                .isZero();
    }

    @Test
    void theChargeLimitsAreInclusive() {
        Created sock = createProduct("Sock", 1_000, OptionSpec.of("Free", 0, 5));
        User user = newUser();

        assertThat(placeOrder(user, withCharge(sock.option(0), "{\"amount\": 1000, \"payment_key\": \"pk_a\"}"))
                        .statusCode())
                .isEqualTo(202);
        assertThat(placeOrder(user, withCharge(sock.option(0), "{\"amount\": 2000000, \"payment_key\": \"pk_b\"}"))
                        .statusCode())
                .isEqualTo(202);
    }

    private static String withCharge(long optionId, String charge) {
        return "{\"items\": [{\"product_option_id\": \"" + optionId + "\", \"quantity\": 1}], \"charge\": " + charge
                + "}";
    }
}
