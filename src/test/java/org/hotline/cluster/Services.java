package org.hotline.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** This machine's PostgreSQL and RabbitMQ, restarted the way an operator (or a crash and a supervisor) would. */
final class Services {

    private Services() {
    }

    /**
     * Under CI=true (the machine is CI's alone) PostgreSQL itself is restarted. Elsewhere the machine
     * is shared with other test runs using the same server, so only these nodes' connections are
     * dropped, which is what a restart does to them, without the seconds of downtime.
     */
    static void restartPostgres(ClusterNodes cluster) throws Exception {
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            String version;
            try (Stream<Path> versions = Files.list(Path.of("/etc/postgresql"))) {
                version = versions.map(p -> p.getFileName().toString()).max(Comparator.comparingInt(Integer::parseInt)).orElseThrow();
            }
            run("pg_ctlcluster", "--skip-systemctl-redirect", version, "main", "restart");
            System.out.println("Restarted PostgreSQL " + version);
        } else {
            int dropped = cluster.dropDatabaseConnections();
            System.out.println("PostgreSQL not restarted (shared machine, CI is not true): dropped the nodes' "
                    + dropped + " connections instead");
        }
    }

    /** Stops RabbitMQ's application: every STOMP connection of every node is cut. */
    static void stopRabbit() throws Exception {
        run("rabbitmqctl", "stop_app");
        System.out.println("Stopped RabbitMQ");
    }

    static void startRabbit() throws Exception {
        run("rabbitmqctl", "start_app");
        for (int i = 0; i < 60 && !ClusterNodes.answers(61613); i++) {
            Thread.sleep(500);
        }
        System.out.println("Started RabbitMQ");
    }

    static Set<String> queueNames() throws Exception {
        return run("rabbitmqctl", "list_queues", "-q", "name").lines().map(String::strip).collect(Collectors.toSet());
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " did not finish in 120 s");
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
        }
        return output;
    }
}
