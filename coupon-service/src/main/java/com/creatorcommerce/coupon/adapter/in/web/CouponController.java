package com.creatorcommerce.coupon.adapter.in.web;

import com.creatorcommerce.coupon.application.BrowseCouponsService;
import com.creatorcommerce.coupon.application.IssueCouponService;
import com.creatorcommerce.coupon.application.IssuedCoupon;
import com.creatorcommerce.coupon.domain.UserCouponStatus;
import com.creatorcommerce.platform.kernel.Page;
import com.creatorcommerce.platform.openapi.ProblemResponse;
import com.creatorcommerce.platform.web.CurrentUser;
import com.creatorcommerce.platform.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Coupons for users: what is issuable now, getting one, and which ones I hold. */
@Tag(
        name = "coupons",
        description = "Coupons users can take: what is issuable now, taking one, which ones the " + "caller holds.")
@RestController
@RequestMapping("/v1/coupons")
class CouponController {

    private final BrowseCouponsService browse;
    private final IssueCouponService issuing;

    CouponController(BrowseCouponsService browse, IssueCouponService issuing) {
        this.browse = browse;
        this.issuing = issuing;
    }

    /** Active, inside their validity window and not sold out (public). */
    @Operation(
            operationId = "listIssuableCoupons",
            summary = "Coupons issuable now (public, paged)",
            description = "Active, inside their validity window and not sold out.")
    @GetMapping
    PageResponse<IssuableCouponResponse> issuable(
            @RequestParam(defaultValue = "1") @Min(1) @Max(1_000_000) int page,
            @RequestParam(name = "page_size", defaultValue = "20") @Min(1) @Max(100) int pageSize) {
        Page<IssuableCouponResponse> found = browse.issuableNow(page, pageSize).map(IssuableCouponResponse::of);
        return PageResponse.of(found);
    }

    /** First come, first served; at most one per user. */
    @Operation(
            operationId = "issueCoupon",
            summary = "Take a coupon (first come, first served; one per user)",
            description = "Answers the new user coupon with `Location: /v1/users/me/coupons/{id}`.")
    @ApiResponse(responseCode = "201", description = "Issued to the caller", useReturnTypeSchema = true)
    @ProblemResponse(status = 404, codes = "COUPON_NOT_FOUND")
    @ProblemResponse(
            status = 409,
            codes = {
                "COUPON_ALREADY_ISSUED",
                "COUPON_SOLD_OUT",
                "COUPON_INACTIVE",
                "COUPON_NOT_STARTED",
                "COUPON_EXPIRED"
            })
    @ProblemResponse(status = 503, codes = "COUPON_BUSY", description = "Nothing changed; retry.")
    @PostMapping("/{id}/issue")
    ResponseEntity<UserCouponResponse> issue(@PathVariable @Positive long id, CurrentUser user) {
        IssuedCoupon issued = issuing.issue(user.id(), id);
        return ResponseEntity.created(URI.create("/v1/users/me/coupons/" + issued.userCouponId()))
                .body(UserCouponResponse.of(
                        issued.userCouponId(),
                        issued.coupon(),
                        UserCouponStatus.UNUSED,
                        issued.issuedAt(),
                        issued.expiresAt(),
                        null,
                        null));
    }

    /** Whether the caller holds each coupon: {@code {issued_coupons: {id: true|false}}}, one SQL query. */
    @Operation(
            operationId = "checkIssuedCoupons",
            summary = "Which of these coupons the caller holds",
            description = "`{issued_coupons: {\"<coupon id>\": true|false}}`, one query.")
    @PostMapping("/check-batch")
    CheckBatchResponse checkBatch(@Valid @RequestBody CheckBatchRequest request, CurrentUser user) {
        Map<String, Boolean> issued = new LinkedHashMap<>();
        browse.issuedAmong(user.id(), request.couponIds()).forEach((id, has) -> issued.put(Long.toString(id), has));
        return new CheckBatchResponse(issued);
    }

    record CheckBatchRequest(
            @NotNull @Size(min = 1, max = BrowseCouponsService.MAX_BATCH)
            List<@NotNull @Positive Long> couponIds) {}

    record CheckBatchResponse(Map<String, Boolean> issuedCoupons) {}
}
