package com.creatorcommerce.credit.adapter.in.web;

import com.creatorcommerce.credit.application.DonateService;
import com.creatorcommerce.credit.application.DonationQueries;
import com.creatorcommerce.credit.application.DonationResult;
import com.creatorcommerce.credit.application.TopUpDonationService;
import com.creatorcommerce.credit.domain.Donation;
import com.creatorcommerce.platform.openapi.ProblemResponse;
import com.creatorcommerce.platform.snowflake.IdString;
import com.creatorcommerce.platform.web.CurrentUser;
import com.creatorcommerce.platform.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
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
import java.net.URI;
import java.time.Instant;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Donations of credits to creators (seed 001): give, and see what one gave and received. */
@RestController
@Validated
@RequestMapping("/v1/donations")
@Tag(name = "donations", description = "Fans give credits to creators; the live chat shows " + "donation.completed.v1")
class DonationController {

    private final DonateService donate;
    private final TopUpDonationService topUps;
    private final DonationQueries queries;

    DonationController(DonateService donate, TopUpDonationService topUps, DonationQueries queries) {
        this.donate = donate;
        this.topUps = topUps;
        this.queries = queries;
    }

    /**
     * Whole credits only; {@code creator_id} a user id as a string; {@code message} at most 200 characters;
     * {@code top_up}: buy this package first (its {@code payment_token} is the PG payment key).
     */
    record DonateRequest(
            String creatorId,

            @NotNull @Digits(integer = 15, fraction = 0) @DecimalMin("1")
            BigDecimal credits,

            String message,
            @Valid TopUp topUp) {}

    record TopUp(
            @NotBlank @Size(max = 50) String packageId,

            @NotBlank @Size(max = 200) @Pattern(regexp = "[A-Za-z0-9_\\-]+")
            String paymentToken) {}

    record DonationResponse(
            @IdString long id,
            @IdString long donorId,
            @IdString long creatorId,
            long credits,
            String message,
            String status,
            @IdString Long transactionId,
            Long newBalance,
            @IdString Long topUpPurchaseId,
            String failureCode,
            String failureReason,
            Instant createdAt,
            Instant completedAt) {

        static DonationResponse of(Donation d, Long newBalance) {
            return new DonationResponse(
                    d.id(),
                    d.donorId(),
                    d.creatorId(),
                    d.credits(),
                    d.message(),
                    d.status().name(),
                    d.historyId(),
                    newBalance,
                    d.topUpPurchaseId(),
                    d.failureCode(),
                    d.failureReason(),
                    d.createdAt(),
                    d.completedAt());
        }
    }

    @PostMapping
    @Operation(operationId = "donate", summary = "Donate credits to a creator (Idempotency-Key required)")
    @ApiResponse(
            responseCode = "201",
            description = "Given: the credits left the balance, oldest lots first",
            useReturnTypeSchema = true)
    @ApiResponse(
            responseCode = "200",
            description = "The same Idempotency-Key already made this donation",
            useReturnTypeSchema = true)
    @ApiResponse(
            responseCode = "202",
            description = "With top_up: the payment has not settled yet; follow Location " + "(status PENDING)",
            useReturnTypeSchema = true)
    @ProblemResponse(
            status = 402,
            codes = {"INSUFFICIENT_CREDITS", "PAYMENT_DECLINED"},
            description = "Nothing was "
                    + "given. INSUFFICIENT_CREDITS: credits bought by a top_up stay in the wallet; PAYMENT_DECLINED: the "
                    + "top_up was not paid.")
    @ProblemResponse(status = 404, codes = "CREDIT_PACKAGE_NOT_FOUND", description = "The top_up's package.")
    @ProblemResponse(
            status = 409,
            codes = {"CREDIT_PACKAGE_INACTIVE", "PAYMENT_TOKEN_ALREADY_USED"},
            description = "The top_up's package cannot be bought, or its payment token paid for something else.")
    @ProblemResponse(
            status = 422,
            codes = {"SELF_DONATION", "IDEMPOTENCY_KEY_REUSED"})
    @ProblemResponse(
            status = 503,
            codes = "CREDIT_WALLET_BUSY",
            description = "Nothing changed; retry after " + "Retry-After.")
    ResponseEntity<DonationResponse> donate(
            CurrentUser user,
            @Valid @RequestBody DonateRequest request,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        long credits = request.credits().compareTo(BigDecimal.valueOf(donate.maxDonation())) > 0
                ? Long.MAX_VALUE
                : request.credits().longValueExact();
        DonationResult r = request.topUp() == null
                ? donate.donate(user.id(), request.creatorId(), credits, request.message(), idempotencyKey)
                : topUps.donate(
                        user.id(),
                        request.creatorId(),
                        credits,
                        request.message(),
                        idempotencyKey,
                        request.topUp().packageId(),
                        request.topUp().paymentToken());
        DonationResponse body = DonationResponse.of(r.donation(), r.balanceAfter());
        URI location = URI.create("/v1/donations/" + body.id());
        return switch (r.donation().status()) {
            case COMPLETED ->
                r.replayed()
                        ? ResponseEntity.ok(body)
                        : ResponseEntity.status(HttpStatus.CREATED)
                                .location(location)
                                .body(body);
            case PENDING ->
                ResponseEntity.status(HttpStatus.ACCEPTED).location(location).body(body);
            case FAILED -> throw TopUpDonationService.refusal(r.donation());
        };
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getDonation", summary = "One donation the caller gave (or received, once completed)")
    @ApiResponse(responseCode = "200", description = "The donation", useReturnTypeSchema = true)
    @ProblemResponse(status = 404, codes = "DONATION_NOT_FOUND")
    DonationResponse get(CurrentUser user, @PathVariable long id) {
        return DonationResponse.of(queries.get(user.id(), id), null);
    }

    @GetMapping("/sent")
    @Operation(operationId = "listSentDonations", summary = "The caller's donations, newest first")
    @ApiResponse(responseCode = "200", description = "One page", useReturnTypeSchema = true)
    PageResponse<DonationResponse> sent(
            CurrentUser user,
            @RequestParam(defaultValue = "1") @Min(1) @Max(1_000_000) int page,
            @RequestParam(name = "page_size", defaultValue = "20") @Min(1) @Max(100) int pageSize) {
        return PageResponse.of(queries.sent(user.id(), page, pageSize).map(d -> DonationResponse.of(d, null)));
    }

    @GetMapping("/received")
    @Operation(operationId = "listReceivedDonations", summary = "Donations the caller received, newest first")
    @ApiResponse(responseCode = "200", description = "One page", useReturnTypeSchema = true)
    PageResponse<DonationResponse> received(
            CurrentUser user,
            @RequestParam(defaultValue = "1") @Min(1) @Max(1_000_000) int page,
            @RequestParam(name = "page_size", defaultValue = "20") @Min(1) @Max(100) int pageSize) {
        return PageResponse.of(queries.received(user.id(), page, pageSize).map(d -> DonationResponse.of(d, null)));
    }
}
