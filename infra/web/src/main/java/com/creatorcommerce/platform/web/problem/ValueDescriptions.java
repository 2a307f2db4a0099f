package com.creatorcommerce.platform.web.problem;

import java.math.BigInteger;
import java.time.LocalDate;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.InvalidNullException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.exc.ValueInstantiationException;

/** How a client should write a value, in the client's words: never a Java class name. */
final class ValueDescriptions {

    private ValueDescriptions() {}

    /** {@code "an integer"}, {@code "one of [A, B]"}, {@code "an ISO-8601 date"}... */
    static String describe(Class<?> type) {
        if (type == null) {
            return "a valid value";
        }
        if (type == Integer.class
                || type == int.class
                || type == Long.class
                || type == long.class
                || type == Short.class
                || type == short.class
                || type == Byte.class
                || type == byte.class
                || type == BigInteger.class) {
            return "an integer";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.toString(type.getEnumConstants());
        }
        if (type == UUID.class) {
            return "a UUID";
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return "an ISO-8601 " + (type == LocalDate.class ? "date" : "date-time");
        }
        if (type == String.class
                || CharSequence.class.isAssignableFrom(type)
                || type == char.class
                || type == Character.class) {
            return "a string";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        if (Map.class.isAssignableFrom(type)) {
            return "an object";
        }
        return "a valid value";
    }

    /** The message of a field Jackson could not read. */
    static String unreadable(JacksonException ex) {
        if (ex instanceof UnrecognizedPropertyException) {
            return "is not a known property";
        }
        if (ex instanceof InvalidNullException) {
            return "must not be null";
        }
        if (ex instanceof ValueInstantiationException) {
            return "is invalid";
        }
        if (ex instanceof InvalidFormatException || ex instanceof MismatchedInputException) {
            Class<?> target = ((MismatchedInputException) ex).getTargetType();
            return target == null ? "has an invalid value" : "must be " + describe(target);
        }
        return "has an invalid value";
    }
}
