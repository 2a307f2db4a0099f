package com.creatorcommerce.credit.adapter.in.web;

import com.creatorcommerce.credit.domain.CreditRefusedException;
import com.creatorcommerce.credit.domain.InvalidCreditRequestException;
import com.creatorcommerce.platform.web.ApiException;
import com.creatorcommerce.platform.web.ProblemCodes;
import com.creatorcommerce.platform.web.problem.FieldViolation;
import com.creatorcommerce.platform.web.problem.ProblemExceptionHandler;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;

/** The credit context's typed refusals as RFC 9457 problems with their stable codes (the platform renders them). */
@RestControllerAdvice
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Order(Ordered.HIGHEST_PRECEDENCE)
class CreditProblems {

    private final ProblemExceptionHandler problems;

    CreditProblems(ProblemExceptionHandler problems) {
        this.problems = problems;
    }

    @ExceptionHandler(CreditRefusedException.class)
    ResponseEntity<Object> refused(CreditRefusedException ex, WebRequest request) {
        HttpStatus status = switch (ex.refusal()) {
            case CREDIT_PACKAGE_NOT_FOUND,
                    PURCHASE_NOT_FOUND,
                    DONATION_NOT_FOUND,
                    TOPUP_NOT_FOUND,
                    REFUND_NOT_FOUND,
                    SETTLEMENT_NOT_FOUND -> HttpStatus.NOT_FOUND;
            case PAYMENT_DECLINED, INSUFFICIENT_CREDITS -> HttpStatus.PAYMENT_REQUIRED;
            case IDEMPOTENCY_KEY_REUSED, SELF_DONATION -> HttpStatus.UNPROCESSABLE_CONTENT;
            case CREDIT_WALLET_BUSY -> HttpStatus.SERVICE_UNAVAILABLE;
            case CREDIT_PACKAGE_INACTIVE,
                    CREDIT_PACKAGE_ALREADY_EXISTS,
                    PAYMENT_TOKEN_ALREADY_USED,
                    TOPUP_NOT_REFUNDABLE,
                    REFUND_PERIOD_EXPIRED,
                    ALREADY_REFUNDED,
                    NOTHING_TO_REFUND,
                    SETTLEMENT_ALREADY_PAID -> HttpStatus.CONFLICT;
        };
        ResponseEntity<Object> problem = problems.handleApiException(
                new ApiException(status, ex.refusal().name(), ex.getMessage(), ex.details()), request);
        if (status == HttpStatus.SERVICE_UNAVAILABLE) {
            return ResponseEntity.status(problem.getStatusCode())
                    .headers(problem.getHeaders())
                    .header(HttpHeaders.RETRY_AFTER, "1")
                    .body(problem.getBody());
        }
        return problem;
    }

    @ExceptionHandler(InvalidCreditRequestException.class)
    ResponseEntity<Object> invalid(InvalidCreditRequestException ex, WebRequest request) {
        return problems.handleApiException(
                ApiException.badRequest(
                                ProblemCodes.VALIDATION_FAILED,
                                "The request is invalid; see errors for the offending fields.")
                        .with(
                                "errors",
                                ex.violations().stream()
                                        .map(v -> new FieldViolation(v.field(), v.message()))
                                        .toList()),
                request);
    }
}
