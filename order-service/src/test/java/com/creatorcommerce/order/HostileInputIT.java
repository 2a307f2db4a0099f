package com.creatorcommerce.order;

import com.creatorcommerce.order.support.ApiTestBase;
import com.creatorcommerce.platform.test.HostileJsonInputContract;
import java.util.List;

/** Hostile input answers a 4xx problem+json with a stable code, never a 500 (issue 15). */
class HostileInputIT extends ApiTestBase implements HostileJsonInputContract {

    @Override
    public int serverPort() {
        return port;
    }

    @Override
    public List<String> queryPaths() {
        return List.of("/v1/products?sort=", "/v1/orders?page=");
    }

    @Override
    public String jsonPostPath() {
        return "/v1/cart/items";
    }
}
