package com.creatorcommerce.coupon.adapter.in.web;

import com.creatorcommerce.coupon.application.BrowseCouponsService;
import com.creatorcommerce.coupon.application.port.UserCoupons;
import com.creatorcommerce.coupon.domain.UserCoupon;
import com.creatorcommerce.platform.kernel.Page;
import com.creatorcommerce.platform.web.CurrentUser;
import com.creatorcommerce.platform.web.PageResponse;
import com.creatorcommerce.platform.web.problem.FieldViolation;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import java.util.Locale;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The caller's coupons (never another user's: the user is the token's subject). */
@Tag(name = "my coupons", description = "The coupons the caller holds.")
@RestController
class MyCouponsController {

    private final BrowseCouponsService browse;

    MyCouponsController(BrowseCouponsService browse) {
        this.browse = browse;
    }

    /** {@code status}: {@code unused} (including ones held by an unfinished order), {@code used}, {@code expired}. */
    @Operation(
            operationId = "listMyCoupons",
            summary = "The caller's coupons (paged)",
            description = "`status`: `unused` (including ones held by an unfinished order), `used`, `expired`; "
                    + "none: all.")
    @GetMapping("/v1/users/me/coupons")
    PageResponse<UserCouponResponse> mine(
            CurrentUser user,
            @RequestParam(required = false) String status,
            @RequestParam(defaultValue = "1") @Min(1) @Max(1_000_000) int page,
            @RequestParam(name = "page_size", defaultValue = "20") @Min(1) @Max(100) int pageSize) {
        BrowseCouponsService.MyCoupons mine = browse.mine(user.id(), filter(status), page, pageSize);
        Page<UserCouponResponse> found = mine.page().map(owned -> {
            UserCoupon uc = owned.userCoupon();
            return UserCouponResponse.of(
                    uc.id(),
                    owned.coupon(),
                    uc.status(mine.asOf()),
                    uc.issuedAt(),
                    uc.expiresAt(),
                    uc.usedAt(),
                    uc.orderId());
        });
        return PageResponse.of(found);
    }

    private static UserCoupons.Filter filter(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return UserCoupons.Filter.valueOf(status.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw CouponProblems.invalidRequest(
                    List.of(new FieldViolation("status", "must be one of unused, used, expired")));
        }
    }
}
