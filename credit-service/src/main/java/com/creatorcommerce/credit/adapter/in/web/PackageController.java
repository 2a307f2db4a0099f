package com.creatorcommerce.credit.adapter.in.web;

import com.creatorcommerce.credit.application.ManagePackagesService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The credit packages anybody can buy now (public; seed 002). */
@RestController
@Tag(name = "credit packages", description = "The credit packages anybody can buy now")
class PackageController {

    private final ManagePackagesService packages;

    PackageController(ManagePackagesService packages) {
        this.packages = packages;
    }

    record PackageList(List<PackageResponse> packages) {}

    @GetMapping("/v1/credits/packages")
    @Operation(operationId = "listCreditPackages", summary = "The credit packages that can be bought now (public)")
    PackageList packages() {
        return new PackageList(
                packages.buyable().stream().map(PackageResponse::of).toList());
    }
}
