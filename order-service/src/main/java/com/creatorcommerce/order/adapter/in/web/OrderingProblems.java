package com.creatorcommerce.order.adapter.in.web;

import com.creatorcommerce.order.domain.order.OrderingRefusedException;
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

/** Refusals of the orders API as RFC 9457 problems with their stable codes and facts (rendered by the platform). */
@RestControllerAdvice
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Order(Ordered.HIGHEST_PRECEDENCE)
class OrderingProblems {

    private final ProblemExceptionHandler problems;

    OrderingProblems(ProblemExceptionHandler problems) {
        this.problems = problems;
    }

    @ExceptionHandler(OrderingRefusedException.class)
    ResponseEntity<Object> refused(OrderingRefusedException ex, WebRequest request) {
        HttpStatus status = switch (ex.refusal()) {
            case EMPTY_ORDER,
                    ITEMS_AND_CART,
                    TOO_MANY_LINES,
                    INVALID_QUANTITY,
                    CHARGE_AMOUNT_OUT_OF_RANGE,
                    PAYMENT_KEY_REQUIRED -> HttpStatus.BAD_REQUEST;
            // the request names an option that cannot be ordered: the orders resource itself exists
            case PRODUCT_OPTION_NOT_FOUND, PRODUCT_OPTION_UNAVAILABLE -> HttpStatus.UNPROCESSABLE_CONTENT;
            case ORDER_NOT_FOUND -> HttpStatus.NOT_FOUND;
            case ORDER_NOT_CANCELLABLE, ORDER_CANCEL_IN_PROGRESS, ORDER_IN_PROGRESS -> HttpStatus.CONFLICT;
        };
        return problems.handleApiException(
                new ApiException(status, ex.refusal().name(), ex.getMessage(), ex.facts()), request);
    }
}
