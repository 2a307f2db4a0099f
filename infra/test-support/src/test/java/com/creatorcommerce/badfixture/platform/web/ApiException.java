package com.creatorcommerce.badfixture.platform.web;

/** Stands in for the platform's {@code ApiException} (an HTTP problem). */
public class ApiException extends RuntimeException {

    public ApiException(String code) {
        super(code);
    }
}
