package com.creatorcommerce.point.it;

import com.creatorcommerce.platform.test.HostileJsonInputContract;
import java.util.List;

/** Hostile input answers a 4xx problem+json with a stable code, never a 500 (issue 15). */
class HostileInputIT extends PointIntegrationTest implements HostileJsonInputContract {

    @Override
    public int serverPort() {
        return port;
    }

    @Override
    public List<String> queryPaths() {
        return List.of("/v1/points/transactions?type=", "/v1/points/transactions?page=");
    }

    @Override
    public String jsonPostPath() {
        return "/v1/points/charges";
    }
}
