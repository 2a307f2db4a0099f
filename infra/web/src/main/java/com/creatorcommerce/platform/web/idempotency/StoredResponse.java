package com.creatorcommerce.platform.web.idempotency;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The first response to an idempotent request, as recorded for replay.
 *
 * @param headers replayed headers (name, value) such as {@code Location}; content type and length are separate
 */
public record StoredResponse(int status, String contentType, List<Map.Entry<String, String>> headers, byte[] body) {

    public StoredResponse {
        headers = headers == null ? List.of() : List.copyOf(headers);
        body = body == null ? new byte[0] : body;
    }

    /** {@code Name: value} lines. */
    String headerText() {
        if (headers.isEmpty()) {
            return null;
        }
        StringBuilder text = new StringBuilder();
        headers.forEach(
                h -> text.append(h.getKey()).append(": ").append(h.getValue()).append('\n'));
        return text.toString();
    }

    static List<Map.Entry<String, String>> parseHeaders(String text) {
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        if (text != null) {
            for (String line : text.split("\n")) {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    headers.add(Map.entry(
                            line.substring(0, colon), line.substring(colon + 1).strip()));
                }
            }
        }
        return headers;
    }
}
