package com.creatorcommerce.payment.adapter.in.web;

import com.creatorcommerce.payment.application.PaymentQueries;
import com.creatorcommerce.payment.application.PaymentQueries.PaymentDetails;
import com.creatorcommerce.payment.application.port.Paged;
import com.creatorcommerce.payment.domain.Payment;
import com.creatorcommerce.platform.web.CurrentUser;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own payments (an admin may read any). Someone else's payment is 404, as if it did not exist. */
@RestController
@Validated
@RequestMapping("/v1/payments")
class PaymentController {

    private final PaymentQueries queries;

    PaymentController(PaymentQueries queries) {
        this.queries = queries;
    }

    @GetMapping
    PaymentPage list(CurrentUser user, @RequestParam(defaultValue = "1") @Min(1) @Max(100_000) int page,
            @RequestParam(name = "page_size", defaultValue = "20") @Min(1) @Max(100) int pageSize) {
        Paged<Payment> found = queries.ofUser(user.id(), page, pageSize);
        return new PaymentPage(found.items().stream().map(p -> PaymentResponse.of(p, null)).toList(),
                found.total(), page, pageSize, found.hasMore());
    }

    @GetMapping("/{id}")
    PaymentResponse get(CurrentUser user, @PathVariable long id) {
        PaymentDetails details = queries.get(id, user.id(), user.isAdmin());
        return PaymentResponse.of(details.payment(), details.cancellations());
    }
}
