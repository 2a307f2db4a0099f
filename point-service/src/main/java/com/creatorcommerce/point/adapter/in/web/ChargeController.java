package com.creatorcommerce.point.adapter.in.web;

import com.creatorcommerce.platform.openapi.ProblemResponse;
import com.creatorcommerce.platform.snowflake.IdString;
import com.creatorcommerce.platform.web.CurrentUser;
import com.creatorcommerce.point.application.ChargeRequestService;
import com.creatorcommerce.point.domain.ChargeRefund;
import com.creatorcommerce.point.domain.PointChargeRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Seed 004's charge flow: create a request, pay at the PG, confirm with the payment key, watch the state. */
@Tag(
        name = "point charges",
        description = "Buying points with a payment: create a charge request, pay "
                + "at the PG, confirm it with the payment key, watch it become COMPLETED or FAILED.")
@RestController
@RequestMapping("/v1/points/charges")
class ChargeController {

    private final ChargeRequestService charges;

    ChargeController(ChargeRequestService charges) {
        this.charges = charges;
    }

    /** Whole points only: a fraction is a validation error rather than silently truncated. */
    record CreateCharge(
            @NotNull @Digits(integer = 15, fraction = 0) @DecimalMin("1")
            BigDecimal amount) {}

    record ConfirmCharge(
            @NotBlank @Size(max = 200) @Pattern(regexp = "[A-Za-z0-9_\\-]+")
            String paymentKey) {}

    record ChargeResponse(
            @IdString long id,
            long amount,
            String status,
            String paymentKey,
            @IdString Long paymentId,
            @IdString Long transactionId,
            String failureCode,
            String failureReason,
            Instant createdAt,
            Instant confirmRequestedAt,
            Instant completedAt,
            Instant failedAt,
            String refundStatus,
            Long refundedAmount,
            String refundFailureCode,
            String refundFailureReason) {

        static ChargeResponse of(PointChargeRequest r) {
            ChargeRefund refund = r.refund();
            return new ChargeResponse(
                    r.id(),
                    r.amount(),
                    r.status().name(),
                    r.paymentKey(),
                    r.paymentId(),
                    r.transactionId(),
                    r.failureCode(),
                    r.failureReason(),
                    r.createdAt(),
                    r.confirmRequestedAt(),
                    r.completedAt(),
                    r.failedAt(),
                    refund == null ? null : refund.status().name(),
                    refund == null ? null : refund.amount(),
                    refund == null ? null : refund.failureCode(),
                    refund == null ? null : refund.failureReason());
        }
    }

    @Operation(
            operationId = "createPointCharge",
            summary = "Start buying points (a charge request)",
            description = "Whole points within the charge limits. Answers the request, `PENDING`, with "
                    + "`Location: /v1/points/charges/{id}`.")
    @ApiResponse(responseCode = "201", description = "Created", useReturnTypeSchema = true)
    @ProblemResponse(status = 400, codes = "INVALID_CHARGE_AMOUNT")
    @PostMapping
    ResponseEntity<ChargeResponse> create(CurrentUser user, @Valid @RequestBody CreateCharge body) {
        PointChargeRequest r = charges.create(user.id(), body.amount().longValueExact());
        return ResponseEntity.created(URI.create("/v1/points/charges/" + r.id()))
                .body(ChargeResponse.of(r));
    }

    /**
     * 202: the payment is being confirmed; GET the request to see it COMPLETED or FAILED ({@code refund_status} tells
     * whether a payment approved but not credited was given back: REQUESTED, REFUNDED or REFUND_FAILED).
     */
    @Operation(
            operationId = "confirmPointCharge",
            summary = "Confirm a charge with the PG's payment key",
            description = "202: payment-service confirms the payment with the PG; GET the request to see it "
                    + "COMPLETED or FAILED.")
    @ApiResponse(
            responseCode = "202",
            description = "Accepted: the payment is being confirmed",
            useReturnTypeSchema = true)
    @ProblemResponse(status = 404, codes = "CHARGE_REQUEST_NOT_FOUND")
    @ProblemResponse(
            status = 409,
            codes = {"PAYMENT_KEY_ALREADY_USED", "CHARGE_ALREADY_CONFIRMED", "CHARGE_ALREADY_COMPLETED", "CHARGE_FAILED"
            })
    @PostMapping("/{id}/confirm")
    ResponseEntity<ChargeResponse> confirm(
            CurrentUser user, @PathVariable long id, @Valid @RequestBody ConfirmCharge body) {
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .body(ChargeResponse.of(charges.confirm(user.id(), id, body.paymentKey())));
    }

    @Operation(operationId = "getPointCharge", summary = "One of the caller's charge requests")
    @ProblemResponse(status = 404, codes = "CHARGE_REQUEST_NOT_FOUND")
    @GetMapping("/{id}")
    ChargeResponse get(CurrentUser user, @PathVariable long id) {
        return ChargeResponse.of(charges.get(user.id(), id));
    }
}
