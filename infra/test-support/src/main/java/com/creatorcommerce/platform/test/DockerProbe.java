package com.creatorcommerce.platform.test;

import org.testcontainers.DockerClientFactory;

/** Whether a Docker engine is reachable (asked once per JVM). {@code SUITE_TEST_DOCKER=false} skips the probe. */
final class DockerProbe {

    private static volatile Boolean available;

    private DockerProbe() {}

    static boolean available() {
        if (available == null) {
            synchronized (DockerProbe.class) {
                if (available == null) {
                    String forced = System.getenv("SUITE_TEST_DOCKER");
                    if ("false".equalsIgnoreCase(forced)) {
                        available = false;
                    } else {
                        boolean ok;
                        try {
                            ok = DockerClientFactory.instance().isDockerAvailable();
                        } catch (RuntimeException | LinkageError e) {
                            ok = false;
                        }
                        available = ok;
                    }
                }
            }
        }
        return available;
    }
}
