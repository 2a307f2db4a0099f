package com.creatorcommerce.payment.adapter.in.web;

import com.creatorcommerce.payment.application.PaymentNotFoundException;
import com.creatorcommerce.platform.web.ApiException;
import com.creatorcommerce.platform.web.problem.ProblemExceptionHandler;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;

/** The payment context's refusals as RFC 9457 problems with their stable codes (ADR 12). */
@RestControllerAdvice
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PaymentProblems {

    private final ProblemExceptionHandler problems;

    PaymentProblems(ProblemExceptionHandler problems) {
        this.problems = problems;
    }

    @ExceptionHandler(PaymentNotFoundException.class)
    ResponseEntity<Object> notFound(PaymentNotFoundException ex, WebRequest request) {
        return problems.handleApiException(
                new ApiException(HttpStatus.NOT_FOUND, "PAYMENT_NOT_FOUND", ex.getMessage()), request);
    }
}
