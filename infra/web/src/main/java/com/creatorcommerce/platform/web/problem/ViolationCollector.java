package com.creatorcommerce.platform.web.problem;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.MethodParameter;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import tools.jackson.core.JacksonException;

/**
 * Turns validation failures (bean validation of a body, method validation of parameters, Jackson's reading errors)
 * into {@code errors: [{field, message}]} with each field named as the client wrote it: JSON names inside a body,
 * request names for parameters.
 */
final class ViolationCollector {

    private final JsonFieldNames fieldNames;
    private final Supplier<MessageSource> messageSource;

    ViolationCollector(JsonFieldNames fieldNames, Supplier<MessageSource> messageSource) {
        this.fieldNames = fieldNames;
        this.messageSource = messageSource;
    }

    List<FieldViolation> of(ConstraintViolationException ex) {
        List<FieldViolation> errors = new ArrayList<>();
        if (ex.getConstraintViolations() != null) {
            for (ConstraintViolation<?> violation : ex.getConstraintViolations()) {
                errors.add(new FieldViolation(violationPath(violation.getPropertyPath()), violation.getMessage()));
            }
        }
        return errors;
    }

    List<FieldViolation> of(MethodArgumentNotValidException ex) {
        boolean body = ex.getParameter().hasParameterAnnotation(RequestBody.class);
        BindingResult result = ex.getBindingResult();
        Class<?> root = result.getTarget() != null
                ? result.getTarget().getClass()
                : ex.getParameter().getNestedParameterType();
        List<FieldViolation> errors = new ArrayList<>();
        for (ObjectError error : result.getAllErrors()) {
            if (error instanceof FieldError fieldError) {
                String field = body ? fieldNames.jsonPath(root, fieldError.getField()) : fieldError.getField();
                errors.add(new FieldViolation(field, fieldMessage(fieldError)));
            } else {
                errors.add(new FieldViolation(null, message(error)));
            }
        }
        return errors;
    }

    List<FieldViolation> of(HandlerMethodValidationException ex) {
        List<FieldViolation> errors = new ArrayList<>();
        for (ParameterValidationResult result : ex.getParameterValidationResults()) {
            MethodParameter parameter = result.getMethodParameter();
            boolean body = parameter.hasParameterAnnotation(RequestBody.class);
            String container = containerSuffix(result);
            String base = body ? container : parameterName(parameter) + container;
            if (result instanceof ParameterErrors parameterErrors) {
                Object argument = parameterErrors.getArgument();
                Class<?> root = argument != null ? argument.getClass() : parameter.getNestedParameterType();
                for (FieldError fieldError : parameterErrors.getFieldErrors()) {
                    String field = body
                            ? fieldNames.jsonPath(root, fieldError.getField())
                            : JsonFieldNames.snakeCase(fieldError.getField());
                    errors.add(new FieldViolation(join(base, field), fieldMessage(fieldError)));
                }
                for (ObjectError error : parameterErrors.getGlobalErrors()) {
                    errors.add(new FieldViolation(emptyToNull(base), message(error)));
                }
            } else {
                for (MessageSourceResolvable error : result.getResolvableErrors()) {
                    errors.add(new FieldViolation(emptyToNull(base), message(error)));
                }
            }
        }
        for (MessageSourceResolvable error : ex.getCrossParameterValidationResults()) {
            errors.add(new FieldViolation(null, message(error)));
        }
        return errors;
    }

    /** The field Jackson failed on, or an empty list when the failure names no field. */
    static List<FieldViolation> of(JacksonException jackson) {
        String path = jsonPath(jackson.getPath());
        return path.isEmpty() ? List.of() : List.of(new FieldViolation(path, ValueDescriptions.unreadable(jackson)));
    }

    private String fieldMessage(FieldError error) {
        // a failed conversion's default message names Java types: describe it instead
        return error.isBindingFailure() ? "has an invalid value" : message(error);
    }

    private String message(MessageSourceResolvable error) {
        MessageSource source = messageSource.get();
        if (source != null) {
            try {
                return source.getMessage(error, LocaleContextHolder.getLocale());
            } catch (RuntimeException e) {
                // fall back on the default message
            }
        }
        return error.getDefaultMessage() != null ? error.getDefaultMessage() : "is invalid";
    }

    /** A Jackson reference path as a JSON path: {@code items[0].sku_id}. */
    private static String jsonPath(List<JacksonException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : references) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** A Bean Validation path without the method and, for bean arguments, the parameter: {@code items[0].sku_id}. */
    static String violationPath(Path path) {
        List<Path.Node> nodes = new ArrayList<>();
        path.forEach(nodes::add);
        boolean hasProperty = nodes.stream().anyMatch(n -> n.getKind() == ElementKind.PROPERTY);
        StringBuilder out = new StringBuilder();
        for (Path.Node node : nodes) {
            ElementKind kind = node.getKind();
            if (kind == ElementKind.METHOD
                    || kind == ElementKind.CONSTRUCTOR
                    || kind == ElementKind.CROSS_PARAMETER
                    || kind == ElementKind.RETURN_VALUE
                    || (kind == ElementKind.PARAMETER && hasProperty)) {
                continue;
            }
            if (node.isInIterable()) {
                Object at = node.getIndex() != null ? node.getIndex() : node.getKey();
                out.append('[').append(at == null ? "" : at).append(']');
            }
            if (node.getName() != null && kind != ElementKind.CONTAINER_ELEMENT && kind != ElementKind.BEAN) {
                if (!out.isEmpty()) {
                    out.append('.');
                }
                out.append(kind == ElementKind.PARAMETER ? node.getName() : JsonFieldNames.snakeCase(node.getName()));
            }
        }
        return out.isEmpty() ? null : out.toString();
    }

    private static String parameterName(MethodParameter parameter) {
        String name = null;
        RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
        PathVariable path = parameter.getParameterAnnotation(PathVariable.class);
        RequestHeader header = parameter.getParameterAnnotation(RequestHeader.class);
        CookieValue cookie = parameter.getParameterAnnotation(CookieValue.class);
        RequestPart part = parameter.getParameterAnnotation(RequestPart.class);
        if (param != null) {
            name = param.name();
        } else if (path != null) {
            name = path.name();
        } else if (header != null) {
            name = header.name();
        } else if (cookie != null) {
            name = cookie.name();
        } else if (part != null) {
            name = part.name();
        }
        if (name == null || name.isEmpty()) {
            name = parameter.getParameterName();
        }
        return name == null ? "arg" + parameter.getParameterIndex() : name;
    }

    private static String containerSuffix(ParameterValidationResult result) {
        if (result.getContainerIndex() != null) {
            return "[" + result.getContainerIndex() + "]";
        }
        if (result.getContainerKey() != null) {
            return "[" + result.getContainerKey() + "]";
        }
        return "";
    }

    private static String join(String base, String field) {
        if (base == null || base.isEmpty()) {
            return field;
        }
        if (field == null || field.isEmpty()) {
            return base;
        }
        return field.startsWith("[") ? base + field : base + "." + field;
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
