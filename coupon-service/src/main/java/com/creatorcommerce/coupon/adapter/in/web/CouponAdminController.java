package com.creatorcommerce.coupon.adapter.in.web;

import com.creatorcommerce.coupon.application.CouponDetails;
import com.creatorcommerce.coupon.application.ManageCouponsService;
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
@RestController
@RequestMapping("/v1/admin/coupons")
class CouponAdminController {

    private final ManageCouponsService coupons;

    CouponAdminController(ManageCouponsService coupons) {
        this.coupons = coupons;
    }

    @PostMapping
    ResponseEntity<CouponResponse> create(@Valid @RequestBody CouponRequest request) {
        CouponDetails created = coupons.create(request.terms());
        return ResponseEntity.created(URI.create("/v1/admin/coupons/" + created.coupon().id()))
                .body(CouponResponse.of(created));
    }

    @GetMapping
    PageResponse<CouponResponse> list(@RequestParam(defaultValue = "1") @Min(1) @Max(1_000_000) int page,
            @RequestParam(name = "page_size", defaultValue = "20") @Min(1) @Max(100) int pageSize) {
        return PageResponse.of(coupons.all(page, pageSize), CouponResponse::of);
    }

    @GetMapping("/{id}")
    CouponResponse get(@PathVariable @Positive long id) {
        return CouponResponse.of(coupons.get(id));
    }

    /** Replaces the terms; {@code is_active} may re-activate or deactivate. */
    @PutMapping("/{id}")
    CouponResponse update(@PathVariable @Positive long id, @Valid @RequestBody CouponRequest request) {
        return CouponResponse.of(coupons.revise(id, request.terms(), request.isActive()));
    }

    /** Deactivates (soft delete): no more issues; issued coupons stay usable until they expire. */
    @DeleteMapping("/{id}")
    CouponResponse deactivate(@PathVariable @Positive long id) {
        return CouponResponse.of(coupons.deactivate(id));
    }
}
