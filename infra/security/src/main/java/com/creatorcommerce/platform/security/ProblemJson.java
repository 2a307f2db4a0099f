package com.creatorcommerce.platform.security;

import java.nio.charset.StandardCharsets;

/** A minimal RFC 9457 body for security rejections, written before any MVC/WebFlux machinery is involved. */
public final class ProblemJson {

    public static final String MEDIA_TYPE = "application/problem+json";

    private ProblemJson() {
    }

    public static byte[] body(int status, String title, String code, String detail, String instance) {
        String json = "{\"type\":\"about:blank\",\"title\":\"" + escape(title) + "\",\"status\":" + status
                + ",\"detail\":\"" + escape(detail) + "\",\"code\":\"" + escape(code) + "\""
                + (instance == null ? "" : ",\"instance\":\"" + escape(instance) + "\"") + "}";
        return json.getBytes(StandardCharsets.UTF_8);
    }

    static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }
}
