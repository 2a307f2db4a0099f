package com.creatorcommerce.credit.adapter.in.web;

import com.creatorcommerce.credit.application.ManagePackagesService;
import com.creatorcommerce.credit.domain.CreditPackage;
import com.creatorcommerce.credit.domain.PackageTerms;
import com.creatorcommerce.platform.openapi.ProblemResponse;
import com.creatorcommerce.platform.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;
import java.net.URI;
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
@Tag(name = "credit package admin", description = "Credit package definitions (role ADMIN)")
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

    @PostMapping
    @Operation(operationId = "createCreditPackage", summary = "Define a credit package")
    @ApiResponse(responseCode = "201", description = "Created", useReturnTypeSchema = true)
    @ProblemResponse(status = 409, codes = "CREDIT_PACKAGE_ALREADY_EXISTS")
    ResponseEntity<PackageResponse.Admin> create(@RequestBody PackageRequest request) {
        CreditPackage created = packages.create(request.id(), request.terms());
        return ResponseEntity.created(URI.create("/v1/admin/credits/packages/" + created.id()))
                .body(PackageResponse.Admin.of(created));
    }

    @GetMapping
    @Operation(operationId = "listCreditPackagesAdmin", summary = "Every credit package (paged)")
    PageResponse<PackageResponse.Admin> list(
            @RequestParam(defaultValue = "1") @Min(1) @Max(1_000_000) int page,
            @RequestParam(name = "page_size", defaultValue = "20") @Min(1) @Max(100) int pageSize) {
        return PageResponse.of(packages.all(page, pageSize).map(PackageResponse.Admin::of));
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getCreditPackage", summary = "One credit package")
    @ProblemResponse(status = 404, codes = "CREDIT_PACKAGE_NOT_FOUND")
    PackageResponse.Admin get(@PathVariable @Pattern(regexp = ID) String id) {
        return PackageResponse.Admin.of(packages.get(id));
    }

    /** Replaces the terms; purchases already made keep theirs. */
    @PutMapping("/{id}")
    @Operation(
            operationId = "updateCreditPackage",
            summary = "Replace a credit package's terms",
            description = "Purchases already made keep theirs; `is_active` may re-activate or deactivate.")
    @ProblemResponse(status = 404, codes = "CREDIT_PACKAGE_NOT_FOUND")
    PackageResponse.Admin update(@PathVariable @Pattern(regexp = ID) String id, @RequestBody PackageRequest request) {
        return PackageResponse.Admin.of(packages.revise(id, request.terms(), request.isActive()));
    }

    /** Deactivates (soft delete): it cannot be bought any more; its purchases and history stay. */
    @DeleteMapping("/{id}")
    @Operation(operationId = "deactivateCreditPackage", summary = "Deactivate a credit package (no more purchases)")
    @ProblemResponse(status = 404, codes = "CREDIT_PACKAGE_NOT_FOUND")
    PackageResponse.Admin deactivate(@PathVariable @Pattern(regexp = ID) String id) {
        return PackageResponse.Admin.of(packages.deactivate(id));
    }
}
