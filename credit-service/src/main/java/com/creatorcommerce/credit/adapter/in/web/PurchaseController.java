package com.creatorcommerce.credit.adapter.in.web;

import com.creatorcommerce.contracts.payment.PaymentFailureCode;
import com.creatorcommerce.credit.application.PurchaseCreditsService;
import com.creatorcommerce.credit.application.PurchaseView;
import com.creatorcommerce.credit.domain.CreditRefusal;
import com.creatorcommerce.credit.domain.CreditRefusedException;
import com.creatorcommerce.platform.openapi.ProblemResponse;
import com.creatorcommerce.platform.snowflake.IdString;
import com.creatorcommerce.platform.web.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Buying a credit package (seed 002) with a PG payment key: 200 with seed 002's shape when the payment settles within
 * a few seconds, 202 with the purchase's status URL otherwise, 402 {@code PAYMENT_DECLINED} when it is not approved.
 */
@RestController
@Tag(name = "credit purchases", description = "Buying a credit package with a PG payment key")
class PurchaseController {

    private final PurchaseCreditsService purchases;

    PurchaseController(PurchaseCreditsService purchases) {
        this.purchases = purchases;
    }

    /** {@code payment_token} is the PG payment key; {@code payment_method} defaults to {@code card}. */
    record PurchaseRequest(
            @NotBlank @Size(max = 50) String packageId,

            @Size(min = 1, max = 30) @Pattern(regexp = "[a-z][a-z0-9_]*")
            String paymentMethod,

            @NotBlank @Size(max = 200) @Pattern(regexp = "[A-Za-z0-9_\\-]+")
            String paymentToken) {}

    /** Seed 002's answer, plus the purchase's id and status. */
    record Completed(
            @IdString long transactionId,
            long creditsAdded,
            long newBalance,
            BigDecimal amountPaid,
            String currency,
            @IdString long purchaseId,
            String status) {}

    record Pending(@IdString long purchaseId, String status, String statusUrl) {}

    record PurchaseResponse(
            @IdString long id,
            String packageId,
            String packageName,
            long credits,
            BigDecimal amountPaid,
            String currency,
            String paymentMethod,
            String status,
            @IdString Long transactionId,
            Long newBalance,
            String failureCode,
            String failureReason,
            String refundStatus,
            Instant createdAt,
            Instant completedAt,
            Instant failedAt) {

        static PurchaseResponse of(PurchaseView p) {
            return new PurchaseResponse(
                    p.id(),
                    p.packageId(),
                    p.packageName(),
                    p.credits(),
                    p.price().amount(),
                    p.price().currencyCode(),
                    p.paymentMethod(),
                    p.status().name(),
                    p.transactionId(),
                    p.balanceAfter(),
                    p.failureCode(),
                    p.failureReason(),
                    p.refundStatus() == null ? null : p.refundStatus().name(),
                    p.createdAt(),
                    p.completedAt(),
                    p.failedAt());
        }
    }

    @PostMapping("/v1/credits/purchase")
    @Operation(
            operationId = "purchaseCredits",
            summary = "Buy a credit package with a PG payment key",
            description = "200 when the payment settles within a few seconds; 202 with `Location` (and `status_url`) "
                    + "of the purchase otherwise. The same payment token again answers the same purchase.")
    @ApiResponse(
            responseCode = "200",
            description = "Paid: the credits are in the wallet",
            content = @Content(schema = @Schema(implementation = Completed.class)))
    @ApiResponse(
            responseCode = "202",
            description = "The payment has not settled yet (PENDING); follow Location",
            content = @Content(schema = @Schema(implementation = Pending.class)))
    @ProblemResponse(status = 402, codes = "PAYMENT_DECLINED", description = "Not approved; no credits were added.")
    @ProblemResponse(status = 404, codes = "CREDIT_PACKAGE_NOT_FOUND")
    @ProblemResponse(
            status = 409,
            codes = {"CREDIT_PACKAGE_INACTIVE", "PAYMENT_TOKEN_ALREADY_USED"})
    ResponseEntity<?> purchase(CurrentUser user, @Valid @RequestBody PurchaseRequest request) {
        PurchaseView p = purchases.purchase(
                user.id(),
                request.packageId(),
                request.paymentMethod() == null ? "card" : request.paymentMethod(),
                request.paymentToken());
        URI status = URI.create("/v1/credits/purchases/" + p.id());
        return switch (p.status()) {
            case COMPLETED ->
                ResponseEntity.ok(new Completed(
                        p.transactionId(),
                        p.credits(),
                        p.balanceAfter(),
                        p.price().amount(),
                        p.price().currencyCode(),
                        p.id(),
                        p.status().name()));
            case PENDING ->
                ResponseEntity.status(HttpStatus.ACCEPTED)
                        .location(status)
                        .body(new Pending(p.id(), p.status().name(), status.toString()));
            case FAILED -> throw refusal(p);
        };
    }

    @GetMapping("/v1/credits/purchases/{id}")
    @Operation(operationId = "getCreditPurchase", summary = "One of the caller's credit purchases")
    @ProblemResponse(status = 404, codes = "PURCHASE_NOT_FOUND")
    PurchaseResponse get(CurrentUser user, @PathVariable long id) {
        return PurchaseResponse.of(purchases.get(user.id(), id));
    }

    private static CreditRefusedException refusal(PurchaseView p) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("purchase_id", Long.toString(p.id()));
        details.put("failure_code", p.failureCode());
        if (PaymentFailureCode.PAYMENT_KEY_CONFLICT.equals(p.failureCode())) {
            return new CreditRefusedException(
                    CreditRefusal.PAYMENT_TOKEN_ALREADY_USED,
                    "This payment token already paid for something else; nothing was charged for this purchase.",
                    details);
        }
        return new CreditRefusedException(
                CreditRefusal.PAYMENT_DECLINED, "The payment was not approved; no credits were added.", details);
    }
}
