package com.creatorcommerce.contracts;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * {@code docs/asyncapi.yaml} as plain maps and lists, with local {@code $ref} (JSON pointer) resolution. Mutable
 * through {@link #copy()} so that tests can prove the checks notice a drift.
 */
final class AsyncApiDocument {

    /** From the module directory (surefire's working directory) to the project's docs. */
    static final Path DEFAULT_PATH = Path.of("..", "..", "docs", "asyncapi.yaml");

    private final Map<String, Object> root;

    private AsyncApiDocument(Map<String, Object> root) {
        this.root = root;
    }

    static AsyncApiDocument load() {
        Path path = DEFAULT_PATH.toAbsolutePath().normalize();
        if (!Files.isRegularFile(path)) {
            throw new IllegalStateException("No AsyncAPI document at " + path + " (the test expects docs/asyncapi.yaml"
                    + " two levels above the infra/contracts module; working directory "
                    + Path.of("").toAbsolutePath()
                    + ")");
        }
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            Object loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
            if (!(loaded instanceof Map<?, ?> map)) {
                throw new IllegalStateException(path + " is not a YAML mapping");
            }
            return new AsyncApiDocument(asMap(map));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + path, e);
        }
    }

    /** A deep copy, to mutate in a test. */
    AsyncApiDocument copy() {
        return new AsyncApiDocument(asMap((Map<?, ?>) deepCopy(root)));
    }

    Map<String, Object> root() {
        return root;
    }

    /** The mapping at {@code path} (keys from the root), empty when absent or not a mapping. */
    Map<String, Object> map(String... path) {
        Object node = root;
        for (String key : path) {
            if (!(node instanceof Map<?, ?> m)) {
                return Map.of();
            }
            node = m.get(key);
        }
        return node instanceof Map<?, ?> m ? asMap(m) : Map.of();
    }

    /** The node a local {@code $ref} points to ({@code #/components/schemas/Id}), empty when it does not resolve. */
    Optional<Object> pointer(String ref) {
        if (!ref.startsWith("#/")) {
            return Optional.empty();
        }
        Object node = root;
        for (String raw : ref.substring(2).split("/", -1)) {
            String key = raw.replace("~1", "/").replace("~0", "~");
            if (node instanceof Map<?, ?> m && m.containsKey(key)) {
                node = m.get(key);
            } else if (node instanceof List<?> l && key.matches("\\d+") && Integer.parseInt(key) < l.size()) {
                node = l.get(Integer.parseInt(key));
            } else {
                return Optional.empty();
            }
        }
        return Optional.ofNullable(node);
    }

    /** Follows {@code $ref} chains; a node without {@code $ref} is returned as it is. */
    Object resolve(Object node) {
        Object current = node;
        for (int hops = 0; hops < 20; hops++) {
            if (!(current instanceof Map<?, ?> m) || !(m.get("$ref") instanceof String ref)) {
                return current;
            }
            current = pointer(ref).orElseThrow(() -> new IllegalArgumentException("Unresolvable $ref " + ref));
        }
        throw new IllegalArgumentException("$ref cycle at " + node);
    }

    /** {@link #resolve(Object)} as a mapping (empty when it is not one). */
    Map<String, Object> resolveMap(Object node) {
        return resolve(node) instanceof Map<?, ?> m ? asMap(m) : Map.of();
    }

    /** Every {@code $ref} value in the document with the JSON path where it occurs. */
    List<Map.Entry<String, String>> refs() {
        List<Map.Entry<String, String>> refs = new ArrayList<>();
        collectRefs(root, "", refs);
        return refs;
    }

    private static void collectRefs(Object node, String at, List<Map.Entry<String, String>> refs) {
        if (node instanceof Map<?, ?> m) {
            m.forEach((k, v) -> {
                if ("$ref".equals(k)) {
                    refs.add(Map.entry(at, String.valueOf(v)));
                } else {
                    collectRefs(v, at + "/" + k, refs);
                }
            });
        } else if (node instanceof List<?> l) {
            for (int i = 0; i < l.size(); i++) {
                collectRefs(l.get(i), at + "/" + i, refs);
            }
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> asMap(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }

    static List<Object> asList(Object node) {
        return node instanceof List<?> l ? new ArrayList<>(l) : List.of();
    }

    private static Object deepCopy(Object node) {
        if (node instanceof Map<?, ?> m) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            m.forEach((k, v) -> copy.put(k, deepCopy(v)));
            return copy;
        }
        if (node instanceof List<?> l) {
            List<Object> copy = new ArrayList<>();
            l.forEach(v -> copy.add(deepCopy(v)));
            return copy;
        }
        return node;
    }
}
