package com.creatorcommerce.order.adapter.in.web;

import com.creatorcommerce.platform.snowflake.IdString;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A 64-bit id as JSON carries it: a string of decimal digits naming a positive {@code long} ({@code "123"}; a JSON
 * number is accepted too, as Jackson reads it into the string). Null is left to {@code @NotNull}.
 */
@IdString // documented as an id carried as a string (the platform's API documents; no effect on JSON)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = IdText.Validator.class)
@interface IdText {

    String message() default "must be a positive 64-bit id written as a string of digits";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Validator implements ConstraintValidator<IdText, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || WebIds.parse(value) > 0;
        }
    }
}
