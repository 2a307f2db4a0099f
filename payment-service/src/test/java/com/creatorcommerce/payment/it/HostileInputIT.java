package com.creatorcommerce.payment.it;

import com.creatorcommerce.platform.test.HostileInputContract;
import java.util.List;

/** Hostile input answers a 4xx problem+json with a stable code, never a 500 (issue 15). */
class HostileInputIT extends PaymentIntegrationTest implements HostileInputContract {

    @Override
    public int serverPort() {
        return port;
    }

    @Override
    public List<String> queryPaths() {
        return List.of("/v1/payments?page=", "/v1/payments?page_size=");
    }
}
