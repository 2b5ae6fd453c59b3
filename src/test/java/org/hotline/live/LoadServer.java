package org.hotline.live;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.hotline.HotlineApplication;

/**
 * The server under load, in its own JVM as an operator runs it: pinned to one core with taskset when
 * the machine has it, {@code -XX:ActiveProcessorCount=1 -Xmx512m} and {@link #JIT_OPTIONS}, a fresh data folder. Reads its
 * CPU time and RSS from /proc and its heap after a full GC through jcmd.
 */
final class LoadServer implements AutoCloseable {

    private static final Pattern HEAP_USED = Pattern.compile("^\\s*(?:garbage-first heap|def new generation|tenured generation"
            + "|PSYoungGen|ParOldGen|Shenandoah).*?used (\\d+)K", Pattern.MULTILINE);

    /** "   12:   3456   789012  java.lang.String (java.base@17)": instances, bytes, class. */
    private static final Pattern HISTOGRAM_LINE = Pattern.compile("^\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+)", Pattern.MULTILINE);

    final int port;
    final Path data;
    final boolean pinned;
    private final Process process;
    private final String jfr;

    /**
     * The JIT setting README gives for a server on one core: C1 only. The JVM's default also compiles
     * hot code again with C2, which on one core takes the core from serving for minutes after a start;
     * {@code -Dload.jvm=} (empty) runs that default instead, {@code -Dload.jvm="..."} other options.
     */
    static final String JIT_OPTIONS = System.getProperty("load.jvm", "-XX:TieredStopAtLevel=1").trim();

