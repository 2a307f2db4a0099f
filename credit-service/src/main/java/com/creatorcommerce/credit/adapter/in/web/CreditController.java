package com.creatorcommerce.credit.adapter.in.web;

import com.creatorcommerce.credit.application.CreditQueries;
import com.creatorcommerce.credit.application.UsageResult;
import com.creatorcommerce.credit.application.UseCreditsService;
import com.creatorcommerce.credit.application.port.WalletBalance;
import com.creatorcommerce.credit.domain.CreditHistoryEntry;
import com.creatorcommerce.credit.domain.TransactionType;
import com.creatorcommerce.platform.kernel.Page;
import com.creatorcommerce.platform.openapi.ProblemResponse;
import com.creatorcommerce.platform.snowflake.IdString;
import com.creatorcommerce.platform.web.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The caller's credits (seed 002): balance, history, and spending them on a paid feature. */
@RestController
@Validated
@RequestMapping("/v1/credits")
@Tag(
        name = "credits",
        description = "The caller's credit balance, its history, and spending credits on a paid " + "feature")
class CreditController {

    private final CreditQueries queries;
    private final UseCreditsService usage;

    CreditController(CreditQueries queries, UseCreditsService usage) {
        this.queries = queries;
        this.usage = usage;
    }

    record BalanceResponse(long balance, long totalEarned, long totalSpent) {}

    record TransactionResponse(
            @IdString long id,
            String transactionType,
            long credits,
            long balanceAfter,
            String description,
            Instant createdAt) {

        static TransactionResponse of(CreditHistoryEntry e) {
            return new TransactionResponse(
                    e.id(), e.type().wireName(), e.amount(), e.balanceAfter(), e.description(), e.createdAt());
        }
    }

    record HistoryPage(List<TransactionResponse> transactions, long total, int page, int pageSize, boolean hasMore) {

        static HistoryPage of(Page<CreditHistoryEntry> p) {
            return new HistoryPage(
                    p.items().stream().map(TransactionResponse::of).toList(),
                    p.total(),
                    p.page(),
                    p.pageSize(),
                    p.hasMore());
        }
    }

    /** Whole credits only: a fraction is a validation error, never truncated. */
    record UseRequest(
            @NotNull @Digits(integer = 15, fraction = 0) @DecimalMin("1")
            BigDecimal amount,

            @NotBlank @Size(max = 50) String feature,
            @Size(max = 200) String description) {}

    record UseResponse(
            @IdString long transactionId, long creditsUsed, long newBalance, String feature, Instant createdAt) {

        static UseResponse of(UsageResult r) {
            return new UseResponse(r.transactionId(), r.creditsUsed(), r.balanceAfter(), r.feature(), r.createdAt());
        }
    }

    @GetMapping("/balance")
    @Operation(operationId = "getCreditBalance", summary = "The caller's credit balance and lifetime totals")
    BalanceResponse balance(CurrentUser user) {
        WalletBalance b = queries.balance(user.id());
        return new BalanceResponse(b.balance(), b.totalEarned(), b.totalSpent());
    }

    /** Newest first; {@code transaction_type} one of purchase, usage, refund, bonus, donation. */
    @GetMapping("/history")
    @Operation(
            operationId = "listCreditHistory",
            summary = "The caller's credit history, newest first",
            description = "`transaction_type` one of purchase, usage, refund, bonus, donation.")
    HistoryPage history(
            CurrentUser user,
            @RequestParam(defaultValue = "1") @Min(1) @Max(1_000_000) int page,
            @RequestParam(name = "page_size", defaultValue = "20") @Min(1) @Max(100) int pageSize,
            @RequestParam(name = "transaction_type", required = false)
                    @Pattern(regexp = "purchase|usage|refund|bonus|donation")
                    String transactionType) {
        TransactionType type = transactionType == null
                ? null
                : TransactionType.fromWireName(transactionType).orElseThrow();
        return HistoryPage.of(queries.history(user.id(), type, page, pageSize));
    }

    /**
     * Spends credits on a paid feature. The {@code Idempotency-Key} header is required: a retry with the same key
     * answers the first outcome and never spends twice. 402 {@code INSUFFICIENT_CREDITS} when the balance is short.
     */
    @PostMapping("/use")
    @Operation(
            operationId = "useCredits",
            summary = "Spend credits on a paid feature (Idempotency-Key required)",
            description = "A retry with the same Idempotency-Key answers the first outcome and never spends twice.")
    @ProblemResponse(status = 402, codes = "INSUFFICIENT_CREDITS", description = "Nothing was spent.")
    @ProblemResponse(
            status = 422,
            codes = "IDEMPOTENCY_KEY_REUSED",
            description = "The key already spent credits with other terms.")
    @ProblemResponse(
            status = 503,
            codes = "CREDIT_WALLET_BUSY",
            description = "Nothing changed; retry after " + "Retry-After.")
    UseResponse use(
            CurrentUser user,
            @Valid @RequestBody UseRequest request,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        long amount = request.amount().compareTo(BigDecimal.valueOf(usage.maxUse())) > 0
                ? Long.MAX_VALUE
                : request.amount().longValueExact();
        return UseResponse.of(usage.use(user.id(), amount, request.feature(), request.description(), idempotencyKey));
    }
}
