package com.creatorcommerce.order.adapter.in.web;

import com.creatorcommerce.order.domain.OrderRefusedException;
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

/** Order-context refusals as RFC 9457 problems with their stable codes and facts (rendered by the platform). */
@RestControllerAdvice
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Order(Ordered.HIGHEST_PRECEDENCE)
class OrderProblems {

    private final ProblemExceptionHandler problems;

    OrderProblems(ProblemExceptionHandler problems) {
        this.problems = problems;
    }

    @ExceptionHandler(OrderRefusedException.class)
    ResponseEntity<Object> refused(OrderRefusedException ex, WebRequest request) {
        HttpStatus status = switch (ex.refusal()) {
            case PRODUCT_NOT_FOUND, PRODUCT_OPTION_NOT_FOUND, CART_ITEM_NOT_FOUND -> HttpStatus.NOT_FOUND;
            case INVALID_QUANTITY, INVALID_STOCK_DELTA, TOO_MANY_OPTIONS, BATCH_TOO_LARGE -> HttpStatus.BAD_REQUEST;
            case PRODUCT_OPTION_UNAVAILABLE,
                    DUPLICATE_SKU,
                    INSUFFICIENT_STOCK,
                    STOCK_LIMIT_EXCEEDED,
                    CART_LINE_LIMIT_EXCEEDED,
                    CART_FULL -> HttpStatus.CONFLICT;
        };
        return problems.handleApiException(
                new ApiException(status, ex.refusal().name(), ex.getMessage(), ex.facts()), request);
    }
}
