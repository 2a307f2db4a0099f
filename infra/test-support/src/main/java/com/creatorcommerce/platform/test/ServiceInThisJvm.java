package com.creatorcommerce.platform.test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts one real service in this JVM as it would run on its own: its own {@code application.yml} and its own
 * {@code db/migration} scripts, both read from the service's jar (or classes folder) — on this classpath
 * {@code classpath:application.yml} and {@code classpath:db/migration} would mix every service's — plus a fresh
 * database on the test server, the JVM's broker and the test JWT keys ({@link RealInfrastructureInitializer}), on a
 * random port. Closed by the JVM's shutdown hook, which drops its database.
 */
public final class ServiceInThisJvm {

    private ServiceInThisJvm() {}

    /** @param args more {@code --name=value} properties (tests' settings, e.g. the PG's URL) */
    public static ConfigurableApplicationContext start(Class<?> application, String... args) {
        Path home = home(application);
        List<String> all = new ArrayList<>(List.of(
                "--spring.config.location=" + ownResource(application, home, "application.yml"),
                "--spring.flyway.locations=filesystem:" + ownMigrations(home),
                "--server.port=0"));
        all.addAll(List.of(args));
        return new SpringApplicationBuilder(application)
                .initializers(new RealInfrastructureInitializer())
                .run(all.toArray(String[]::new));
    }

    /** The jar or classes folder the service's classes come from. */
    private static Path home(Class<?> application) {
        try {
            return Path.of(application
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String ownResource(Class<?> application, Path home, String name) {
        String prefix =
                application.getProtectionDomain().getCodeSource().getLocation().toString();
        try {
            for (URL url : Collections.list(application.getClassLoader().getResources(name))) {
                String u = url.toString();
                if (u.startsWith(prefix) || u.startsWith("jar:" + prefix)) {
                    return u;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalStateException(
                name + " of " + application.getSimpleName() + " is not on the classpath (" + home + ")");
    }

    /** The service's {@code db/migration} folder: as it is in a classes folder, copied out of a jar. */
    private static Path ownMigrations(Path home) {
        if (Files.isDirectory(home)) {
            return home.resolve("db/migration");
        }
        try (JarFile jar = new JarFile(home.toFile())) {
            Path target = Files.createTempDirectory("migrations-");
            target.toFile().deleteOnExit();
            for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
                JarEntry entry = entries.nextElement();
                String name = entry.getName();
                if (!entry.isDirectory() && name.startsWith("db/migration/")) {
                    Path file = target.resolve(name.substring("db/migration/".length()));
                    Files.createDirectories(file.getParent());
                    try (InputStream in = jar.getInputStream(entry)) {
                        Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
                    }
                    file.toFile().deleteOnExit();
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
