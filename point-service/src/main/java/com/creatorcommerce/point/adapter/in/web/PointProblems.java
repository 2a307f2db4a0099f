package com.creatorcommerce.point.adapter.in.web;

import com.creatorcommerce.platform.web.ApiException;
import com.creatorcommerce.platform.web.problem.ProblemExceptionHandler;
import com.creatorcommerce.point.domain.PointRefusedException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;

/** Points refusals as RFC 9457 problems with their stable codes and facts (rendered by the platform's handler). */
@RestControllerAdvice
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PointProblems {

    private final ProblemExceptionHandler problems;

    PointProblems(ProblemExceptionHandler problems) {
        this.problems = problems;
    }

    @ExceptionHandler(PointRefusedException.class)
    ResponseEntity<Object> refused(PointRefusedException ex, WebRequest request) {
        HttpStatus status = switch (ex.refusal()) {
            case INVALID_CHARGE_AMOUNT, INVALID_TRANSACTION_TYPE -> HttpStatus.BAD_REQUEST;
            case CHARGE_REQUEST_NOT_FOUND -> HttpStatus.NOT_FOUND;
            case PAYMENT_KEY_ALREADY_USED, CHARGE_ALREADY_CONFIRMED, CHARGE_ALREADY_COMPLETED, CHARGE_FAILED ->
                HttpStatus.CONFLICT;
        };
        return problems.handleApiException(
                new ApiException(status, ex.refusal().name(), ex.getMessage(), ex.facts()), request);
    }
}
