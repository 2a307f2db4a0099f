package com.creatorcommerce.coupon;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Package rules of the hexagon, checked on the compiled classes (every type a class refers to is named in its
 * constant pool): the domain depends on nothing of Spring, the platform or the outer layers; the application does
 * not know its adapters.
 */
class ArchitectureTest {

    private static final String BASE = "com/creatorcommerce/coupon/";

    private static Map<String, String> classes(String pkg) {
        try {
            Path root = Path.of(ArchitectureTest.class.getResource("/" + BASE + "CouponServiceApplication.class")
                    .toURI()).getParent();
            Map<String, String> result = new TreeMap<>();
            try (Stream<Path> files = Files.walk(root.resolve(pkg))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                    result.put(root.relativize(file).toString(),
                            new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
                }
            }
            assertThat(result).as("classes in " + pkg).isNotEmpty();
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void assertNoReferences(String pkg, List<String> forbidden) {
        classes(pkg).forEach((name, bytes) -> forbidden.forEach(f ->
                assertThat(bytes).as(name + " must not depend on " + f).doesNotContain(f)));
    }

    @Test
    void theDomainDependsOnNothingButJakartaPersistence() {
        assertNoReferences("domain", List.of("org/springframework/", "com/creatorcommerce/platform/",
                "com/creatorcommerce/contracts/", BASE + "application/", BASE + "adapter/", BASE + "config/",
                "tools/jackson/"));
    }

    @Test
    void theApplicationDoesNotKnowItsAdaptersOrTheWeb() {
        assertNoReferences("application", List.of(BASE + "adapter/", BASE + "config/",
                "com/creatorcommerce/platform/web/", "org/springframework/web/", "jakarta/persistence/"));
    }

    @Test
    void noOtherServicesInternalsAreUsed() {
        for (String other : List.of("order", "point", "payment", "credit", "gateway")) {
            assertNoReferences("", List.of("com/creatorcommerce/" + other + "/"));
        }
    }
}
