package com.creatorcommerce.point.adapter.in.web;

import com.creatorcommerce.platform.openapi.ProblemResponse;
import com.creatorcommerce.platform.snowflake.IdString;
import com.creatorcommerce.platform.web.CurrentUser;
import com.creatorcommerce.point.application.PointQueries;
import com.creatorcommerce.point.application.port.Paged;
import com.creatorcommerce.point.domain.PointTransaction;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import java.util.List;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The caller's wallet: balance and ledger history. */
@Tag(name = "points", description = "The caller's points wallet: balance and ledger history.")
@RestController
@Validated
@RequestMapping("/v1/points")
class PointController {

    private final PointQueries queries;

    PointController(PointQueries queries) {
        this.queries = queries;
    }

    record BalanceResponse(long balance, Instant updatedAt) {}

    record TransactionResponse(
            @IdString long id,
            String transactionType,
            long amount,
            long balanceBefore,
            long balanceAfter,
            String referenceType,
            @IdString long referenceId,
            Instant createdAt) {

        static TransactionResponse of(PointTransaction t) {
            return new TransactionResponse(
                    t.id(),
                    t.type().name(),
                    t.amount(),
                    t.balanceBefore(),
                    t.balanceAfter(),
                    t.referenceType().name(),
                    t.referenceId(),
                    t.createdAt());
        }
    }

    /** {@code {transactions, total, page, page_size, has_more}} as in CONVENTIONS.md and seed 002. */
    record TransactionPage(
            List<TransactionResponse> transactions, long total, int page, int pageSize, boolean hasMore) {}

    @Operation(operationId = "getPointBalance", summary = "The caller's point balance")
    @GetMapping("/balance")
    BalanceResponse balance(CurrentUser user) {
        PointQueries.Balance b = queries.balance(user.id());
        return new BalanceResponse(b.balance(), b.updatedAt());
    }

    @Operation(
            operationId = "listPointTransactions",
            summary = "The caller's point history, newest first (paged)",
            description = "`type` (optional): `CHARGE`, `USE` or `REFUND`.")
    @ProblemResponse(status = 400, codes = "INVALID_TRANSACTION_TYPE")
    @GetMapping("/transactions")
    TransactionPage transactions(
            CurrentUser user,
            @RequestParam(defaultValue = "1") @Min(1) @Max(100_000) int page,
            @RequestParam(name = "page_size", defaultValue = "20") @Min(1) @Max(100) int pageSize,
            @RequestParam(required = false) String type) {
        Paged<PointTransaction> found = queries.transactions(user.id(), page, pageSize, type);
        return new TransactionPage(
                found.items().stream().map(TransactionResponse::of).toList(),
                found.total(),
                page,
                pageSize,
                found.hasMore());
    }
}
