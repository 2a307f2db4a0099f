package com.creatorcommerce.credit.adapter.in.web;

import com.creatorcommerce.credit.application.ManagePackagesService;
import com.creatorcommerce.credit.application.port.Paged;
import com.creatorcommerce.credit.domain.CreditPackage;
import com.creatorcommerce.credit.domain.PackageTerms;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Credit packages for admins (role ADMIN on {@code /v1/admin/**} is enforced by the platform security). */
@RestController
@Validated
@RequestMapping("/v1/admin/credits/packages")
class PackageAdminController {

    private static final String ID = "[a-z0-9][a-z0-9_]{0,49}";

    private final ManagePackagesService packages;

    PackageAdminController(ManagePackagesService packages) {
        this.packages = packages;
    }

    /** {@code is_active} only on updates ({@code null} keeps it). Rules are checked by the domain, all at once. */
    record PackageRequest(String id, String name, Long credits, BigDecimal price, String currency, Boolean isActive) {

        PackageTerms terms() {
            return new PackageTerms(name, credits, price, currency);
        }
    }

    record PackagePage(List<PackageResponse.Admin> items, long total, int page, int pageSize, boolean hasMore) {

        static PackagePage of(Paged<CreditPackage> p) {
            return new PackagePage(p.items().stream().map(PackageResponse.Admin::of).toList(), p.total(), p.page(),
                    p.pageSize(), p.hasMore());
        }
    }

    @PostMapping
    ResponseEntity<PackageResponse.Admin> create(@RequestBody PackageRequest request) {
        CreditPackage created = packages.create(request.id(), request.terms());
        return ResponseEntity.created(URI.create("/v1/admin/credits/packages/" + created.id()))
                .body(PackageResponse.Admin.of(created));
    }

    @GetMapping
    PackagePage list(@RequestParam(defaultValue = "1") @Min(1) @Max(1_000_000) int page,
            @RequestParam(name = "page_size", defaultValue = "20") @Min(1) @Max(100) int pageSize) {
        return PackagePage.of(packages.all(page, pageSize));
    }

    @GetMapping("/{id}")
    PackageResponse.Admin get(@PathVariable @Pattern(regexp = ID) String id) {
        return PackageResponse.Admin.of(packages.get(id));
    }

    /** Replaces the terms; purchases already made keep theirs. */
    @PutMapping("/{id}")
    PackageResponse.Admin update(@PathVariable @Pattern(regexp = ID) String id,
            @RequestBody PackageRequest request) {
        return PackageResponse.Admin.of(packages.revise(id, request.terms(), request.isActive()));
    }

    /** Deactivates (soft delete): it cannot be bought any more; its purchases and history stay. */
    @DeleteMapping("/{id}")
    PackageResponse.Admin deactivate(@PathVariable @Pattern(regexp = ID) String id) {
        return PackageResponse.Admin.of(packages.deactivate(id));
    }
}
