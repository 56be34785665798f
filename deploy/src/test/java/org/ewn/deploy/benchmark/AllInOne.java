package org.ewn.deploy.benchmark;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.ewn.command.submission.TrustProperties;
import org.ewn.deploy.NetworkApplication;
import org.ewn.trust.IssuedKey;
import org.ewn.trust.KeyStores;
import org.ewn.trust.SubmissionSigner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The all-in-one application on a fresh data directory, as an operator starts it: the embedded store and the demo
 * network it sets up on first start, whose agencies sign with the keys it leaves in {@code demo-pki}.
 */
final class AllInOne implements AutoCloseable {

    /** The demo accounts' password and, with it set, the demo key stores' password too. */
    static final String PASSWORD = "bench-password";
    /** Each demo agency's signing key, under this alias in {@code demo-pki/<agency>.p12}. */
    private static final String SIGNING_ALIAS = "signing";

    private final Path directory;
    private final ConfigurableApplicationContext context;
    private final double startSeconds;

    private AllInOne(Path directory, ConfigurableApplicationContext context, double startSeconds) {
        this.directory = directory;
        this.context = context;
        this.startSeconds = startSeconds;
    }

    static AllInOne start(String name) throws IOException {
        Path directory = Files.createTempDirectory("ewn-bench-" + name);
        Benchmark.progress("starting the all-in-one application (" + name + ")");
        long starting = System.nanoTime();
        ConfigurableApplicationContext context = new SpringApplicationBuilder(NetworkApplication.class).run(
                "--server.port=0", "--ewn.data.dir=" + directory, "--ewn.demo.password=" + PASSWORD,
                "--logging.level.root=WARN", "--spring.main.banner-mode=off",
                // the benchmark measures the hub's capacity, which an agency's rate limit would hide
                "--ewn.rate-limit.enabled=false");
        return new AllInOne(directory, context, (System.nanoTime() - starting) / 1e9);
    }

    int port() {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    double startSeconds() {
        return startSeconds;
    }

    /**
     * Waits until every tracking event processor has handled every event in the log, so that what follows is not
     * charged for work left from before; the seconds it took.
     */
    double awaitProcessorsCaughtUp(Duration limit) throws InterruptedException {
        long started = System.nanoTime();
        long deadline = started + limit.toNanos();
        EventProcessingConfiguration processing = bean(EventProcessingConfiguration.class);
        EventStore events = bean(EventStore.class);
        while (System.nanoTime() < deadline) {
            TrackingToken head = events.createHeadToken();
            long headPosition = head == null ? -1 : head.position().orElse(-1);
            boolean caughtUp = processing.eventProcessors().values().stream()
                    .filter(TrackingEventProcessor.class::isInstance)
                    .map(TrackingEventProcessor.class::cast)
                    .allMatch(processor -> !processor.processingStatus().isEmpty()
                            && processor.processingStatus().values().stream().allMatch(status ->
                                    status.getCurrentPosition().orElse(-1) >= headPosition));
            if (caughtUp) {
                return (System.nanoTime() - started) / 1e9;
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("the event processors did not catch up with the log within " + limit);
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    IssuedKey signingKey(String agency) throws IOException {
        Path file = directory.resolve("demo-pki").resolve(agency + ".p12");
        return KeyStores.load(file, PASSWORD.toCharArray()).get(SIGNING_ALIAS);
    }

    /** Signs as a demo agency, such as {@code KZ-DEMO}, for the network this application runs. */
    SubmissionSigner signer(String agency) throws IOException {
        return new SubmissionSigner(signingKey(agency), bean(TrustProperties.class).network());
    }

    @Override
    public void close() throws IOException {
        try {
            context.close();
        } finally {
            try (Stream<Path> files = Files.walk(directory)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }
}
