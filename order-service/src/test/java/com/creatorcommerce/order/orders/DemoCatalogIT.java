package com.creatorcommerce.order.orders;

import static org.assertj.core.api.Assertions.assertThat;

import com.creatorcommerce.order.support.OrderTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

/** The dev profile's demo catalog loads, keeps the stock ledger, and can be ordered from (README quickstart). */
@ActiveProfiles("dev")
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"order.catalog.view-purge-cron=-", "order.messaging.group-id=order-demo-it-${random.uuid}"})
class DemoCatalogIT extends OrderTestBase {

    @Test
    void theDemoCatalogIsThereWithItsStockAndTheQuickstartOrderIsAccepted() {
        JsonNode tee = json(get("/v1/products/1", null));
        assertThat(tee.path("product_name").asString()).isEqualTo("베이직 티셔츠");
        assertThat(tee.path("options")).extracting(o -> o.path("id").asString()).containsExactly("11", "12", "13");
        assertThat(json(get("/v1/products", null)).path("total").asLong()).isEqualTo(3);
        assertThat(count(
                        "SELECT COUNT(*) FROM product_options o WHERE o.stock_quantity <> (SELECT COALESCE(SUM(delta), 0) "
                                + "FROM stock_adjustments a WHERE a.product_option_id = o.product_option_id)"))
                .isZero();

        JsonNode order = json(placeOrder(newUser(), """
                {"items": [{"product_option_id": "11", "quantity": 1}], "user_coupon_id": "101",
                 "charge": {"amount": 5000, "payment_key": "pk_approve_demo2"}}"""));

        assertThat(order.path("status").asString()).isEqualTo("PENDING");
        assertThat(order.path("total_amount").asLong()).isEqualTo(15_000);
        assertThat(stockOf(11)).isEqualTo(99);
    }
}
