package com.creatorcommerce.platform.security.testapp;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** A tiny service secured by the platform's auto-configuration, the way every domain service is. */
@SpringBootApplication
public class SecurityTestApplication {

    public static void main(String[] args) {
        SpringApplication.run(SecurityTestApplication.class, args);
    }

    @RestController
    static class Endpoints {

        @GetMapping("/v1/admin")
        Map<String, Object> adminRoot() {
            return Map.of("admin", true);
        }

        @GetMapping("/v1/admin/reports")
        Map<String, Object> adminReports() {
            return Map.of("admin", true);
        }

        @PostMapping("/v1/admin/reports")
        Map<String, Object> createAdminReport() {
            return Map.of("admin", true, "created", true);
        }

        @GetMapping("/v1/catalog")
        Map<String, Object> catalog() {
            return Map.of("public", true);
        }
    }
}
