package com.creatorcommerce.platform.web.problem;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;
import tools.jackson.databind.json.JsonMapper;

class JsonFieldNamesTest {

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Order(
            @JsonProperty("id") String orderId,
            long userCouponId,
            List<Line> orderLines,
            Map<String, Line> linesBySku,
            Address shippingAddress) {}

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Line(String skuCode, int stockQuantity) {}

    /** No naming annotations: the client writes the Java names. */
    record Address(String zipCode) {}

    private final JsonFieldNames names = new JsonFieldNames(JsonMapper.builder().build());

    @Test
    void usesTheNamingStrategyAndExplicitNamesOfTheTargetType() {
        assertThat(names.jsonPath(Order.class, "userCouponId")).isEqualTo("user_coupon_id");
        assertThat(names.jsonPath(Order.class, "orderId")).isEqualTo("id");
    }

    @Test
    void followsNestedCollectionsMapsAndObjects() {
        assertThat(names.jsonPath(Order.class, "orderLines[2].skuCode")).isEqualTo("order_lines[2].sku_code");
        assertThat(names.jsonPath(Order.class, "linesBySku[A-1].stockQuantity"))
                .isEqualTo("lines_by_sku[A-1].stock_quantity");
        assertThat(names.jsonPath(Order.class, "shippingAddress.zipCode")).isEqualTo("shipping_address.zipCode");
    }

    @Test
    void fallsBackToSnakeCaseForWhatJacksonDoesNotKnow() {
        assertThat(names.jsonPath(Order.class, "notAProperty.innerValue")).isEqualTo("not_a_property.inner_value");
        assertThat(new JsonFieldNames(null).jsonPath(Address.class, "zipCode")).isEqualTo("zip_code");
    }

    @Test
    void convertsCamelCaseToSnakeCase() {
        assertThat(JsonFieldNames.snakeCase("minOrderAmount")).isEqualTo("min_order_amount");
        assertThat(JsonFieldNames.snakeCase("validFrom")).isEqualTo("valid_from");
        assertThat(JsonFieldNames.snakeCase("sku")).isEqualTo("sku");
        assertThat(JsonFieldNames.snakeCase("address2Line")).isEqualTo("address2_line");
        assertThat(JsonFieldNames.snakeCase("already_snake")).isEqualTo("already_snake");
        assertThat(JsonFieldNames.snakeCase("pgTXId")).isEqualTo("pg_tx_id");
    }
}
