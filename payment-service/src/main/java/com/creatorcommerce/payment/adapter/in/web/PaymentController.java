package com.creatorcommerce.payment.adapter.in.web;

import com.creatorcommerce.payment.application.PaymentQueries;
import com.creatorcommerce.payment.application.PaymentQueries.PaymentDetails;
import com.creatorcommerce.platform.openapi.ProblemResponse;
import com.creatorcommerce.platform.web.CurrentUser;
import com.creatorcommerce.platform.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own payments (an admin may read any). Someone else's payment is 404, as if it did not exist. */
@Tag(name = "payments", description = "The caller's payments (an admin may read any).")
@RestController
@Validated
@RequestMapping("/v1/payments")
class PaymentController {

    private final PaymentQueries queries;

    PaymentController(PaymentQueries queries) {
        this.queries = queries;
    }

    @Operation(operationId = "listPayments", summary = "The caller's payments, newest first (paged)")
    @GetMapping
    PageResponse<PaymentResponse> list(
            CurrentUser user,
            @RequestParam(defaultValue = "1") @Min(1) @Max(100_000) int page,
            @RequestParam(name = "page_size", defaultValue = "20") @Min(1) @Max(100) int pageSize) {
        var found = queries.ofUser(user.id(), page, pageSize).map(p -> PaymentResponse.of(p, null));
        return PageResponse.of(found);
    }

    @Operation(
            operationId = "getPayment",
            summary = "One payment with its cancellations",
            description = "Another user's payment is answered 404, as if it did not exist (an admin may read any).")
    @ProblemResponse(status = 404, codes = "PAYMENT_NOT_FOUND")
    @GetMapping("/{id}")
    PaymentResponse get(CurrentUser user, @PathVariable long id) {
        PaymentDetails details = queries.get(id, user.id(), user.isAdmin());
        return PaymentResponse.of(details.payment(), details.cancellations());
    }
}
