package com.creatorcommerce.order;

import static org.assertj.core.api.Assertions.assertThat;

import com.creatorcommerce.order.support.ApiTestBase;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ApiDocsIT extends ApiTestBase {

    @Test
    void publishesTheCatalogLikesAndCartEndpointsInTheOpenApiDocument() {
        HttpResponse<String> response = get("/v3/api-docs", null);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode paths = json(response).path("paths");
        assertThat(paths.has("/v1/products")).isTrue();
        assertThat(paths.has("/v1/products/popular")).isTrue();
        assertThat(paths.has("/v1/products/{productId}/like")).isTrue();
        assertThat(paths.has("/v1/likes/check-batch")).isTrue();
        assertThat(paths.has("/v1/cart/items/{cartItemId}")).isTrue();
        assertThat(paths.has("/v1/admin/products/{productId}/options/{optionId}/stock-adjustments"))
                .isTrue();
    }
}
