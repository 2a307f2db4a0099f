package com.creatorcommerce.platform.web.problem;

import com.creatorcommerce.platform.web.ProblemCodes;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.ObjectMapper;

/**
 * Refuses what would otherwise fail deep inside a filter or an argument resolver as a 500, before anything reads the
 * request; runs before Spring Security, so the answer does not depend on the token:
 * <ul>
 *   <li>a query string that is not valid percent-encoded UTF-8 ({@code %FF}, a lone surrogate encoded as bytes
 *       {@code %ED%A0%80}, {@code %zz}): 400 {@code MALFORMED_REQUEST} (Tomcat throws from the first
 *       {@code getParameter} call);
 *   <li>a {@code Content-Type} that is not a media type, or a wildcard ({@code *}{@code /*}): 415
 *       {@code UNSUPPORTED_MEDIA_TYPE} (Spring refuses to build the request's headers from it);
 *   <li>a declared {@code Content-Length} above {@code platform.web.max-request-size} (1 MB, as the gateway): 413
 *       {@code PAYLOAD_TOO_LARGE} with {@code max_bytes}.
 * </ul>
 */
public class MalformedRequestFilter extends OncePerRequestFilter {

    static final String QUERY_DETAIL = "The query string is not valid percent-encoded UTF-8.";
    static final String CONTENT_TYPE_DETAIL = "The Content-Type is not a concrete media type.";

    private final ObjectMapper mapper;
    private final long maxRequestBytes;

    /** @param maxRequestBytes largest declared {@code Content-Length} accepted ({@code platform.web.max-request-size}) */
    public MalformedRequestFilter(ObjectMapper mapper, long maxRequestBytes) {
        this.mapper = mapper;
        this.maxRequestBytes = maxRequestBytes;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String query = request.getQueryString();
        if (query != null && !isValidQuery(query)) {
            Problems.write(
                    response,
                    Problems.of(
                            HttpStatus.BAD_REQUEST,
                            ProblemCodes.MALFORMED_REQUEST,
                            QUERY_DETAIL,
                            request.getRequestURI()),
                    mapper);
            return;
        }
        String contentType = request.getContentType();
        if (contentType != null && !isConcreteMediaType(contentType)) {
            Problems.write(
                    response,
                    Problems.of(
                            HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                            ProblemCodes.UNSUPPORTED_MEDIA_TYPE,
                            CONTENT_TYPE_DETAIL,
                            request.getRequestURI()),
                    mapper);
            return;
        }
        if (request.getContentLengthLong() > maxRequestBytes) {
            // answered before the body is read; the container then reads and discards the rest up to
            // server.tomcat.max-swallow-size, so that a client still sending sees this answer, not a reset
            ProblemDetail problem = Problems.of(
                    HttpStatus.CONTENT_TOO_LARGE,
                    ProblemCodes.PAYLOAD_TOO_LARGE,
                    "The request body is larger than " + maxRequestBytes + " bytes.",
                    request.getRequestURI());
            problem.setProperty("max_bytes", maxRequestBytes);
            Problems.write(response, problem, mapper);
            return;
        }
        chain.doFilter(request, response);
    }

    static boolean isConcreteMediaType(String contentType) {
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return !type.isWildcardType() && !type.isWildcardSubtype();
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }

    /** Every {@code %} starts two hex digits, and the decoded bytes are UTF-8 (no surrogates, no overlongs). */
    public static boolean isValidQuery(String query) {
        byte[] bytes = new byte[query.length()];
        int n = 0;
        boolean escaped = false;
        for (int i = 0; i < query.length(); i++) {
            char c = query.charAt(i);
            if (c == '%') {
                if (i + 2 >= query.length()) {
                    return false;
                }
                int high = Character.digit(query.charAt(i + 1), 16);
                int low = Character.digit(query.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    return false;
                }
                bytes[n++] = (byte) (high << 4 | low);
                escaped = true;
                i += 2;
            } else if (c > 0x7f) {
                return false; // the container decoded raw bytes as ISO-8859-1: not a valid request target
            } else {
                bytes[n++] = (byte) c;
            }
        }
        if (!escaped) {
            return true;
        }
        try {
            StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, 0, n));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
