package com.creatorcommerce.platform.openapi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Documents an RFC 9457 problem a web operation answers: its HTTP status and the stable {@code code} values it may
 * carry. The platform's OpenAPI customizer turns it into an {@code application/problem+json} response with the
 * {@code Problem} schema, the codes listed in the description, in {@code x-problem-codes} and as one example each.
 *
 * <p>On a controller method, or on the controller class (then it applies to every operation of the class). The
 * generic problems (400 {@code VALIDATION_FAILED}/{@code MALFORMED_REQUEST}, 401 on authenticated operations, 403 on
 * admin ones) are added by the customizer; declare only the operation's own.
 * <pre>{@code
 * @ProblemResponse(status = 404, codes = "COUPON_NOT_FOUND")
 * @ProblemResponse(status = 409, codes = {"COUPON_SOLD_OUT", "COUPON_ALREADY_ISSUED"})
 * @PostMapping("/{id}/issue")
 * ResponseEntity<UserCouponResponse> issue(...)
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
@Repeatable(ProblemResponse.List.class)
public @interface ProblemResponse {

    /** The HTTP status (4xx or 5xx). */
    int status();

    /** The problem {@code code} values this operation may answer with this status. */
    String[] codes();

    /** When each code is answered, for the response description (optional). */
    String description() default "";

    /** The container of repeated {@link ProblemResponse}s. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.METHOD, ElementType.TYPE})
    @interface List {
        ProblemResponse[] value();
    }
}
