package com.creatorcommerce.credit.adapter.in.web;

import com.creatorcommerce.credit.application.SettlementService;
import com.creatorcommerce.credit.domain.Settlement;
import com.creatorcommerce.platform.openapi.ProblemResponse;
import com.creatorcommerce.platform.snowflake.IdString;
import com.creatorcommerce.platform.web.CurrentUser;
import com.creatorcommerce.platform.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Creators' monthly settlements of the donations they received (seed 001): computed and paid by admins. */
@RestController
@Validated
@Tag(name = "settlements", description = "What creators are owed for the donations of a UTC month")
class SettlementController {

    private final SettlementService settlements;

    SettlementController(SettlementService settlements) {
        this.settlements = settlements;
    }

    record SettleRequest(String period) {}

    record SettlementResponse(
            @IdString long id,
            @IdString long creatorId,
            String period,
            long donations,
            long grossCredits,
            BigDecimal feeRate,
            long feeCredits,
            long netCredits,
            BigDecimal ratePerCredit,
            BigDecimal netAmount,
            String currency,
            String status,
            @IdString Long paidBy,
            Instant createdAt,
            Instant paidAt) {

        static SettlementResponse of(Settlement s) {
            return new SettlementResponse(
                    s.id(),
                    s.creatorId(),
                    s.period().toString(),
                    s.donations(),
                    s.grossCredits(),
                    s.feeRate(),
                    s.feeCredits(),
                    s.netCredits(),
                    s.ratePerCredit(),
                    s.netAmount(),
                    s.currency(),
                    s.status().name(),
                    s.paidBy(),
                    s.createdAt(),
                    s.paidAt());
        }
    }

    record RunResponse(String period, int created, List<SettlementResponse> settlements) {}

    @PostMapping("/v1/admin/settlements")
    @Operation(operationId = "settlePeriod", summary = "Settle a UTC month for every creator (idempotent per creator)")
    @ApiResponse(
            responseCode = "200",
            description = "The period's settlements; created = new ones of this run",
            useReturnTypeSchema = true)
    RunResponse settle(@Valid @RequestBody SettleRequest request) {
        SettlementService.Run run = settlements.settle(request.period());
        return new RunResponse(
                run.period().toString(),
                run.created(),
                run.settlements().stream().map(SettlementResponse::of).toList());
    }

    @PostMapping("/v1/admin/settlements/{id}/paid")
    @Operation(operationId = "markSettlementPaid", summary = "Mark a settlement PAID (OWED → PAID)")
    @ApiResponse(responseCode = "200", description = "Now PAID", useReturnTypeSchema = true)
    @ProblemResponse(status = 404, codes = "SETTLEMENT_NOT_FOUND")
    @ProblemResponse(status = 409, codes = "SETTLEMENT_ALREADY_PAID")
    SettlementResponse paid(CurrentUser admin, @PathVariable long id) {
        return SettlementResponse.of(settlements.markPaid(admin.id(), id));
    }

    @GetMapping("/v1/settlements/me")
    @Operation(operationId = "listMySettlements", summary = "The caller's settlements as a creator, newest first")
    @ApiResponse(responseCode = "200", description = "One page", useReturnTypeSchema = true)
    PageResponse<SettlementResponse> mine(
            CurrentUser user,
            @RequestParam(defaultValue = "1") @Min(1) @Max(1_000_000) int page,
            @RequestParam(name = "page_size", defaultValue = "20") @Min(1) @Max(100) int pageSize) {
        return PageResponse.of(settlements.mine(user.id(), page, pageSize).map(SettlementResponse::of));
    }
}
