package com.creatorcommerce.platform.web.problem;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.introspect.BeanPropertyDefinition;

/**
 * Translates a Java property path from Bean Validation ({@code items[0].skuId}) into the names the client used in
 * its JSON ({@code items[0].sku_id}): {@code @JsonProperty}, {@code @JsonNaming} and the mapper's naming strategy
 * are honoured through Jackson's own introspection; where that is not possible the segment is converted to
 * snake_case, the platform's JSON convention.
 */
public final class JsonFieldNames {

    private record Property(String jsonName, JavaType type) {}

    private final ObjectMapper mapper;
    private final Map<JavaType, Map<String, Property>> cache = new ConcurrentHashMap<>();

    /** @param mapper the application's JSON mapper, or {@code null} for plain snake_case conversion */
    public JsonFieldNames(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The JSON path of {@code propertyPath} on an object of type {@code root}. */
    public String jsonPath(Class<?> root, String propertyPath) {
        if (propertyPath == null || propertyPath.isEmpty()) {
            return propertyPath;
        }
        JavaType type = root == null || mapper == null ? null : safeType(root);
        StringBuilder out = new StringBuilder();
        for (String segment : propertyPath.split("\\.")) {
            int bracket = segment.indexOf('[');
            String name = bracket < 0 ? segment : segment.substring(0, bracket);
            String suffix = bracket < 0 ? "" : segment.substring(bracket);
            if (!out.isEmpty() && !name.isEmpty()) {
                out.append('.');
            }
            Property property =
                    type == null || name.isEmpty() ? null : properties(type).get(name);
            out.append(property != null ? property.jsonName() : snakeCase(name)).append(suffix);
            type = property == null ? (name.isEmpty() ? type : null) : property.type();
            // each [..] steps into the element type of a collection, array or map
            for (int i = suffix.indexOf('['); i >= 0 && type != null; i = suffix.indexOf('[', i + 1)) {
                type = type.getContentType();
            }
        }
        return out.toString();
    }

    private JavaType safeType(Class<?> root) {
        try {
            return mapper.constructType(root);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private Map<String, Property> properties(JavaType type) {
        return cache.computeIfAbsent(type, t -> {
            Map<String, Property> byJavaName = new HashMap<>();
            try {
                BeanDescription description = mapper._deserializationContext().introspectBeanDescription(t);
                for (BeanPropertyDefinition property : description.findProperties()) {
                    byJavaName.putIfAbsent(
                            property.getInternalName(), new Property(property.getName(), property.getPrimaryType()));
                }
            } catch (RuntimeException e) {
                // not a bean Jackson can describe: fall back to snake_case
            }
            return Map.copyOf(byJavaName);
        });
    }

    /** {@code skuId} → {@code sku_id}, {@code validFrom} → {@code valid_from}; snake_case stays as it is. */
    public static String snakeCase(String name) {
        if (name == null || name.isEmpty()) {
            return name;
        }
        StringBuilder out = new StringBuilder(name.length() + 4);
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isUpperCase(c)) {
                boolean afterLowerOrDigit =
                        i > 0 && (Character.isLowerCase(name.charAt(i - 1)) || Character.isDigit(name.charAt(i - 1)));
                boolean acronymEnd = i > 0
                        && i + 1 < name.length()
                        && Character.isUpperCase(name.charAt(i - 1))
                        && Character.isLowerCase(name.charAt(i + 1));
                if (afterLowerOrDigit || acronymEnd) {
                    out.append('_');
                }
                out.append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
