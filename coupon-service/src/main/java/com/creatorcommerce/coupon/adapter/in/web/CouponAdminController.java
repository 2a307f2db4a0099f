package com.creatorcommerce.coupon.adapter.in.web;

import com.creatorcommerce.coupon.application.CouponDetails;
import com.creatorcommerce.coupon.application.ManageCouponsService;
import com.creatorcommerce.platform.kernel.Page;
import com.creatorcommerce.platform.openapi.ProblemResponse;
import com.creatorcommerce.platform.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Positive;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Coupon definitions for admins. Role ADMIN is enforced for {@code /v1/admin/**} by the platform security. */
@Tag(name = "coupon admin", description = "Coupon definitions (role ADMIN).")
@RestController
@RequestMapping("/v1/admin/coupons")
class CouponAdminController {

    private final ManageCouponsService coupons;

    CouponAdminController(ManageCouponsService coupons) {
        this.coupons = coupons;
    }

    @Operation(operationId = "createCoupon", summary = "Define a coupon")
    @ApiResponse(responseCode = "201", description = "Created", useReturnTypeSchema = true)
    @PostMapping
    ResponseEntity<CouponResponse> create(@Valid @RequestBody CouponRequest request) {
        CouponDetails created = coupons.create(request.terms());
        return ResponseEntity.created(
                        URI.create("/v1/admin/coupons/" + created.coupon().id()))
                .body(CouponResponse.of(created));
    }

    @Operation(operationId = "listCoupons", summary = "Every coupon definition (paged)")
    @GetMapping
    PageResponse<CouponResponse> list(
            @RequestParam(defaultValue = "1") @Min(1) @Max(1_000_000) int page,
            @RequestParam(name = "page_size", defaultValue = "20") @Min(1) @Max(100) int pageSize) {
        Page<CouponResponse> found = coupons.all(page, pageSize).map(CouponResponse::of);
        return PageResponse.of(found);
    }

    @Operation(operationId = "getCoupon", summary = "One coupon definition")
    @ProblemResponse(status = 404, codes = "COUPON_NOT_FOUND")
    @GetMapping("/{id}")
    CouponResponse get(@PathVariable @Positive long id) {
        return CouponResponse.of(coupons.get(id));
    }

    /** Replaces the terms; {@code is_active} may re-activate or deactivate. */
    @Operation(operationId = "updateCoupon", summary = "Replace a coupon's terms")
    @ProblemResponse(status = 404, codes = "COUPON_NOT_FOUND")
    @ProblemResponse(status = 409, codes = "COUPON_QUANTITY_BELOW_ISSUED")
    @PutMapping("/{id}")
    CouponResponse update(@PathVariable @Positive long id, @Valid @RequestBody CouponRequest request) {
        return CouponResponse.of(coupons.revise(id, request.terms(), request.isActive()));
    }

    /** Deactivates (soft delete): no more issues; issued coupons stay usable until they expire. */
    @Operation(operationId = "deactivateCoupon", summary = "Deactivate a coupon (no more issues)")
    @ProblemResponse(status = 404, codes = "COUPON_NOT_FOUND")
    @DeleteMapping("/{id}")
    CouponResponse deactivate(@PathVariable @Positive long id) {
        return CouponResponse.of(coupons.deactivate(id));
    }
}
