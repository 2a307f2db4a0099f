package com.creatorcommerce.contracts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The published language found by reflection: every class compiled under {@code com.creatorcommerce.contracts}, the
 * topic and type constants of its {@code *Topics} classes, its records, enums and code lists.
 */
final class ContractClasses {

    static final String BASE_PACKAGE = "com.creatorcommerce.contracts";

    /** A {@code public static final String} of a {@code *Topics} class. */
    record Constant(Class<?> owner, String field, String value) {

        /** The context the constant belongs to: its package's last segment ({@code coupon}). */
        String context() {
            String pkg = owner.getPackageName();
            return pkg.substring(pkg.lastIndexOf('.') + 1);
        }

        /**
         * The contexts its CloudEvents types may start with: the owner's {@code TYPE_CONTEXTS} (a
         * {@code public static final List<String>}, ADR 16) when it declares one, else only {@link #context()}.
         */
        List<String> typeContexts() {
            return ContractClasses.typeContexts(owner);
        }

        @Override
        public String toString() {
            return owner.getSimpleName() + "." + field + " (\"" + value + "\")";
        }
    }

    private final List<Class<?>> classes;

    private ContractClasses(List<Class<?>> classes) {
        this.classes = classes;
    }

    /** Scans the compiled main classes (a directory on the test class path, as under surefire). */
    static ContractClasses scan() {
        String resource = BASE_PACKAGE.replace('.', '/');
        List<Class<?>> found = new ArrayList<>();
        try {
            Enumeration<URL> roots = ContractClasses.class.getClassLoader().getResources(resource);
            while (roots.hasMoreElements()) {
                URL url = roots.nextElement();
                if (!"file".equals(url.getProtocol())) {
                    throw new IllegalStateException("Cannot scan " + url + ": the test expects the contracts as a"
                            + " class directory (target/classes), not a jar");
                }
                Path dir = Path.of(url.toURI());
                try (Stream<Path> files = Files.walk(dir)) {
                    for (Path file :
                            files.filter(f -> f.toString().endsWith(".class")).toList()) {
                        String relative = dir.relativize(file)
                                .toString()
                                .replace(file.getFileSystem().getSeparator(), ".");
                        String name = BASE_PACKAGE + "." + relative.substring(0, relative.length() - ".class".length());
                        if (name.endsWith("package-info") || name.contains("$")) {
                            continue;
                        }
                        Class<?> type = Class.forName(name);
                        if (!isTestClass(type)) {
                            found.add(type);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException | ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
        found.sort(Comparator.comparing(Class::getName));
        if (found.stream().noneMatch(c -> c.getSimpleName().endsWith("Topics"))) {
            throw new IllegalStateException("No *Topics class found under " + BASE_PACKAGE + " on the class path");
        }
        return new ContractClasses(List.copyOf(found));
    }

    /** Test classes share the base package; only main code is the published language. */
    private static boolean isTestClass(Class<?> type) {
        URL location = type.getProtectionDomain().getCodeSource() == null
                ? null
                : type.getProtectionDomain().getCodeSource().getLocation();
        return location != null && location.getPath().contains("/test-classes/");
    }

    List<Class<?>> all() {
        return classes;
    }

    List<Class<?>> topicsClasses() {
        return classes.stream()
                .filter(c -> c.getSimpleName().endsWith("Topics"))
                .toList();
    }

    /** Every {@code public static final String} of every {@code *Topics} class. */
    List<Constant> topicsConstants() {
        List<Constant> constants = new ArrayList<>();
        for (Class<?> topics : topicsClasses()) {
            constants.addAll(stringConstants(topics));
        }
        return constants;
    }

    /** Topic names: {@code <context>.events|commands|replies}. */
    List<Constant> topics() {
        return topicsConstants().stream().filter(ContractClasses::isTopic).toList();
    }

    /** CloudEvents types: {@code <context>.<name>.v<N>}, the context one of the class's type contexts (ADR 16). */
    List<Constant> types() {
        return topicsConstants().stream().filter(ContractClasses::isType).toList();
    }

    /** Constants of a {@code *Topics} class that are neither a topic nor a type of that class's context. */
    List<Constant> unrecognised() {
        return topicsConstants().stream().filter(c -> !isTopic(c) && !isType(c)).toList();
    }

    List<Class<?>> records() {
        return classes.stream().filter(Class::isRecord).toList();
    }

    List<Class<?>> enums() {
        return classes.stream().filter(Class::isEnum).toList();
    }

    /** Classes other than {@code *Topics} that only hold string constants, like {@code PaymentFailureCode}. */
    List<Class<?>> codeLists() {
        return classes.stream()
                .filter(c -> !c.isRecord() && !c.isEnum() && !c.isInterface())
                .filter(c -> !c.getSimpleName().endsWith("Topics"))
                .filter(c -> !stringConstants(c).isEmpty())
                .toList();
    }

    static List<Constant> stringConstants(Class<?> owner) {
        List<Constant> constants = new ArrayList<>();
        for (Field f : owner.getDeclaredFields()) {
            int m = f.getModifiers();
            if (Modifier.isPublic(m) && Modifier.isStatic(m) && Modifier.isFinal(m) && f.getType() == String.class) {
                try {
                    constants.add(new Constant(owner, f.getName(), (String) f.get(null)));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        constants.sort(Comparator.comparing(Constant::field));
        return constants;
    }

    private static boolean isTopic(Constant c) {
        return Pattern.matches(Pattern.quote(c.context()) + "\\.(events|commands|replies)", c.value());
    }

    /** Whether {@code c} is a CloudEvents type of its class (for tests of the rule). */
    static boolean isTypeConstant(Constant c) {
        return isType(c);
    }

    private static boolean isType(Constant c) {
        return c.typeContexts().stream()
                .anyMatch(context ->
                        Pattern.matches(Pattern.quote(context) + "\\.[a-z]+(-[a-z]+)*\\.v[1-9][0-9]*", c.value()));
    }

    /**
     * A {@code *Topics} class's type contexts: its own package's context first, then what its {@code TYPE_CONTEXTS}
     * adds. A declared list must hold the package's context (a class cannot disown it) and lowercase words only.
     */
    static List<String> typeContexts(Class<?> owner) {
        String pkg = owner.getPackageName();
        String own = pkg.substring(pkg.lastIndexOf('.') + 1);
        Field declared;
        try {
            declared = owner.getDeclaredField("TYPE_CONTEXTS");
        } catch (NoSuchFieldException e) {
            return List.of(own);
        }
        int m = declared.getModifiers();
        if (!Modifier.isPublic(m)
                || !Modifier.isStatic(m)
                || !Modifier.isFinal(m)
                || declared.getType() != List.class) {
            throw new IllegalStateException(
                    owner.getName() + ".TYPE_CONTEXTS must be a public static final List<String>");
        }
        List<?> values;
        try {
            values = (List<?>) declared.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
        List<String> contexts = new ArrayList<>();
        for (Object v : values) {
            if (!(v instanceof String s) || !s.matches("[a-z]+")) {
                throw new IllegalStateException(
                        owner.getName() + ".TYPE_CONTEXTS holds '" + v + "': a context is one lowercase word");
            }
            contexts.add(s);
        }
        if (!contexts.contains(own)) {
            throw new IllegalStateException(
                    owner.getName() + ".TYPE_CONTEXTS must include its own context '" + own + "'");
        }
        return List.copyOf(contexts);
    }
}
