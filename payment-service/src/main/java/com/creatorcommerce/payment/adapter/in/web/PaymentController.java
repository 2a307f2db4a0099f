package com.creatorcommerce.payment.adapter.in.web;

import com.creatorcommerce.payment.adapter.out.persistence.PaymentCancellations;
import com.creatorcommerce.payment.adapter.out.persistence.Payments;
import com.creatorcommerce.payment.domain.Payment;
import com.creatorcommerce.platform.web.ApiException;
import com.creatorcommerce.platform.web.CurrentUser;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.transaction.annotation.Transactional;
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

    private final Payments payments;
    private final PaymentCancellations cancellations;

    PaymentController(Payments payments, PaymentCancellations cancellations) {
        this.payments = payments;
        this.cancellations = cancellations;
    }

    @GetMapping
    @Transactional(readOnly = true)
    PaymentPage list(CurrentUser user, @RequestParam(defaultValue = "1") @Min(1) @Max(100_000) int page,
            @RequestParam(name = "page_size", defaultValue = "20") @Min(1) @Max(100) int pageSize) {
        Page<Payment> found = payments.findByUserIdOrderByCreatedAtDescIdDesc(user.id(),
                PageRequest.of(page - 1, pageSize));
        return new PaymentPage(found.getContent().stream().map(p -> PaymentResponse.of(p, null)).toList(),
                found.getTotalElements(), page, pageSize, found.hasNext());
    }

    @GetMapping("/{id}")
    @Transactional(readOnly = true)
    PaymentResponse get(CurrentUser user, @PathVariable long id) {
        Payment p = payments.findById(id).filter(x -> x.userId() == user.id() || user.isAdmin())
                .orElseThrow(() -> ApiException.notFound("PAYMENT_NOT_FOUND", "No such payment"));
        return PaymentResponse.of(p, cancellations.findByPaymentIdOrderByCreatedAt(p.id()));
    }
}
