package com.creatorcommerce.credit;

import com.creatorcommerce.credit.support.CreditIntegrationTest;
import com.creatorcommerce.platform.test.HostileJsonInputContract;
import java.util.List;

/** Hostile input answers a 4xx problem+json with a stable code, never a 500 (issue 15). */
class HostileInputIT extends CreditIntegrationTest implements HostileJsonInputContract {

    @Override
    public int serverPort() {
        return port;
    }

    @Override
    public List<String> queryPaths() {
        return List.of("/v1/credits/history?page=", "/v1/credits/packages?x=");
    }

    @Override
    public String jsonPostPath() {
        return "/v1/credits/use";
    }
}
