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
import org.springframework.web.method.HandlerMethod;

/**
 * Order-context refusals (catalog, likes, cart, stock and orders) as RFC 9457 problems with their stable codes and
 * facts (rendered by the platform).
 */
@RestControllerAdvice
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Order(Ordered.HIGHEST_PRECEDENCE)
class OrderProblems {

    private final ProblemExceptionHandler problems;

    OrderProblems(ProblemExceptionHandler problems) {
        this.problems = problems;
    }

    @ExceptionHandler(OrderRefusedException.class)
    ResponseEntity<Object> refused(OrderRefusedException ex, HandlerMethod handler, WebRequest request) {
        // an order's lines name the options: the orders resource exists, its content cannot be processed
        boolean ordering = handler.getBeanType() == OrderController.class;
        HttpStatus status = switch (ex.refusal()) {
            case PRODUCT_NOT_FOUND, CART_ITEM_NOT_FOUND, ORDER_NOT_FOUND -> HttpStatus.NOT_FOUND;
            case PRODUCT_OPTION_NOT_FOUND -> ordering ? HttpStatus.UNPROCESSABLE_CONTENT : HttpStatus.NOT_FOUND;
            case PRODUCT_OPTION_UNAVAILABLE -> ordering ? HttpStatus.UNPROCESSABLE_CONTENT : HttpStatus.CONFLICT;
            case INVALID_QUANTITY,
                    INVALID_STOCK_DELTA,
                    TOO_MANY_OPTIONS,
                    BATCH_TOO_LARGE,
                    EMPTY_ORDER,
                    ITEMS_AND_CART,
                    TOO_MANY_LINES,
                    CHARGE_AMOUNT_OUT_OF_RANGE,
                    PAYMENT_KEY_REQUIRED -> HttpStatus.BAD_REQUEST;
            case DUPLICATE_SKU,
                    INSUFFICIENT_STOCK,
                    STOCK_LIMIT_EXCEEDED,
                    CART_LINE_LIMIT_EXCEEDED,
                    CART_FULL,
                    ORDER_NOT_CANCELLABLE,
                    ORDER_CANCEL_IN_PROGRESS,
                    ORDER_IN_PROGRESS -> HttpStatus.CONFLICT;
        };
        return problems.handleApiException(
                new ApiException(status, ex.refusal().name(), ex.getMessage(), ex.facts()), request);
    }
}
