package org.hotline.cluster;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hotline.live.Wire;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Hotline nodes as separate processes with the cluster profile, sharing this machine's PostgreSQL
 * (a schema of their own in database test) and RabbitMQ's STOMP plugin, as an operator runs them. A
 * node can be killed (SIGKILL, no shutdown hook) and started again. Without the services the tests
 * are skipped with the reason printed, except under CI=true where a missing service fails them.
 */
final class ClusterNodes implements AutoCloseable {

    static final String DATABASE = "jdbc:postgresql://127.0.0.1:5432/test";
    static final String DB_USER = "postgres";
    private static final Pattern READY = Pattern.compile("Hotline is ready: open http://localhost:(\\d+)/");

    final String schema = "hotline_cluster_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    private final List<Node> nodes = new ArrayList<>();
    private final Path logs;

    ClusterNodes() throws IOException {
        logs = Files.createDirectories(Path.of("target", "cluster", schema));
    }

    static void requireServices(String test) {
        String missing = null;
        try (Connection ignored = DriverManager.getConnection(DATABASE, DB_USER, "")) {
            if (!answers(61613)) {
                missing = "RabbitMQ's STOMP plugin does not answer at 127.0.0.1:61613 (rabbitmq-plugins enable rabbitmq_stomp)";
            }
        } catch (SQLException e) {
            missing = "PostgreSQL at " + DATABASE + " is not reachable (" + e.getMessage() + ")";
        }
        if (missing != null) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail(missing + "; CI=true requires it");
            }
            System.out.println("SKIPPED " + test + ": " + missing);
            Assumptions.abort(missing);
        }
    }

    static boolean answers(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** A node process; its port is known once it printed its start-up line. */
    final class Node {
        final String name;
        private final List<String> extra;
        private Process process;
        int port;

        private Node(String name, List<String> extra) {
            this.name = name;
            this.extra = extra;
        }

        Node start() throws IOException, InterruptedException {
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx384m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), "org.hotline.HotlineApplication",
                    "--server.port=" + port, "--spring.profiles.active=cluster",
                    "--spring.datasource.url=" + DATABASE + "?currentSchema=" + schema + "&ApplicationName=" + schema,
                    "--spring.datasource.username=" + DB_USER, "--spring.flyway.schemas=" + schema,
                    "--hotline.admin.username=" + Wire.ADMIN, "--hotline.admin.password=" + Wire.ADMIN_PASSWORD,
                    "--hotline.access.failed-joins-per-minute=1000", "--hotline.live.chat-burst=100000",
                    "--spring.main.banner-mode=off"));
            String jfr = System.getProperty("cluster.jfr");
            if (jfr != null) {
                // A JFR recording per node, dumped at exit: -Dcluster.jfr=/tmp/node (gives /tmp/node-<name>.jfr).
                command.add(1, "-XX:StartFlightRecording=filename=" + jfr + "-" + name + ".jfr,settings=profile,dumponexit=true");
            }
            command.addAll(extra);
            Path log = logs.resolve(name + ".log");
            Files.deleteIfExists(log);
            process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            long until = System.nanoTime() + Duration.ofSeconds(180).toNanos();
            while (System.nanoTime() < until) {
                Matcher ready = READY.matcher(Files.readString(log));
                if (ready.find()) {
                    port = Integer.parseInt(ready.group(1));
                    return this;
                }
                if (!process.isAlive()) {
                    throw new IllegalStateException("Node " + name + " stopped at start; see " + log);
                }
                Thread.sleep(200);
            }
            throw new IllegalStateException("Node " + name + " did not start in 180 s; see " + log);
        }

        /** SIGKILL: no shutdown hook, no goodbye to its clients, as a crashed machine. */
        /** The node's process id, for reading its CPU time from /proc. */
        long pid() {
            return process.pid();
        }

        void kill() throws InterruptedException {
            process.destroyForcibly().waitFor();
        }

        boolean alive() {
            return process != null && process.isAlive();
        }

        Wire wire() {
            return new Wire(port);
        }

        String log() throws IOException {
            return Files.readString(logs.resolve(name + ".log"));
        }
    }

    Node start(String name, String... extra) throws IOException, InterruptedException {
        Node node = new Node(name, List.of(extra));
        nodes.add(node);
        return node.start();
    }

    /** Drops every database connection of these nodes, as a PostgreSQL restart does for them. */
    int dropDatabaseConnections() throws SQLException {
        try (Connection connection = DriverManager.getConnection(DATABASE, DB_USER, "");
             Statement statement = connection.createStatement();
             var rows = statement.executeQuery("select pg_terminate_backend(pid) from pg_stat_activity where application_name = '"
                     + schema + "'")) {
            int dropped = 0;
            while (rows.next()) {
                dropped++;
            }
            return dropped;
        }
    }

    @Override
    public void close() throws Exception {
        for (Node node : nodes) {
            if (node.alive()) {
                node.process.destroy();
                if (!node.process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                    node.kill();
                }
            }
        }
        try (Connection connection = DriverManager.getConnection(DATABASE, DB_USER, "");
             Statement statement = connection.createStatement()) {
            statement.execute("drop schema if exists " + schema + " cascade");
        }
    }
}
