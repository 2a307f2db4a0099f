package com.creatorcommerce.coupon;

import com.creatorcommerce.coupon.support.CouponIntegrationTest;
import com.creatorcommerce.platform.test.HostileJsonInputContract;
import java.util.List;

/** Hostile input answers a 4xx problem+json with a stable code, never a 500 (issue 15). */
class HostileInputIT extends CouponIntegrationTest implements HostileJsonInputContract {

    @Override
    public int serverPort() {
        return port;
    }

    @Override
    public List<String> queryPaths() {
        return List.of("/v1/users/me/coupons?status=", "/v1/coupons?page=");
    }

    @Override
    public String jsonPostPath() {
        return "/v1/coupons/check-batch";
    }
}
