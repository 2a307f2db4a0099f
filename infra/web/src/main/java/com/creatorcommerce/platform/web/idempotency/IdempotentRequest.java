package com.creatorcommerce.platform.web.idempotency;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.TreeMap;
import org.springframework.http.MediaType;

/**
 * What makes two requests under one {@code Idempotency-Key} "the same request": the key's format, and a hash of the
 * method, the path with its query string and the body (read once and kept for the handler; a form by its parameters
 * in a canonical order, since the container parses a form body itself).
 *
 * @param request the request to hand on (the body read here can be read again from it)
 * @param hash SHA-256 (hex) of method, path, query and body
 */
record IdempotentRequest(HttpServletRequest request, String hash) {

    static final int MAX_KEY_LENGTH = 255;

    /**
     * Reads the body of {@code request} (at most {@code maxBytes}) and hashes it.
     *
     * @throws CachedBodyRequest.TooLargeException when the body is larger
     */
    static IdempotentRequest read(HttpServletRequest request, long maxBytes) throws IOException {
        if (hasType(request, MediaType.APPLICATION_FORM_URLENCODED)) {
            return new IdempotentRequest(request, hash(request, formBytes(request)));
        }
        CachedBodyRequest cached = CachedBodyRequest.read(request, maxBytes);
        return new IdempotentRequest(cached, hash(request, cached.body()));
    }

    /** 1..255 printable ASCII characters (space allowed inside, not at either end). */
    static boolean isValidKey(String key) {
        if (key == null
                || key.isEmpty()
                || key.length() > MAX_KEY_LENGTH
                || key.charAt(0) == ' '
                || key.charAt(key.length() - 1) == ' ') {
            return false;
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                return false;
            }
        }
        return true;
    }

    /** Multipart bodies are not hashed: such a request cannot carry a key. */
    static boolean isMultipart(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/");
    }

    /** SHA-256 (hex) of the method, the path with its query string and the body. */
    static String hash(HttpServletRequest request, byte[] body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            String query = request.getQueryString();
            String target =
                    request.getMethod() + ' ' + request.getRequestURI() + (query == null ? "" : "?" + query) + '\n';
            digest.update(target.getBytes(StandardCharsets.UTF_8));
            digest.update(body);
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A form's parameters in a canonical order. */
    private static byte[] formBytes(HttpServletRequest request) {
        StringBuilder text = new StringBuilder();
        new TreeMap<>(request.getParameterMap()).forEach((name, values) -> {
            for (String value : values) {
                text.append(name).append('=').append(value).append('&');
            }
        });
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static boolean hasType(HttpServletRequest request, MediaType type) {
        String contentType = request.getContentType();
        if (contentType == null) {
            return false;
        }
        try {
            return type.includes(MediaType.parseMediaType(contentType));
        } catch (RuntimeException e) {
            return false;
        }
    }
}