    LoadServer(Path data, Path scenarios, String jfr, String... extraArgs) throws IOException {
        this.data = data;
        this.jfr = jfr;
        this.port = freePort();
        List<String> command = new ArrayList<>();
        pinned = Files.isExecutable(Path.of("/usr/bin/taskset"));
        if (pinned) {
            command.addAll(List.of("/usr/bin/taskset", "-c", "0"));
        }
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:ActiveProcessorCount=1", "-Xmx512m"));
        // Compiler threads that end take their CPU time with them: kept, the JIT's share can be read (cpu()).
        command.add("-XX:-UseDynamicNumberOfCompilerThreads");
        if (!JIT_OPTIONS.isEmpty()) {
            command.addAll(List.of(JIT_OPTIONS.split("\\s+")));
        }
        if (jfr != null) {
            // Deep stacks: at JFR's default of 64 frames the server's own callers under H2 and Jackson are cut off.
            command.add("-XX:FlightRecorderOptions=stackdepth=256");
            command.add("-XX:StartFlightRecording=settings=profile,filename=" + jfr);
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), HotlineApplication.class.getName(),
                "--server.port=" + port, "--hotline.data-dir=" + data.toAbsolutePath(),
                "--hotline.admin.username=" + Wire.ADMIN, "--hotline.admin.password=" + Wire.ADMIN_PASSWORD,
                "--hotline.access.failed-joins-per-minute=1000000", "--hotline.scenarios.folder=" + scenarios.toAbsolutePath(),
                "--spring.main.banner-mode=off", "--logging.level.root=WARN"));
        command.addAll(List.of(extraArgs));
        process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(data.resolve("server.log").toFile()).start();
        Wire wire = new Wire(port);
        long until = System.nanoTime() + Duration.ofSeconds(600).toNanos();
        while (true) {
            try {
                if (wire.get("/actuator/health", null).status() == 200) {
                    return;
                }
            } catch (RuntimeException notYet) {
                // The port is not open yet.
            }
            if (!process.isAlive() || System.nanoTime() > until) {
                process.destroyForcibly();
                throw new IllegalStateException("server did not start; see " + data.resolve("server.log"));
            }
            sleep(250);
        }
    }

    long pid() {
        // taskset execs the JVM, so the process keeps its id.
        return process.pid();
    }

    /** User plus system CPU seconds the server has used so far. */
    double cpuSeconds() {
        try {
            return ticks(Files.readString(Path.of("/proc/" + pid() + "/stat")));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The server's CPU seconds so far: in all, compiling (the JIT), and in its collector (and VM) thread. */
    record Cpu(double total, double jit, double gc) {
        Cpu minus(Cpu before) {
            return new Cpu(total - before.total, jit - before.jit, gc - before.gc);
        }
    }

    /**
     * On one core the JIT compiles in the time it would otherwise serve: its share tells the cost of
     * serving from the cost of warming up. Its compiler threads' CPU (they are kept for the server's
     * life, see the constructor), and the collector's (with one core, the VM thread's).
     */
    Cpu cpu() {
        double jit = 0;
        double gc = 0;
        try (var tasks = Files.list(Path.of("/proc/" + pid() + "/task"))) {
            for (Path task : tasks.toList()) {
                try {
                    String name = Files.readString(task.resolve("comm")).trim();
                    boolean compiler = name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre");
                    boolean collector = name.equals("VM Thread") || name.startsWith("GC ") || name.startsWith("G1 ");
                    if (compiler || collector) {
                        double seconds = ticks(Files.readString(task.resolve("stat")));
                        jit += compiler ? seconds : 0;
                        gc += collector ? seconds : 0;
                    }
                } catch (IOException exited) {
                    // The thread ended between the listing and the read.
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return new Cpu(cpuSeconds(), jit, gc);
    }

    private static double ticks(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // Fields 14 and 15 of stat (utime, stime) in clock ticks of 1/100 s.
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
    }

    double rssMegabytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid() + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
                }
            }
            return Double.NaN;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Heap in use right after a full collection, in bytes. */
    long heapAfterGc() {
        jcmd("GC.run");
        Matcher m = HEAP_USED.matcher(jcmd("GC.heap_info"));
        long used = 0;
        while (m.find()) {
            used += Long.parseLong(m.group(1)) * 1024;
        }
        return used;
    }

    /** Live objects by class after a full collection (jcmd GC.class_histogram): instances and bytes. */
    Map<String, long[]> classHistogram() {
        Map<String, long[]> classes = new HashMap<>();
        Matcher m = HISTOGRAM_LINE.matcher(jcmd("GC.class_histogram"));
        while (m.find()) {
            classes.merge(m.group(3), new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2))},
                    (a, b) -> new long[] {a[0] + b[0], a[1] + b[1]});
        }
        return classes;
    }

    /**
     * The database's size in bytes. SQLite's is its pages (page_count, as a connection from here
     * reads it): the file's size after the next checkpoint. The file beside it, the write-ahead
     * log, grows to some 4 MB and is then written again from its start, so counting it as growth
     * showed 170 KB a turn where the database grew by 10. H2's is its files' size.
     */
    long databaseBytes() {
        return sqlitePages("page_count");
    }

    /** The bytes of the SQLite file's pages in use (not on its free list); for another store, the files' size. */
    long databaseBytesInUse() {
        return sqlitePages("page_count - freelist_count");
    }

    private long sqlitePages(String pages) {
        Path sqlite = data.resolve("hotline.db");
        if (Files.exists(sqlite)) {
            try (java.sql.Connection db = java.sql.DriverManager.getConnection("jdbc:sqlite:" + sqlite);
                    java.sql.Statement sql = db.createStatement();
                    java.sql.ResultSet size = sql.executeQuery("select (" + pages + ") * page_size from pragma_page_count, "
                            + "pragma_freelist_count, pragma_page_size")) {
                size.next();
                return size.getLong(1);
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException("cannot read the size of " + sqlite + ": " + e.getMessage(), e);
            }
        }
        try (Stream<Path> files = Files.list(data)) {
            return files.filter(p -> p.getFileName().toString().startsWith("hotline")).mapToLong(p -> p.toFile().length()).sum();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    String jcmd(String... command) {
        List<String> line = new ArrayList<>(List.of("jcmd", String.valueOf(pid())));
        line.addAll(List.of(command));
        try {
            Process p = new ProcessBuilder(line).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            p.waitFor();
            return out;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        if (jfr != null && process.isAlive()) {
            System.out.println(jcmd("JFR.dump", "filename=" + jfr).trim());
        }
        process.destroyForcibly();
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
