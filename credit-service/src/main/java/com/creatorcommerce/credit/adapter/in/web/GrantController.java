package com.creatorcommerce.credit.adapter.in.web;

import com.creatorcommerce.credit.application.GrantCreditsService;
import com.creatorcommerce.credit.application.GrantView;
import com.creatorcommerce.platform.openapi.ProblemResponse;
import com.creatorcommerce.platform.snowflake.IdString;
import com.creatorcommerce.platform.web.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Bonus credits granted by an admin (role ADMIN on {@code /v1/admin/**}), audited with the admin's id. */
@RestController
@Tag(name = "credit admin", description = "Bonus credits granted by an admin (role ADMIN)")
class GrantController {

    private final GrantCreditsService grants;

    GrantController(GrantCreditsService grants) {
        this.grants = grants;
    }

    /** {@code user_id} as a string or a number; whole credits only. */
    record GrantRequest(
            @NotNull @Digits(integer = 19, fraction = 0) @DecimalMin("1")
            BigDecimal userId,

            @NotNull @Digits(integer = 15, fraction = 0) @DecimalMin("1")
            BigDecimal amount,

            @NotBlank @Size(max = 300) String reason) {}

    record GrantResponse(
            @IdString long id,
            @IdString long userId,
            long amount,
            String reason,
            @IdString long grantedBy,
            @IdString long transactionId,
            long newBalance,
            Instant createdAt) {

        static GrantResponse of(GrantView g) {
            return new GrantResponse(
                    g.id(),
                    g.userId(),
                    g.amount(),
                    g.reason(),
                    g.grantedBy(),
                    g.transactionId(),
                    g.balanceAfter(),
                    g.createdAt());
        }
    }

    @PostMapping("/v1/admin/credits/grants")
    @Operation(operationId = "grantCredits", summary = "Grant bonus credits to a user (audited with the admin's id)")
    @ApiResponse(responseCode = "201", description = "Granted", useReturnTypeSchema = true)
    @ProblemResponse(
            status = 503,
            codes = "CREDIT_WALLET_BUSY",
            description = "Nothing changed; retry after " + "Retry-After.")
    ResponseEntity<GrantResponse> grant(CurrentUser admin, @Valid @RequestBody GrantRequest request) {
        long userId = request.userId().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0
                ? -1
                : request.userId().longValueExact();
        long amount = request.amount().compareTo(BigDecimal.valueOf(grants.maxGrant())) > 0
                ? Long.MAX_VALUE
                : request.amount().longValueExact();
        GrantView g = grants.grant(admin.id(), userId, amount, request.reason());
        return ResponseEntity.status(HttpStatus.CREATED).body(GrantResponse.of(g));
    }
}
