package com.creatorcommerce.platform.web;

import java.util.Optional;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Resolves {@link CurrentUser} (required: 401 without a token) and {@code Optional<CurrentUser>} controller
 * parameters from the security context. Nothing from the request body, path or headers is ever used.
 */
public class CurrentUserArgumentResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        if (parameter.getParameterType() == CurrentUser.class) {
            return true;
        }
        return parameter.getParameterType() == Optional.class
                && parameter.nestedIfOptional().getNestedParameterType() == CurrentUser.class;
    }

    @Override
    public Object resolveArgument(
            MethodParameter parameter,
            ModelAndViewContainer mavContainer,
            NativeWebRequest webRequest,
            WebDataBinderFactory binderFactory) {
        if (parameter.getParameterType() == Optional.class) {
            return CurrentUser.current();
        }
        return CurrentUser.require();
    }
}
