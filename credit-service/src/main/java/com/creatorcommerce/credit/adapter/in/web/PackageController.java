package com.creatorcommerce.credit.adapter.in.web;

import com.creatorcommerce.credit.application.ManagePackagesService;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The credit packages anybody can buy now (public; seed 002). */
@RestController
class PackageController {

    private final ManagePackagesService packages;

    PackageController(ManagePackagesService packages) {
        this.packages = packages;
    }

    record PackageList(List<PackageResponse> packages) {
    }

    @GetMapping("/v1/credits/packages")
    PackageList packages() {
        return new PackageList(packages.buyable().stream().map(PackageResponse::of).toList());
    }
}
