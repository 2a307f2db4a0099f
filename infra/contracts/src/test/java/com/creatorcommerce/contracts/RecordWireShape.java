package com.creatorcommerce.contracts;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * A record's JSON shape as the services write it: Jackson 3 with snake_case names (what
 * {@code spring.jackson.property-naming-strategy=SNAKE_CASE} configures), so that explicit {@code @JsonProperty}
 * names and {@code @JsonFormat(shape = STRING)} ids count exactly as on the wire.
 *
 * <p>A sample instance with a non-null value in every component is written; each component is then changed alone to
 * see which JSON property carries it.
 */
final class RecordWireShape {

    static final JsonMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .build();

    /** What a JSON value was written as. */
    enum Kind {
        STRING,
        NUMBER,
        BOOLEAN,
        OTHER;

        static Kind of(Object value) {
            return value instanceof String
                    ? STRING
                    : value instanceof Number ? NUMBER : value instanceof Boolean ? BOOLEAN : OTHER;
        }
    }

    /**
     * One JSON property of the record.
     *
     * @param component the record component it carries; null when it carries none (e.g. a derived getter)
     */
    record Property(String json, RecordComponent component, Kind kind) {

        String componentLabel() {
            return component == null
                    ? "(no component)"
                    : component.getDeclaringRecord().getSimpleName() + "." + component.getName() + " ("
                            + component.getType().getSimpleName() + ")";
        }
    }

    /** The JSON properties in written order, and the problems that kept a component from being mapped. */
    record Shape(List<Property> properties, List<String> problems) {

        Map<String, Property> byJsonName() {
            Map<String, Property> map = new LinkedHashMap<>();
            properties.forEach(p -> map.put(p.json(), p));
            return map;
        }
    }

    private RecordWireShape() {}

    static Shape of(Class<?> recordType) {
        List<String> problems = new ArrayList<>();
        RecordComponent[] components = recordType.getRecordComponents();
        Object[] base = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            try {
                base[i] = sample(components[i].getType(), i, false);
            } catch (IllegalArgumentException e) {
                problems.add(recordType.getSimpleName() + "." + components[i].getName() + ": " + e.getMessage());
                return new Shape(List.of(), problems);
            }
        }
        Map<String, Object> written = write(recordType, base);
        Map<String, RecordComponent> carriedBy = new LinkedHashMap<>();
        for (int i = 0; i < components.length; i++) {
            Object[] changed = base.clone();
            changed[i] = sample(components[i].getType(), i, true);
            Map<String, Object> other = write(recordType, changed);
            List<String> differing = written.keySet().stream()
                    .filter(k -> !Objects.equals(written.get(k), other.get(k)))
                    .toList();
            if (differing.size() == 1) {
                carriedBy.put(differing.getFirst(), components[i]);
            } else if (differing.isEmpty()) {
                problems.add(recordType.getSimpleName() + "." + components[i].getName()
                        + " is not written to JSON (ignored?): it cannot be part of the published language");
            } else {
                problems.add(recordType.getSimpleName() + "." + components[i].getName()
                        + " changes several JSON properties " + differing + "; the test cannot map it");
            }
        }
        List<Property> properties = new ArrayList<>();
        written.forEach((name, value) -> properties.add(new Property(name, carriedBy.get(name), Kind.of(value))));
        return new Shape(properties, problems);
    }

    /** The JSON text Jackson writes for {@code value} (an enum constant: its quoted name, or @JsonValue...). */
    static String writeValue(Object value) {
        return JSON.writeValueAsString(value);
    }

    private static Map<String, Object> write(Class<?> recordType, Object[] args) {
        Class<?>[] types = Arrays.stream(recordType.getRecordComponents())
                .map(RecordComponent::getType)
                .toArray(Class<?>[]::new);
        try {
            Constructor<?> canonical = recordType.getDeclaredConstructor(types);
            canonical.setAccessible(true);
            Object instance = canonical.newInstance(args);
            @SuppressWarnings("unchecked")
            Map<String, Object> map = JSON.readValue(JSON.writeValueAsString(instance), LinkedHashMap.class);
            return map;
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(
                    "The canonical constructor of " + recordType.getSimpleName()
                            + " refused the test's sample values " + Arrays.toString(args)
                            + "; teach RecordWireShape.sample"
                            + " a value it accepts",
                    e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A non-null sample; {@code alternative} gives a different value of the same type. */
    static Object sample(Class<?> type, int index, boolean alternative) {
        int n = alternative ? 1000 + index : 1 + index;
        if (type == long.class || type == Long.class) {
            return (long) n;
        }
        if (type == int.class || type == Integer.class) {
            return n;
        }
        if (type == boolean.class || type == Boolean.class) {
            return !alternative;
        }
        if (type == String.class) {
            return "sample-" + n;
        }
        if (type == Instant.class) {
            return Instant.parse("2026-01-02T03:04:05Z").plusSeconds(n);
        }
        if (type.isEnum()) {
            Object[] constants = type.getEnumConstants();
            if (constants.length < 2) {
                throw new IllegalArgumentException("enum " + type.getSimpleName() + " has fewer than two values;"
                        + " teach RecordWireShape.sample how to vary it");
            }
            return constants[alternative ? 1 : 0];
        }
        throw new IllegalArgumentException("type " + type.getName() + " is not known to RecordWireShape.sample and"
                + " AsyncApiChecks.expectedShape; teach them how it is written to JSON");
    }
}
