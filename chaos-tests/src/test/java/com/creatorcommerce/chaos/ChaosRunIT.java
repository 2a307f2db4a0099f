package com.creatorcommerce.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The short chaos run (issue 16) on a stack of its own ({@link ProcessStack}: the apps' Boot jars, the broker and
 * the mock PG as processes, own ports, own schemas): two minutes of mixed load through the gateway while
 * order-service (the saga orchestrator) and then the Kafka broker are killed with SIGKILL and restarted; then every
 * check of the report passes (nothing lost, nothing duplicated, ledgers and money consistent, no parked row, no dead
 * letter).
 */
class ChaosRunIT {

    @Test
    void twoMinutesOfLoadWithAServiceAndTheBrokerKilledLoseAndDuplicateNothing() throws Exception {
        Path root = Path.of(System.getProperty("chaos.root", ".."));
        Path state = Path.of(System.getProperty("chaos.state", "target/chaos-stack"));
        try (ProcessStack stack = new ProcessStack(root, state)) {
            stack.start();
            ChaosRun.Config config = ChaosRun.Config.of(Duration.ofMinutes(2), List.of("order-service", "kafka"))
                    .withRate(4)
                    .withQuiesceTimeout(Duration.ofMinutes(5));
            Report report = new ChaosRun(stack, config, System.out).run();
            System.out.print(report.text());

            assertThat(report.faults()).as("faults injected").isEqualTo(2);
            assertThat(report.accepted()).as("requests accepted").isPositive();
            assertThat(report.failed())
                    .as("failed checks (logs in %s)\n%s", stack.state(), report.text())
                    .isZero();
        }
    }
}
