package com.creatorcommerce.platform.openapi;

import com.creatorcommerce.platform.web.CurrentUser;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springdoc.core.customizers.GlobalOperationCustomizer;
import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.method.HandlerMethod;

/**
 * Per operation, from the controller method: the caller ({@link CurrentUser}, {@code Optional<CurrentUser>}) is no
 * parameter of the API; a stable {@code operationId} and a summary when the method declares none; the problems it
 * declares with {@link ProblemResponse}.
 */
class PlatformOperationCustomizer implements GlobalOperationCustomizer {

    /** Marks an operation whose caller is optional ({@code Optional<CurrentUser>}); read and removed later. */
    static final String OPTIONAL_CALLER = "x-platform-optional-caller";

    private final boolean openapi31;

    PlatformOperationCustomizer(boolean openapi31) {
        this.openapi31 = openapi31;
    }

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        if (dropCaller(operation, handler)) {
            operation.addExtension(OPTIONAL_CALLER, true);
        }
        io.swagger.v3.oas.annotations.Operation declared = AnnotatedElementUtils.findMergedAnnotation(
                handler.getMethod(), io.swagger.v3.oas.annotations.Operation.class);
        if (declared == null || declared.operationId().isBlank()) {
            operation.setOperationId(operationId(handler));
        }
        if (operation.getSummary() == null || operation.getSummary().isBlank()) {
            operation.setSummary(humanize(handler.getMethod().getName()));
        }
        List<ProblemResponse> problems = new ArrayList<>();
        problems.addAll(AnnotatedElementUtils.findMergedRepeatableAnnotations(
                handler.getBeanType(), ProblemResponse.class, ProblemResponse.List.class));
        problems.addAll(AnnotatedElementUtils.findMergedRepeatableAnnotations(
                handler.getMethod(), ProblemResponse.class, ProblemResponse.List.class));
        for (ProblemResponse problem : problems) {
            ProblemResponses.add(
                    operation, problem.status(), Arrays.asList(problem.codes()), problem.description(), openapi31);
        }
        return operation;
    }

    /** {@code <controller without "Controller">} + {@code <Method>}: {@code sagaOpsRetry}. */
    static String operationId(HandlerMethod handler) {
        String type = handler.getBeanType().getSimpleName().replaceFirst("Controller$", "");
        String method = handler.getMethod().getName();
        return Character.toLowerCase(type.charAt(0))
                + type.substring(1)
                + Character.toUpperCase(method.charAt(0))
                + method.substring(1);
    }

    /** {@code deadLetters} → {@code Dead letters}. */
    static String humanize(String name) {
        String words = name.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** Removes the caller parameters; true when the caller is optional. */
    private static boolean dropCaller(Operation operation, HandlerMethod handler) {
        Set<String> callers = new HashSet<>();
        boolean optional = false;
        for (MethodParameter parameter : handler.getMethodParameters()) {
            if (isCaller(parameter)) {
                optional |= parameter.getParameterType() == Optional.class;
                parameter.initParameterNameDiscovery(new org.springframework.core.DefaultParameterNameDiscoverer());
                if (parameter.getParameterName() != null) {
                    callers.add(parameter.getParameterName());
                }
            }
        }
        List<Parameter> parameters = operation.getParameters();
        if (!callers.isEmpty() && parameters != null) {
            parameters.removeIf(p -> "query".equals(p.getIn()) && callers.contains(p.getName()));
            if (parameters.isEmpty()) {
                operation.setParameters(null);
            }
        }
        return optional;
    }

    static boolean isCaller(MethodParameter parameter) {
        Class<?> type = parameter.getParameterType();
        if (type == CurrentUser.class) {
            return true;
        }
        return type == Optional.class
                && ResolvableType.forMethodParameter(parameter).getGeneric(0).resolve() == CurrentUser.class;
    }
}
