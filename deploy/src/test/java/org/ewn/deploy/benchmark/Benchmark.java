package org.ewn.deploy.benchmark;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import com.mongodb.internal.build.MongoDriverVersion;
import de.bwaldvogel.mongo.MongoServer;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The benchmark: {@code mvn -B -Pbenchmark -pl deploy -am -DskipTests verify}. Runs every scenario in one JVM against
 * embedded stores of the same kind and prints one table. It prints figures next to their targets and asserts nothing.
 */
public final class Benchmark {

    private Benchmark() {
    }

    public static void main(String[] args) throws Exception {
        // the driver and the server log every connection; the table is the output
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
        long start = System.nanoTime();
        ResultTable table = new ResultTable();
        describeMachine(table);

        // EWN_BENCHMARK_SECTIONS=audit,push runs only those sections; all of them by default
        java.util.Set<String> only = new java.util.HashSet<>(java.util.Arrays.asList(
                System.getenv().getOrDefault("EWN_BENCHMARK_SECTIONS", "").toLowerCase(java.util.Locale.ROOT)
                        .split("[,\\s]+")));
        only.remove("");
        if (only.isEmpty() || only.contains("throughput")) {
            new ThroughputScenarios(table).run();
        }
        if (only.isEmpty() || only.contains("latency")) {
            new LatencyAtScale(table).run();
        }
        if (only.isEmpty() || only.contains("end-to-end")) {
            new EndToEnd(table).run();
        }
        if (only.isEmpty() || only.contains("push")) {
            new PushAtScale(table).run();
        }
        if (only.isEmpty() || only.contains("signatures")) {
            new SignatureVerification(table).run();
        }
        if (only.isEmpty() || only.contains("audit")) {
            new AuditVerification(table).run();
        }
        if (only.isEmpty() || only.contains("keys")) {
            new IndexKeys(table).run();
        }
        if (only.isEmpty() || only.contains("sweeps")) {
            new DeadlineSweeps(table).run();
        }

        table.header(String.format("whole run: %.0f s", (System.nanoTime() - start) / 1e9));
        System.out.println(table.render());
        // the application and the drivers leave non-daemon threads behind
        System.exit(0);
    }

    /** Progress goes to stderr, so that stdout holds only the table. */
    static void progress(String what) {
        System.err.println("[benchmark] " + what + " ...");
    }

    private static void describeMachine(ResultTable table) throws IOException {
        Runtime runtime = Runtime.getRuntime();
        table.header("Early-Warning Network benchmark, " + Instant.now());
        table.header(String.format("machine: %d cores (%s), %s %s; %s %s, max heap %d MiB, JVM options %s",
                                   runtime.availableProcessors(), cpuModel(), System.getProperty("os.name"),
                                   System.getProperty("os.arch"), System.getProperty("java.vm.name"),
                                   System.getProperty("java.runtime.version"), runtime.maxMemory() >> 20,
                                   ManagementFactory.getRuntimeMXBean().getInputArguments()));
        table.header("load average at the start: " + loadAverage() + " (other processes share these cores; see the"
                     + " 'other processes' figures)");
        table.header(String.format("store: mongo-java-server %s, H2 file backend as the application runs it "
                                   + "(the log and all but what a replay rebuilds committed before each write is "
                                   + "acknowledged; a fresh server and file per scenario), "
                                   + "MongoDB Java driver %s over loopback; Axon %s",
                                   version(MongoServer.class), MongoDriverVersion.VERSION,
                                   version(EventStorageEngine.class)));
    }

    private static String cpuModel() throws IOException {
        Path cpuInfo = Path.of("/proc/cpuinfo");
        if (!Files.isReadable(cpuInfo)) {
            return "model unknown";
        }
        return Files.readAllLines(cpuInfo).stream()
                    .filter(line -> line.startsWith("model name"))
                    .map(line -> line.substring(line.indexOf(':') + 1).trim())
                    .findFirst().orElse("model unknown");
    }

    private static String loadAverage() throws IOException {
        Path loadAverage = Path.of("/proc/loadavg");
        return Files.isReadable(loadAverage) ? Files.readString(loadAverage).trim() : "unknown";
    }

    /** From the jar's manifest or, failing that, its file name. */
    private static String version(Class<?> type) {
        String version = type.getPackage().getImplementationVersion();
        if (version != null) {
            return version;
        }
        Matcher jarName = Pattern.compile("-(\\d[^/]*)\\.jar$")
                                 .matcher(type.getProtectionDomain().getCodeSource().getLocation().getPath());
        return jarName.find() ? jarName.group(1) : "(version unknown)";
    }
}
