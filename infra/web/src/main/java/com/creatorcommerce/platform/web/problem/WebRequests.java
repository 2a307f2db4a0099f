package com.creatorcommerce.platform.web.problem;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;

/** The request's path (a problem's {@code instance}) and its method and path for the log. */
final class WebRequests {

    private WebRequests() {}

    static String uri(WebRequest request) {
        HttpServletRequest servlet = servlet(request);
        return servlet != null ? servlet.getRequestURI() : null;
    }

    static String describe(WebRequest request) {
        HttpServletRequest servlet = servlet(request);
        return servlet != null ? servlet.getMethod() + " " + servlet.getRequestURI() : request.getDescription(false);
    }

    private static HttpServletRequest servlet(WebRequest request) {
        return request instanceof NativeWebRequest nativeRequest
                ? nativeRequest.getNativeRequest(HttpServletRequest.class)
                : null;
    }
}
