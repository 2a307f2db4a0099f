package com.creatorcommerce.platform.web.testapp;

import com.creatorcommerce.platform.web.ApiException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/** Fails outside Spring MVC, so that the error page has to answer. */
@Component
class FailingFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        switch (request.getRequestURI()) {
            case "/v1/public/filter-boom" ->
                throw new IllegalStateException("secret: jdbc:mariadb://db.internal:3306 password=hunter2");
            case "/v1/public/filter-rate-limited" ->
                throw new ApiException(HttpStatus.TOO_MANY_REQUESTS, "RATE_LIMITED", "Slow down.");
            default -> chain.doFilter(request, response);
        }
    }
}
