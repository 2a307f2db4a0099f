package com.creatorcommerce.credit.adapter.in.web;

import com.creatorcommerce.credit.application.RefundService;
import com.creatorcommerce.credit.application.TopupQueries;
import com.creatorcommerce.credit.domain.CreditLot;
import com.creatorcommerce.credit.domain.RefundLog;
import com.creatorcommerce.platform.openapi.ProblemResponse;
import com.creatorcommerce.platform.snowflake.IdString;
import com.creatorcommerce.platform.web.CurrentUser;
import com.creatorcommerce.platform.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The caller's top-ups (lots of credits, spent oldest first) and refunds of their unspent part (seed 001). */
@RestController
@Validated
@Tag(name = "credit top-ups", description = "Lots of credits per purchase or bonus, and refunds of what is unspent")
class TopupController {

    private final TopupQueries queries;
    private final RefundService refunds;

    TopupController(TopupQueries queries, RefundService refunds) {
        this.queries = queries;
        this.refunds = refunds;
    }

    record TopupResponse(
            @IdString long id,
            String source,
            long credits,
            long remaining,
            BigDecimal price,
            String currency,
            String status,
            Instant purchasedAt,
            Instant refundableUntil) {

        static TopupResponse of(CreditLot l) {
            return new TopupResponse(
                    l.id(),
                    l.source(),
                    l.credits(),
                    l.remaining(),
                    l.price() == null ? null : l.price().amount(),
                    l.price() == null ? null : l.price().currencyCode(),
                    l.status().name(),
                    l.purchasedAt(),
                    l.refundableUntil());
        }
    }

    record RefundResponse(
            @IdString long id,
            @IdString long topupId,
            long credits,
            BigDecimal amount,
            String currency,
            String status,
            @IdString long transactionId,
            String failureCode,
            String failureReason,
            Instant createdAt,
            Instant completedAt) {

        static RefundResponse of(RefundLog r) {
            return new RefundResponse(
                    r.id(),
                    r.lotId(),
                    r.credits(),
                    r.amount(),
                    r.currency(),
                    r.status().name(),
                    r.historyId(),
                    r.failureCode(),
                    r.failureReason(),
                    r.createdAt(),
                    r.completedAt());
        }
    }

    @GetMapping("/v1/credits/topups")
    @Operation(operationId = "listTopups", summary = "The caller's top-ups (lots), newest first")
    @ApiResponse(responseCode = "200", description = "One page", useReturnTypeSchema = true)
    PageResponse<TopupResponse> topups(
            CurrentUser user,
            @RequestParam(defaultValue = "1") @Min(1) @Max(1_000_000) int page,
            @RequestParam(name = "page_size", defaultValue = "20") @Min(1) @Max(100) int pageSize) {
        return PageResponse.of(queries.topups(user.id(), page, pageSize).map(TopupResponse::of));
    }

    @PostMapping("/v1/credits/topups/{id}/refund")
    @Operation(operationId = "refundTopup", summary = "Refund the unspent credits of one of the caller's top-ups")
    @ApiResponse(
            responseCode = "202",
            description = "Credits taken back; the partial PG cancel is on its way",
            useReturnTypeSchema = true)
    @ProblemResponse(status = 404, codes = "TOPUP_NOT_FOUND", description = "Also another user's top-up.")
    @ProblemResponse(
            status = 409,
            codes = {"NOTHING_TO_REFUND", "ALREADY_REFUNDED", "REFUND_PERIOD_EXPIRED", "TOPUP_NOT_REFUNDABLE"})
    @ProblemResponse(
            status = 503,
            codes = "CREDIT_WALLET_BUSY",
            description = "Nothing changed; retry after " + "Retry-After.")
    ResponseEntity<RefundResponse> refund(CurrentUser user, @PathVariable long id) {
        RefundLog r = refunds.refund(user.id(), id);
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .location(URI.create("/v1/credits/refunds/" + r.id()))
                .body(RefundResponse.of(r));
    }

    @GetMapping("/v1/credits/refunds/{id}")
    @Operation(operationId = "getRefund", summary = "One of the caller's refunds")
    @ApiResponse(responseCode = "200", description = "The refund", useReturnTypeSchema = true)
    @ProblemResponse(status = 404, codes = "REFUND_NOT_FOUND")
    RefundResponse get(CurrentUser user, @PathVariable long id) {
        return RefundResponse.of(queries.refund(user.id(), id));
    }
}
