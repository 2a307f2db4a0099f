package com.creatorcommerce.coupon.adapter.in.web;

import com.creatorcommerce.coupon.application.IssueBusyException;
import com.creatorcommerce.coupon.domain.CouponRefusedException;
import com.creatorcommerce.coupon.domain.InvalidCouponException;
import com.creatorcommerce.platform.web.ApiException;
import com.creatorcommerce.platform.web.ProblemCodes;
import com.creatorcommerce.platform.web.problem.FieldViolation;
import com.creatorcommerce.platform.web.problem.ProblemExceptionHandler;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;

/** Coupon rule refusals as RFC 9457 problems with their stable codes (rendered by the platform's handler). */
@RestControllerAdvice
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Order(Ordered.HIGHEST_PRECEDENCE)
class CouponProblems {

    private final ProblemExceptionHandler problems;

    CouponProblems(ProblemExceptionHandler problems) {
        this.problems = problems;
    }

    @ExceptionHandler(CouponRefusedException.class)
    ResponseEntity<Object> refused(CouponRefusedException ex, WebRequest request) {
        HttpStatus status = switch (ex.refusal()) {
            case COUPON_NOT_FOUND, USER_COUPON_NOT_FOUND -> HttpStatus.NOT_FOUND;
            default -> HttpStatus.CONFLICT;
        };
        return problems.handleApiException(new ApiException(status, ex.refusal().name(), ex.getMessage()), request);
    }

    @ExceptionHandler(InvalidCouponException.class)
    ResponseEntity<Object> invalid(InvalidCouponException ex, WebRequest request) {
        return problems.handleApiException(
                invalidRequest(ex.violations().stream()
                        .map(v -> new FieldViolation(v.field(), v.message()))
                        .toList()),
                request);
    }

    @ExceptionHandler({IssueBusyException.class, PessimisticLockingFailureException.class})
    ResponseEntity<Object> busy(RuntimeException ex, WebRequest request) {
        return problems.handleApiException(
                new ApiException(
                        HttpStatus.SERVICE_UNAVAILABLE,
                        "COUPON_BUSY",
                        "The coupon is in high demand right now. Please retry."),
                request);
    }

    static ApiException invalidRequest(java.util.List<FieldViolation> errors) {
        return ApiException.badRequest(
                        ProblemCodes.VALIDATION_FAILED, "The request is invalid; see errors for the offending fields.")
                .with("errors", errors);
    }
}
