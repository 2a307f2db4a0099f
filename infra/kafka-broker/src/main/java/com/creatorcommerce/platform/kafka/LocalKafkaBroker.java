package com.creatorcommerce.platform.kafka;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

/**
 * A real single-node Kafka (KRaft, combined broker + controller) whose listeners are bound to 127.0.0.1 only.
 *
 * <p>Storage is formatted on first start and reused afterwards. Used in-process by test-support and as its own
 * process by the local devstack ({@link #main}).
 */
public final class LocalKafkaBroker implements AutoCloseable {

    public static final String HOST = "127.0.0.1";

    private final KafkaRaftServer server;
    private final int port;

    private LocalKafkaBroker(KafkaRaftServer server, int port) {
        this.server = server;
        this.port = port;
    }

    /** Formats {@code dataDir} if it is new and starts the broker; {@code 0} ports pick free ones. */
    public static LocalKafkaBroker start(Path dataDir, int port, int controllerPort, Map<String, String> overrides) {
        int brokerPort = port == 0 ? freePort() : port;
        int ctrlPort = controllerPort == 0 ? freePort() : controllerPort;
        try {
            Files.createDirectories(dataDir);
            Path logDir = dataDir.resolve("kraft-logs");
            Map<String, String> config = config(logDir, brokerPort, ctrlPort);
            config.putAll(overrides);
            Path configFile = dataDir.resolve("server.properties");
            writeProperties(config, configFile);
            format(logDir, configFile);
            Properties props = new Properties();
            props.putAll(config);
            KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(props), Time.SYSTEM);
            server.startup();
            return new LocalKafkaBroker(server, brokerPort);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String bootstrapServers() {
        return HOST + ":" + port;
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
    }

    static Map<String, String> config(Path logDir, int port, int controllerPort) {
        Map<String, String> c = new TreeMap<>();
        c.put("process.roles", "broker,controller");
        c.put("node.id", "1");
        c.put("controller.quorum.voters", "1@" + HOST + ":" + controllerPort);
        c.put("listeners", "PLAINTEXT://" + HOST + ":" + port + ",CONTROLLER://" + HOST + ":" + controllerPort);
        c.put("advertised.listeners", "PLAINTEXT://" + HOST + ":" + port);
        c.put("controller.listener.names", "CONTROLLER");
        c.put("inter.broker.listener.name", "PLAINTEXT");
        c.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        c.put("log.dirs", logDir.toString());
        c.put(
                "num.partitions",
                "6"); // what the services declare: a topic a consumer auto-creates first needs no growth
        c.put("auto.create.topics.enable", "true");
        c.put("offsets.topic.replication.factor", "1");
        c.put("offsets.topic.num.partitions", "5");
        c.put("transaction.state.log.replication.factor", "1");
        c.put("transaction.state.log.min.isr", "1");
        c.put("share.coordinator.state.topic.replication.factor", "1");
        c.put("share.coordinator.state.topic.min.isr", "1");
        c.put("group.initial.rebalance.delay.ms", "0");
        return c;
    }

    private static void format(Path logDir, Path configFile) {
        if (Files.exists(logDir.resolve("meta.properties"))) {
            return;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int rc = StorageTool.execute(
                new String[] {
                    "format",
                    "--cluster-id",
                    Uuid.randomUuid().toString(),
                    "--config",
                    configFile.toString(),
                    "--ignore-formatted"
                },
                new PrintStream(out, true, StandardCharsets.UTF_8));
        if (rc != 0) {
            throw new IllegalStateException("Formatting Kafka storage failed: " + out.toString(StandardCharsets.UTF_8));
        }
    }

    private static void writeProperties(Map<String, String> config, Path file) throws IOException {
        try (Writer w = Files.newBufferedWriter(file)) {
            for (Map.Entry<String, String> e : config.entrySet()) {
                w.write(e.getKey() + "=" + e.getValue() + System.lineSeparator());
            }
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Runs the broker in the foreground until the process is stopped.
     * Arguments: {@code <data-dir> [port=9092] [controller-port=9093]}.
     */
    public static void main(String[] args) throws InterruptedException {
        if (args.length < 1) {
            System.err.println("usage: LocalKafkaBroker <data-dir> [port] [controller-port]");
            System.exit(2);
        }
        int port = args.length > 1 ? Integer.parseInt(args[1]) : 9092;
        int controllerPort = args.length > 2 ? Integer.parseInt(args[2]) : 9093;
        LocalKafkaBroker broker = start(Path.of(args[0]), port, controllerPort, Map.of());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            broker.close();
                            stopped.countDown();
                        },
                        "kafka-broker-shutdown"));
        System.out.println("Kafka broker ready on " + broker.bootstrapServers());
        stopped.await();
    }
}
